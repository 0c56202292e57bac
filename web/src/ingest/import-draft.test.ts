import { describe, expect, it } from 'vitest';
import { commitRequestOf, draftFromResult, suggestCooperationName } from './import-draft.ts';
import type { IngestResult } from './ingest-types.ts';

const text = '青岛市与烟台市签署全面深化合作框架协议。（一）产业协同发展 1.共建海洋装备产业链';

const result: IngestResult = {
  title: '青岛市与烟台市签署全面深化合作框架协议',
  title_span: { start: 0, end: 19 },
  signed_on: null,
  signed_on_text: '5月18日',
  signed_on_span: null,
  parties: ['青岛市', '烟台市'],
  party_details: [
    { name: '青岛市', code: '370200', level: 'city', confidence: 'high', reason: 'headline_and_signing', start: 0, end: 3 },
    { name: '烟台市', code: '370600', level: 'city', confidence: 'high', reason: 'headline_and_signing', start: 4, end: 7 },
  ],
  agreement: '全面深化合作框架协议',
  agreement_span: { start: 9, end: 19 },
  areas: [{ label: '（一）', title: '产业协同发展', start: 23, end: 29, items: [{ label: '1.', title: '共建海洋装备产业链', start: 32, end: 41 }] }],
  amounts: [],
  targets: [{ text: '到2025年…50个以上', year: 2025, indicator: '互相投资项目', value: 50, value_max: null, unit: '个', comparator: '>=', start: 0, end: 5 }],
  sub_agreements: ['港口合作协议'],
  sub_agreement_details: [{ name: '港口合作协议', start: 1, end: 3 }],
  projects: ['胶东半岛科技创新联盟'],
  project_details: [],
  counts: [],
};

describe('the draft of an ingestion result', () => {
  it('names a cooperation after its parties and what the agreement says it is', () => {
    expect(suggestCooperationName(['青岛市', '深圳市'], '战略合作协议', null)).toBe('青岛—深圳战略合作');
    expect(suggestCooperationName(['大连市', '烟台市'], '大连市人民政府与烟台市人民政府“双城联动”合作框架协议', null)).toBe('大连—烟台“双城联动”合作');
    expect(suggestCooperationName(['深圳市', '汕头市'], null, null)).toBe('深圳—汕头跨区域合作');
    expect(suggestCooperationName(['闵行区', '合肥经济技术开发区'], null, null)).toBe('闵行—合肥经济技术开发区跨区域合作');
  });

  it('is the same draft, keys included, every time the same result is read', () => {
    expect(draftFromResult(text, result)).toEqual(draftFromResult(text, result));
  });

  it('starts from the parties with their region codes and the agreement with its date words', () => {
    const draft = draftFromResult(text, result);
    expect(draft.parties.map((p) => [p.name, p.regionCode])).toEqual([
      ['青岛市', '370200'],
      ['烟台市', '370600'],
    ]);
    expect(draft.agreement).toMatchObject({ title: '全面深化合作框架协议', signedOn: '', signedOnText: '5月18日' });
    expect(draft.projects[0]).toMatchObject({ name: '胶东半岛科技创新联盟', span: null });
  });

  it('builds the commit request with spans, and knows which draft item each array element came from', () => {
    const draft = draftFromResult(text, result);
    const { body, keysByPath } = commitRequestOf(draft);
    expect(body.cooperation).toEqual({ name: '青岛—烟台全面深化合作', visibility: 'parties' });
    expect(body.parties).toEqual([
      { regionCode: '370200', name: '青岛市' },
      { regionCode: '370600', name: '烟台市' },
    ]);
    expect(body.agreement).toEqual({ title: '全面深化合作框架协议', kind: 'framework', signedOn: null, text });
    expect(body.areas).toEqual([{ label: '（一）', title: '产业协同发展', start: 23, end: 29, items: [{ label: '1.', title: '共建海洋装备产业链', start: 32, end: 41 }] }]);
    expect(body.targets[0]).toMatchObject({ year: 2025, indicator: '互相投资项目', value: 50, unit: '个', comparator: '>=' });
    expect(keysByPath.get('areas.0.items.0')).toBe('area-0-0');
    expect(keysByPath.get('parties.1')).toBe('party-1');
  });

  it('sends only the cooperation id when adding to an existing cooperation', () => {
    const draft = { ...draftFromResult(text, result), mode: 'existing' as const, cooperationId: '8a5e3d7e-0b8f-4a55-9d6b-2f0f2d1c8a11' };
    const { body } = commitRequestOf(draft);
    expect(body.cooperationId).toBe('8a5e3d7e-0b8f-4a55-9d6b-2f0f2d1c8a11');
    expect(body.cooperation).toBeUndefined();
    expect(body.parties).toEqual([]);
  });
});
