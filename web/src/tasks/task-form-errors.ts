import { ApiError } from '../api/client.ts';
import type { UnitField } from './new-task-request.ts';

/**
 * The server's refusal of a new task, placed on the form fields it is about: zod's field paths
 * ("body.units.1.organizationId") and the service's own codes (task.invalid_dates) both name a field.
 */

type TaskIssueCode = 'required' | 'tooLong' | 'invalidCharacters' | 'invalid' | 'invalidDate' | 'dueBeforeStart' | 'duplicateUnit' | 'duplicateLead' | 'unitWrongSide' | 'notFound';

interface TaskFieldIssue<Name> {
  name: Name;
  code: TaskIssueCode;
  /** The server's own wording, for whoever has to report the problem. */
  detail: string;
}

export interface TaskFormErrors<Name> {
  fields: TaskFieldIssue<Name>[];
  /** Something the form has no field for was refused too: the page reports the error as a whole as well. */
  unplaced: boolean;
}

const UNIT_LISTS = new Set(['units', 'leadUnits']);

/** How a form names its fields: those named as in the body, and the field each unit of the body was picked in. */
export interface FormFields<Plain extends string, Unit> {
  plain: readonly Plain[];
  units: readonly UnitField<Unit>[];
}

function issueFromMessage(message: string): TaskIssueCode {
  if (message.startsWith('text.invalid_characters')) return 'invalidCharacters';
  if (/too small/i.test(message)) return 'required';
  if (/too big/i.test(message)) return 'tooLong';
  if (/date/i.test(message)) return 'invalidDate';
  return 'invalid';
}

function isDetail(value: unknown): value is { path: string; message: string } {
  return typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string' && 'message' in value && typeof value.message === 'string';
}

function detailOf(details: unknown, key: 'partyId' | 'organizationId'): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value: unknown = Object.entries(details).find(([name]) => name === key)?.[1];
  return typeof value === 'string' ? value : undefined;
}

function plainField<Plain extends string>(plain: readonly Plain[], name: string): [Plain] | null {
  const found = plain.find((field) => field === name);
  return found === undefined ? null : [found];
}

function fieldOfPath<Plain extends string, Unit>(path: string, form: FormFields<Plain, Unit>): [Plain] | Unit | null {
  const [head = '', index] = path.replace(/^body\.?/, '').split('.');
  if (UNIT_LISTS.has(head)) return form.units[Number(index)]?.name ?? null;
  return plainField(form.plain, head);
}

/** The field of the unit the service complains about: by the unit when it names one, else that side's first (its lead). */
function unitFieldOf<Unit>(details: unknown, unitFields: readonly UnitField<Unit>[], last: boolean): Unit | null {
  const organizationId = detailOf(details, 'organizationId');
  const partyId = detailOf(details, 'partyId');
  const candidates = organizationId ? unitFields.filter((u) => u.organizationId === organizationId) : unitFields.filter((u) => u.partyId === partyId);
  const chosen = last ? candidates.at(-1) : candidates[0];
  return chosen?.name ?? null;
}

function codedIssue<Plain extends string, Unit>(error: ApiError, form: FormFields<Plain, Unit>): { name: [Plain] | Unit | null; code: TaskIssueCode } | null {
  switch (error.code) {
    case 'task.invalid_dates':
      return { name: plainField(form.plain, 'dueOn'), code: 'dueBeforeStart' };
    case 'task.owner_side_required':
      return { name: plainField(form.plain, 'ownerPartyId'), code: 'required' };
    case 'clause.not_found':
      return { name: plainField(form.plain, 'clauseIds'), code: 'notFound' };
    // The second mention is the one to take back.
    case 'task.duplicate_unit':
      return { name: unitFieldOf(error.details, form.units, true), code: 'duplicateUnit' };
    case 'task.duplicate_lead':
      return { name: unitFieldOf(error.details, form.units, false), code: 'duplicateLead' };
    case 'task.unit_wrong_side':
      return { name: unitFieldOf(error.details, form.units, false), code: 'unitWrongSide' };
    default:
      return null;
  }
}

/** Null when the error is not about what was filled in (no permission, network): the page reports those as a whole. */
export function taskFormErrorsFrom<Plain extends string, Unit extends readonly string[]>(
  error: unknown,
  form: FormFields<Plain, Unit>,
): TaskFormErrors<[Plain] | Unit> | null {
  if (!(error instanceof ApiError)) return null;
  const coded = codedIssue(error, form);
  if (coded) return coded.name ? { fields: [{ name: coded.name, code: coded.code, detail: error.message }], unplaced: false } : null;
  if (error.code !== 'request.invalid' || !Array.isArray(error.details)) return null;
  const result: TaskFormErrors<[Plain] | Unit> = { fields: [], unplaced: false };
  for (const detail of error.details) {
    if (!isDetail(detail)) continue;
    const name = fieldOfPath(detail.path, form);
    if (!name) result.unplaced = true;
    else if (!result.fields.some((f) => f.name.join('.') === name.join('.'))) result.fields.push({ name, code: issueFromMessage(detail.message), detail: detail.message });
  }
  return result.fields.length > 0 ? result : null;
}
