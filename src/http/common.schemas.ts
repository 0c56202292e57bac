import { z } from 'zod';

export const uuidParam = z.object({ id: z.uuid() });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/**
 * Right-to-left overrides, embeddings and isolates make a title read differently on screen than it is stored
 * (`报告\u202Egnp.exe`); a name has no use for them, so they are refused.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 pair without its other half: not a character, and stored as U+FFFD by the database driver. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Zero-width characters make two names that look alike differ (协调办 and 协\u200B调办); they are dropped. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** The message prefix the web recognises for text refused for its characters. */
const INVALID_CHARACTERS = 'text.invalid_characters';

/** Text a user types as a name, title or label: zero-width characters dropped, direction controls and broken characters refused. */
export const typedText = () =>
  z
    .string()
    .overwrite((value) => value.replace(ZERO_WIDTH, ''))
    .refine((value) => !DIRECTION_CONTROLS.test(value) && !LONE_SURROGATE.test(value), {
      message: `${INVALID_CHARACTERS}: right-to-left overrides, direction isolates and lone surrogates are not allowed`,
    })
    .trim();
/** Names and titles: short enough for a table cell, long enough for official wording. */
export const shortText = (max = 200) => typedText().min(1).max(max);
/** An optional label or place: may be empty, same character rules as names. */
export const labelText = (max: number) => typedText().max(max);

/**
 * Every number a user reports (figures, targets, baselines, amounts) lies within ±10^15: larger is a typing
 * or a forged request (1e308), and beyond 2^53 a JavaScript number no longer holds every integer anyway.
 */
const FIGURE_LIMIT = 1e15;
const NUMBER_OUT_OF_RANGE = 'number.out_of_range';
const outOfRange = `${NUMBER_OUT_OF_RANGE}: numbers must lie within ±${FIGURE_LIMIT}`;
export const figureNumber = () =>
  z
    // JSON's 1e999 arrives as Infinity: out of range like 1e308, not a mistyped field.
    .number({ error: (issue) => (typeof issue.input === 'number' && !Number.isNaN(issue.input) ? outOfRange : undefined) })
    .refine((value) => Math.abs(value) <= FIGURE_LIMIT, { message: outOfRange });
/** A number written as decimal text, at most `scale` decimals, within ±10^15. */
export const decimalText = (scale: number, options: { negative: boolean } = { negative: true }) =>
  z
    .string()
    // Longer than any figure allowed, so an oversized one is told it is too large rather than malformed.
    .regex(new RegExp(`^${options.negative ? '-?' : ''}\\d{1,40}(\\.\\d{1,${scale}})?$`), 'a decimal number')
    .refine((value) => Math.abs(Number(value)) <= FIGURE_LIMIT, { message: outOfRange });
/** Row versions are PostgreSQL integers; anything larger is not a version we wrote. */
export const MAX_VERSION = 2_147_483_647;
export const versionField = z.number().int().min(1).max(MAX_VERSION);
/** `?version=N` of a DELETE: the row version the caller last read, so a delete of a changed row is refused (409). */
export const deleteQuery = z.object({ version: z.coerce.number().int().min(1).max(MAX_VERSION) });
/**
 * The one range of calendar dates the system accepts (due, start, signed, periods, notices, filters):
 * nothing in a cooperation between Chinese cities lies before 1949 or after 2100, and a year 0000 or 9999
 * is a typing mistake that would otherwise reach the date arithmetic and the overdue counts.
 */
const DATE_RANGE = { min: '1949-01-01', max: '2100-12-31' } as const;
export const isoDate = z.iso
  .date()
  .refine((value) => value >= DATE_RANGE.min && value <= DATE_RANGE.max, {
    message: `date.out_of_range: dates must lie between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
  });

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Error answers every route may give, documented once. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

export const noContentResponses = { 204: z.undefined().describe('No content'), ...errorResponses };
