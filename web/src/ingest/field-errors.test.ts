import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { saveErrorsFrom, validateDraft } from './field-errors.ts';
import { commitRequestOf, type ImportDraft } from './import-draft.ts';

const draft = (): ImportDraft => ({
  text: '……',
  mode: 'new',
  cooperationName: '青岛—烟台全面深化合作',
  visibility: 'parties',
  cooperationId: null,
  offices: {},
  periods: 'quarterly',
  parties: [
    { key: 'party-0', name: '青岛市', regionCode: '370200', span: null },
    { key: 'party-1', name: '烟台市', regionCode: '370600', span: null },
  ],
  agreement: { title: '全面深化合作框架协议', kind: 'framework', signedOn: '2024-05-18', signedOnText: null, place: '', titleSpan: null, dateSpan: null },
  areas: [{ key: 'area-0', label: '（一）', title: '', span: null, children: [{ key: 'area-0-0', label: '1.', title: '共建产业链', span: null, children: [] }] }],
  amounts: [],
  targets: [{ key: 'target-0', text: '', year: 2025, indicator: '投资项目', value: 50, valueMax: null, unit: '个', comparator: '>=', span: null }],
  subAgreements: [],
  projects: [],
  counts: [],
});

describe('what keeps a draft from being saved', () => {
  it('finds nothing wrong with a complete draft, a heading-less area included', () => {
    expect(validateDraft(draft())).toEqual({ fields: {}, general: [] });
  });

  it('asks for a name, two parties with regions, a title, named directions and complete targets', () => {
    const complete = draft();
    const broken: ImportDraft = {
      ...complete,
      cooperationName: ' ',
      parties: [{ key: 'party-0', name: '', regionCode: null, span: null }],
      agreement: { ...complete.agreement, title: '', signedOn: '2024/5/18' },
      areas: complete.areas.map((area) => ({ ...area, children: area.children.map((item) => ({ ...item, title: '' })) })),
      targets: complete.targets.map((target) => ({ ...target, unit: '' })),
    };
    expect(Object.fromEntries(Object.entries(validateDraft(broken).fields).map(([field, issue]) => [field, issue.code]))).toEqual({
      'cooperation.name': 'required',
      parties: 'partiesRequired',
      'party-0.regionCode': 'regionRequired',
      'agreement.title': 'required',
      'agreement.signedOn': 'invalidDate',
      'area-0-0.title': 'required',
      'target-0.unit': 'required',
    });
  });

  it('puts field errors from the server beside the tree node, party or field they are about', () => {
    const current = draft();
    const { keysByPath } = commitRequestOf(current);
    const error = new ApiError(400, 'request.invalid', 'The request has invalid fields', [
      { path: 'body.areas.0.items.0.title', message: 'Too big: expected string to have <=1000 characters' },
      { path: 'body.parties.1.regionCode', message: 'a GB/T 2260 code (6 digits) or an ISO 3166 country code' },
      { path: 'body.agreement.title', message: 'Too small: expected string to have >=1 characters' },
      { path: 'body.agreement.parentId', message: 'Invalid UUID' },
    ]);
    const located = saveErrorsFrom(error, current, keysByPath);
    expect(located?.fields['area-0-0.title']?.code).toBe('tooLong');
    expect(located?.fields['party-1.regionCode']?.code).toBe('regionRequired');
    expect(located?.fields['agreement.title']?.code).toBe('required');
    expect(located?.general).toEqual([{ path: 'agreement.parentId', issue: { code: 'invalid', detail: 'Invalid UUID' } }]);
  });

  it('turns refusals coded by the service into the parties field, and leaves other failures to the page', () => {
    const current = draft();
    const { keysByPath } = commitRequestOf(current);
    const duplicate = new ApiError(400, 'cooperation.duplicate_party', 'The same region is named twice as a party');
    expect(saveErrorsFrom(duplicate, current, keysByPath)?.fields.parties?.code).toBe('duplicateParty');
    expect(saveErrorsFrom(new ApiError(403, 'auth.forbidden', 'no'), current, keysByPath)).toBeNull();
  });
});
