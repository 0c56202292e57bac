import { ApiError } from '../api/client.ts';
import { findNode } from './draft-tree.ts';
import type { DraftNode, ImportDraft } from './import-draft.ts';

/**
 * Problems with a draft, whether found before sending or reported by the server, keyed by where the form shows
 * them: a fixed field ("agreement.title") or a draft item's key with the field inside it ("area-0-1.title").
 */

type IssueCode =
  | 'required'
  | 'tooLong'
  | 'invalidCharacters'
  | 'outOfRange'
  | 'invalid'
  | 'invalidDate'
  | 'regionRequired'
  | 'regionNotFound'
  | 'partiesRequired'
  | 'duplicateParty'
  | 'cooperationRequired'
  | 'cooperationNotFound';

export interface FieldIssue {
  code: IssueCode;
  /** The server's own wording, kept for the person who has to tell support what went wrong. */
  detail?: string;
}

export type FieldErrors = Record<string, FieldIssue>;

/** An issue no field on the page owns: shown above the form with the path the server named. */
interface GeneralIssue {
  path: string;
  issue: FieldIssue;
}

export interface SaveErrors {
  fields: FieldErrors;
  general: GeneralIssue[];
}

export const NO_ERRORS: SaveErrors = { fields: {}, general: [] };

const FIXED_FIELDS = new Set([
  'cooperation.name',
  'cooperation.visibility',
  'cooperationId',
  'parties',
  'agreement.title',
  'agreement.kind',
  'agreement.signedOn',
  'agreement.place',
]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first issue for a field or for anything inside a draft item. */
export function issueAt(errors: FieldErrors, key: string): FieldIssue | undefined {
  if (errors[key]) return errors[key];
  const prefix = `${key}.`;
  for (const [field, issue] of Object.entries(errors)) if (field.startsWith(prefix)) return issue;
  return undefined;
}

export function hasErrors(errors: SaveErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}

function checkNodes(nodes: readonly DraftNode[], isArea: boolean, fields: FieldErrors): void {
  for (const node of nodes) {
    // A heading-less list ("在A、B等方面") is a legitimate area; its items must say what they are.
    if (!isArea && !node.title.trim()) fields[`${node.key}.title`] = { code: 'required' };
    checkNodes(node.children, false, fields);
  }
}

/** What the server would refuse anyway, caught before sending so the person sees all of it at once. */
export function validateDraft(draft: ImportDraft): SaveErrors {
  const fields: FieldErrors = {};
  if (draft.mode === 'new') {
    if (!draft.cooperationName.trim()) fields['cooperation.name'] = { code: 'required' };
    const located = draft.parties.filter((party) => party.regionCode);
    if (draft.parties.length < 2) fields.parties = { code: 'partiesRequired' };
    else if (new Set(located.map((party) => party.regionCode)).size !== located.length) fields.parties = { code: 'duplicateParty' };
    for (const party of draft.parties) if (!party.regionCode) fields[`${party.key}.regionCode`] = { code: 'regionRequired' };
  } else if (!draft.cooperationId) {
    fields.cooperationId = { code: 'cooperationRequired' };
  }
  if (!draft.agreement.title.trim()) fields['agreement.title'] = { code: 'required' };
  if (draft.agreement.signedOn && !ISO_DATE.test(draft.agreement.signedOn)) fields['agreement.signedOn'] = { code: 'invalidDate' };
  checkNodes(draft.areas, true, fields);
  for (const target of draft.targets) {
    if (!target.indicator.trim()) fields[`${target.key}.indicator`] = { code: 'required' };
    if (target.value === null) fields[`${target.key}.value`] = { code: 'required' };
    if (!target.unit.trim()) fields[`${target.key}.unit`] = { code: 'required' };
  }
  for (const named of [...draft.subAgreements, ...draft.projects]) if (!named.name.trim()) fields[`${named.key}.name`] = { code: 'required' };
  return { fields, general: [] };
}

/** zod's wording for the few rules the commit schema has, as an issue the page can say in either language. */
function issueFromMessage(message: string): FieldIssue {
  if (message.startsWith('text.invalid_characters')) return { code: 'invalidCharacters', detail: message };
  if (message.startsWith('number.out_of_range')) return { code: 'outOfRange', detail: message };
  if (/too small/i.test(message)) return { code: 'required', detail: message };
  if (/too big/i.test(message)) return { code: 'tooLong', detail: message };
  if (/date/i.test(message)) return { code: 'invalidDate', detail: message };
  if (/GB\/T 2260/.test(message)) return { code: 'regionRequired', detail: message };
  return { code: 'invalid', detail: message };
}

function isDetail(value: unknown): value is { path: string; message: string } {
  return typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string' && 'message' in value && typeof value.message === 'string';
}

/** Turns the server's "body.areas.0.items.1.title" into the draft item that array element came from. */
function fieldOf(path: string, draft: ImportDraft, keysByPath: ReadonlyMap<string, string>): string | null {
  const parts = path.replace(/^body\.?/, '').split('.');
  for (let length = parts.length; length > 0; length--) {
    const key = keysByPath.get(parts.slice(0, length).join('.'));
    if (key) return [key, ...parts.slice(length)].join('.');
  }
  const field = parts.join('.');
  if (field === 'cooperation') return draft.mode === 'new' ? 'cooperation.name' : 'cooperationId';
  return FIXED_FIELDS.has(field) ? field : null;
}

/** Rule violations the service reports with a code of its own rather than a field path. */
const CODED_ISSUES: Record<string, { field: string; code: IssueCode }> = {
  'cooperation.parties_required': { field: 'parties', code: 'partiesRequired' },
  'cooperation.duplicate_party': { field: 'parties', code: 'duplicateParty' },
  'region.not_found': { field: 'parties', code: 'regionNotFound' },
  'cooperation.not_found': { field: 'cooperationId', code: 'cooperationNotFound' },
  'ingest.cooperation_required': { field: 'cooperation.name', code: 'cooperationRequired' },
};

/**
 * The field-level part of a failed save. Errors that are not about the draft (no permission, network) give
 * null: the page reports those as a whole.
 */
export function saveErrorsFrom(error: unknown, draft: ImportDraft, keysByPath: ReadonlyMap<string, string>): SaveErrors | null {
  if (!(error instanceof ApiError)) return null;
  const coded = CODED_ISSUES[error.code];
  if (coded) return { fields: { [coded.field]: { code: coded.code, detail: error.message } }, general: [] };
  if (error.code !== 'request.invalid' || !Array.isArray(error.details)) return null;
  const result: SaveErrors = { fields: {}, general: [] };
  for (const detail of error.details) {
    if (!isDetail(detail)) continue;
    const issue = issueFromMessage(detail.message);
    const field = fieldOf(detail.path, draft, keysByPath);
    if (field && (FIXED_FIELDS.has(field) || isDraftItemField(field, draft))) result.fields[field] ??= issue;
    else result.general.push({ path: detail.path.replace(/^body\.?/, ''), issue });
  }
  return result;
}

function isDraftItemField(field: string, draft: ImportDraft): boolean {
  const key = field.split('.')[0] ?? '';
  return (
    findNode(draft.areas, key) !== undefined ||
    [...draft.parties, ...draft.targets, ...draft.subAgreements, ...draft.projects].some((item) => item.key === key)
  );
}
