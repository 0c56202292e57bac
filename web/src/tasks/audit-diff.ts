export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping columns every write moves; listing them would bury the change a reader looks for. */
const NOISE = new Set(['version', 'updatedAt']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields an audited write changed, created or removed, each with its value before and after. */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => !NOISE.has(field));
  return fields.flatMap((field) => {
    const old = show(from[field]);
    const now = show(to[field]);
    return old === now ? [] : [{ field, before: old, after: now }];
  });
}
