import { expect } from 'vitest';
import { addDays } from '../../src/modules/task/business-date.ts';
import type { TestApp } from '../setup/test-app.ts';

/** The 青岛—深圳 demo cooperation as the task tests use it: its sides, units and directions. */
export interface QingdaoShenzhen {
  id: string;
  qingdao: string;
  shenzhen: string;
  frameworkId: string;
  directionIds: string[];
  unit(name: string): string;
}

export interface TaskDetail {
  id: string;
  title: string;
  status: string;
  percent: number;
  version: number;
  joint: boolean;
  ownerPartyId: string | null;
  visibility: string;
  dueOn: string | null;
  doneAt: string | null;
  overdue: boolean;
  closeRequested: boolean;
  sides: { partyId: string; partyName: string; lead: { organizationId: string; name: string } | null; co: { organizationId: string; name: string }[] }[];
  owners: { username: string }[];
  clauses: { id: string }[];
  milestones: { id: string; title: string; version: number; doneAt: string | null }[];
  closure: { round: number; requiredPartyIds: string[]; pendingPartyIds: string[]; approvals: { round: number; partyId: string; decision: string }[] };
  supervisionNotices: { id: string; number: string }[];
  can: { edit: boolean; updateProgress: boolean; decideClosure: boolean };
}

export interface LedgerPage {
  items: (Omit<TaskDetail, 'owners' | 'clauses' | 'milestones' | 'closure' | 'supervisionNotices' | 'can'> & {
    milestoneCounts: { done: number; total: number };
    priority: string;
    tags: string[];
    can: { updateProgress: boolean };
  })[];
  total: number;
  countsByStatus: Record<string, number>;
}

interface ClauseNode {
  id: string;
  level: string;
  children: ClauseNode[];
}

export async function qingdaoShenzhen(t: TestApp, token: string): Promise<QingdaoShenzhen> {
  const list = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token })).json<{ items: { id: string }[] }>();
  const id = list.items[0]?.id;
  if (!id) throw new Error('demo cooperation 青岛—深圳 missing');
  const cooperation = (await t.call('GET', `/api/v1/cooperations/${id}`, { token })).json<{ parties: { id: string; regionCode: string }[] }>();
  const side = (code: string) => cooperation.parties.find((p) => p.regionCode === code)?.id ?? '';
  const agreements = (await t.call('GET', `/api/v1/cooperations/${id}/agreements`, { token })).json<{ items: { id: string; kind: string }[] }>();
  const frameworkId = agreements.items.find((a) => a.kind === 'framework')?.id ?? '';
  const tree = (await t.call('GET', `/api/v1/agreements/${frameworkId}/clauses`, { token })).json<{ items: ClauseNode[] }>().items;
  const units = new Map<string, string>();
  for (const region of ['370200', '440300', '440500']) {
    const page = (await t.call('GET', `/api/v1/organizations?regionCode=${region}&pageSize=200`, { token })).json<{ items: { id: string; name: string }[] }>();
    for (const o of page.items) units.set(o.name, o.id);
  }
  return {
    id,
    qingdao: side('370200'),
    shenzhen: side('440300'),
    frameworkId,
    directionIds: tree.flatMap((area) => area.children.filter((c) => c.level === 'direction').map((c) => c.id)),
    unit(name) {
      const found = units.get(name);
      if (!found) throw new Error(`demo unit ${name} missing`);
      return found;
    },
  };
}

/** A joint task with the science bureaus leading on both sides, as a coordinator would enter it. */
function scienceTaskBody(c: QingdaoShenzhen, overrides: Record<string, unknown> = {}) {
  return {
    title: '共建联合实验室',
    startOn: '2026-01-01',
    dueOn: '2026-12-31',
    units: [
      { partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' },
      { partyId: c.shenzhen, organizationId: c.unit('深圳市科技创新局'), role: 'lead' },
    ],
    ...overrides,
  };
}

export async function createTask(t: TestApp, token: string, c: QingdaoShenzhen, overrides: Record<string, unknown> = {}): Promise<TaskDetail> {
  const res = await t.call('POST', `/api/v1/cooperations/${c.id}/tasks`, { token, body: scienceTaskBody(c, overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TaskDetail>();
}

/** 青岛's own task, kept to its side and three days overdue: the other side's private work, which 深圳 and outsiders never count. */
export function createQingdaoOwnOverdueTask(t: TestApp, token: string, c: QingdaoShenzhen, title: string): Promise<TaskDetail> {
  return createTask(t, token, c, {
    title,
    joint: false,
    ownerPartyId: c.qingdao,
    visibility: 'side',
    startOn: addDays(t.services.task.today(), -30),
    dueOn: addDays(t.services.task.today(), -3),
    units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' }],
  });
}

export function expectError(res: { statusCode: number; body: string; json<T>(): T }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
}
