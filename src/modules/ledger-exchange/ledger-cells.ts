/**
 * A spreadsheet cell as the import reads it: the value a person sees, whatever the file stores it as (a formula's
 * cached result, rich text, a date typed as text, a date as Excel's day number).
 */

/** What a reader hands over for a cell: exceljs values, or plain text from a CSV file. */
export type RawCell = string | number | boolean | Date | null | undefined | { [key: string]: unknown };

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is folded into that epoch). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The value shown in the cell: a formula's cached result, the text of rich text or a hyperlink; null for an error or nothing. */
function cellValue(raw: RawCell): string | number | boolean | Date | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'object' || raw instanceof Date) return raw;
  if ('result' in raw || 'formula' in raw || 'sharedFormula' in raw) return cellValue(raw.result as RawCell);
  if ('richText' in raw && Array.isArray(raw.richText)) {
    return raw.richText.map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run ? String(run.text) : '')).join('');
  }
  if ('text' in raw) return cellValue(raw.text as RawCell);
  return null;
}

/** The cell as trimmed text ('' when empty); numbers as written, dates as YYYY-MM-DD. */
export function cellText(raw: RawCell): string {
  const value = cellValue(raw);
  if (value === null) return '';
  if (value instanceof Date) return isoDay(value);
  return String(value).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? isoDay(date) : null;
}

/** 2024-11-26, 2024/11/26, 2024.11.26, 2024年11月26日, 20241126, with or without leading zeros. */
const TEXT_DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

export type DateCell = { ok: true; value: string | null } | { ok: false };

/** A day (YYYY-MM-DD) from a date cell, Excel's day number or the ways people type dates; null for an empty cell. */
export function cellDate(raw: RawCell): DateCell {
  const value = cellValue(raw);
  if (value === null || value === '') return { ok: true, value: null };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false } : { ok: true, value: isoDay(value) };
  if (typeof value === 'number') {
    // A date cell whose format the reader did not know arrives as its day number.
    if (!Number.isInteger(value) || value < 1 || value > 120_000) return { ok: false };
    return { ok: true, value: isoDay(new Date(EXCEL_EPOCH_MS + value * DAY_MS)) };
  }
  const text = String(value).normalize('NFKC').trim();
  if (!text) return { ok: true, value: null };
  const match = TEXT_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (!match) return { ok: false };
  const day = validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return day ? { ok: true, value: day } : { ok: false };
}

export type PercentCell = { ok: true; value: number | null } | { ok: false };

/** A whole percent 0–100 from 45, "45", "45%" or a percent-formatted 0.45; null for an empty cell. */
export function cellPercent(raw: RawCell, percentFormatted = false): PercentCell {
  const value = cellValue(raw);
  if (value === null || value === '') return { ok: true, value: null };
  let n: number;
  if (typeof value === 'number') n = percentFormatted ? value * 100 : value;
  else {
    const text = String(value).normalize('NFKC').trim().replace(/%$/, '').trim();
    if (!text) return { ok: true, value: null };
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false };
    n = Number(text);
  }
  const rounded = Math.round(n);
  return Math.abs(n - rounded) < 1e-6 && rounded >= 0 && rounded <= 100 ? { ok: true, value: rounded } : { ok: false };
}

/** The items of a list cell: split at 、，,；; and line breaks, blanks dropped. */
export function cellList(raw: RawCell): string[] {
  return cellText(raw)
    .split(/[、，,；;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A1-style name of a cell: column 1 → A, 27 → AA. */
export function cellAddress(column: number, row: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}
