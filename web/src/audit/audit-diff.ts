export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns every write moves; listing them would bury the change a reader looks for. */
const NOISE = new Set(['version', 'updatedAt']);

/**
 * Columns that say how the row is stored rather than what it says: kept in an entry's full detail, left out of the
 * one-line summary an official reads down the page.
 */
const INTERNAL = new Set([
  'id',
  'createdAt',
  'createdBy',
  'cooperationId',
  'agreementId',
  'taskId',
  'subjectId',
  'subjectType',
  'closeRound',
  'round',
  'revision',
  'textLength',
  'spanStart',
  'spanEnd',
  'ordinal',
  'supersedesId',
  'trigger',
  'currentTextVersion',
  'byReport',
]);

export function isInternalField(field: string): boolean {
  return INTERNAL.has(field);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields an audited write changed, created or removed, each with its value before and after. */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => !NOISE.has(field));
  return fields.flatMap((field) => (same(from[field], to[field]) ? [] : [{ field, before: from[field], after: to[field] }]));
}

export interface ValueWords {
  /** Names for the ids the cooperation knows: its sides, its members, its units. */
  names: ReadonlyMap<string, string>;
  yes: string;
  no: string;
  /** A moment, in the reader's time zone and language. */
  moment: (iso: string) => string;
  /** A calendar date, in the reader's language. */
  date: (iso: string) => string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An audited value as words: names instead of ids, dates and times as the reader writes them, yes or no. */
export function valueInWords(value: unknown, words: ValueWords): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const named = words.names.get(value);
    if (named) return named;
    if (ISO_DATE.test(value)) return words.date(value);
    if (ISO_MOMENT.test(value)) return words.moment(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => valueInWords(item, words)).join('、');
  // A report's figure: 投资到位 5200 万元.
  if (typeof value === 'object' && 'name' in value && 'value' in value) {
    const figure = value as { name: unknown; value: unknown; unit?: unknown };
    return [figure.name, figure.value, figure.unit].filter((part) => part !== undefined && part !== null && part !== '').join(' ');
  }
  return JSON.stringify(value);
}
