import { describe, expect, it } from 'vitest';
import type { AgreementListItem, ClauseNode } from '../api/types.ts';
import { agreementOfClauses, clauseChoices, newTaskRequest, perDirectionRequest, type NewTaskValues } from './new-task-request.ts';

const QINGDAO = 'party-qd';
const SHENZHEN = 'party-sz';
const PARTIES = [QINGDAO, SHENZHEN];

const values = (patch: Partial<NewTaskValues> = {}): NewTaskValues => ({
  title: '  联合举办产业对接会 ',
  joint: true,
  priority: 'high',
  ...patch,
});

const agreement = (id: string, title: string): AgreementListItem => ({
  id,
  parentId: null,
  kind: 'framework',
  title,
  signedOn: null,
  place: null,
  signatories: [],
  visibility: 'parties',
  ownerPartyId: null,
  currentTextVersion: 1,
  version: 1,
  clauseCount: 0,
  can: { edit: false },
});

const clause = (id: string, ordinal: number, title: string, children: ClauseNode[] = [], label: string | null = null): ClauseNode => ({
  id,
  parentId: null,
  level: children.length > 0 ? 'area' : 'direction',
  label,
  title,
  body: null,
  ordinal,
  spanStart: null,
  spanEnd: null,
  version: 1,
  children,
});

describe('the request a new-task form sends', () => {
  it('names a lead and co-operating units per side of a joint task, each with the field it was picked in', () => {
    const { body, unitFields } = newTaskRequest(
      values({ sides: { [QINGDAO]: { lead: 'qd-sti', co: ['qd-edu', 'qd-sti', 'qd-edu'] }, [SHENZHEN]: { lead: 'sz-sti' } } }),
      PARTIES,
      new Map(),
    );
    expect(body.units).toEqual([
      { partyId: QINGDAO, organizationId: 'qd-sti', role: 'lead' },
      { partyId: QINGDAO, organizationId: 'qd-edu', role: 'co' },
      { partyId: SHENZHEN, organizationId: 'sz-sti', role: 'lead' },
    ]);
    expect(unitFields.map((u) => u.name)).toEqual([
      ['sides', QINGDAO, 'lead'],
      ['sides', QINGDAO, 'co'],
      ['sides', SHENZHEN, 'lead'],
    ]);
    expect(body).toMatchObject({ title: '联合举办产业对接会', description: '', joint: true, ownerPartyId: null, priority: 'high', startOn: null, dueOn: null });
  });

  it('keeps a one-sided task to its owner side, leaving out units chosen for the other side before switching', () => {
    const { body } = newTaskRequest(
      values({ joint: false, ownerPartyId: SHENZHEN, sides: { [QINGDAO]: { lead: 'qd-sti' }, [SHENZHEN]: { lead: 'sz-sti' } } }),
      PARTIES,
      new Map(),
    );
    expect(body.ownerPartyId).toBe(SHENZHEN);
    expect(body.units).toEqual([{ partyId: SHENZHEN, organizationId: 'sz-sti', role: 'lead' }]);
  });

  it('trims and de-duplicates tags, sends dates as given and empty ones as null', () => {
    const { body } = newTaskRequest(values({ tags: [' 科技', '科技', '  ', '海洋'], startOn: '2026-03-01', dueOn: '' }), PARTIES, new Map());
    expect(body.tags).toEqual(['科技', '海洋']);
    expect(body.startOn).toBe('2026-03-01');
    expect(body.dueOn).toBeNull();
  });

  it('names the agreement when every chosen clause comes from the same one, and none when they span two', () => {
    const agreementOf = new Map([
      ['c1', 'a1'],
      ['c2', 'a1'],
      ['c3', 'a2'],
    ]);
    expect(newTaskRequest(values({ clauseIds: ['c1', 'c2'] }), PARTIES, agreementOf).body).toMatchObject({ agreementId: 'a1', clauseIds: ['c1', 'c2'] });
    expect(agreementOfClauses(['c1', 'c3'], agreementOf)).toBeNull();
    expect(agreementOfClauses([], agreementOf)).toBeNull();
    expect(agreementOfClauses(['unknown'], agreementOf)).toBeNull();
  });
});

describe('the request for a task per direction', () => {
  it('sends a default lead unit for each side that has one, in the parties order', () => {
    const { body, unitFields } = perDirectionRequest({ leads: { [SHENZHEN]: 'sz-sti', [QINGDAO]: undefined }, priority: 'normal', dueOn: '2026-12-31' }, PARTIES);
    expect(body).toEqual({ leadUnits: [{ partyId: SHENZHEN, organizationId: 'sz-sti' }], priority: 'normal', dueOn: '2026-12-31' });
    expect(unitFields).toEqual([{ name: ['leads', SHENZHEN], partyId: SHENZHEN, organizationId: 'sz-sti' }]);
  });
});

describe('the clauses a task can serve', () => {
  it('lists agreements with clauses as headings over their clause trees in order, and knows each clause’s agreement', () => {
    const choices = clauseChoices([
      { agreement: agreement('a1', '战略合作协议'), clauses: [clause('area-2', 2, '开放合作', [clause('d3', 1, '会展')]), clause('area-1', 1, '科技创新', [clause('d2', 2, '场景'), clause('d1', 1, '高校', [], '1.')], '（一）')] },
      { agreement: agreement('a2', '尚未拆解的协议'), clauses: [] },
    ]);
    expect(choices.options).toEqual([
      {
        value: 'agreement:a1',
        title: '战略合作协议',
        selectable: false,
        children: [
          {
            value: 'area-1',
            title: '（一） 科技创新',
            selectable: true,
            children: [
              { value: 'd1', title: '1. 高校', selectable: true },
              { value: 'd2', title: '场景', selectable: true },
            ],
          },
          { value: 'area-2', title: '开放合作', selectable: true, children: [{ value: 'd3', title: '会展', selectable: true }] },
        ],
      },
    ]);
    expect(choices.agreementOf.get('d3')).toBe('a1');
    expect(choices.agreementOf.get('area-1')).toBe('a1');
  });
});
