import { z } from 'zod';

export const uuidParam = z.object({ id: z.uuid() });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/** Names and titles: short enough for a table cell, long enough for official wording. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
/** Row versions are PostgreSQL integers; anything larger is not a version we wrote. */
export const MAX_VERSION = 2_147_483_647;
export const versionField = z.number().int().min(1).max(MAX_VERSION);
/**
 * The one range of calendar dates the system accepts (due, start, signed, periods, notices, filters):
 * nothing in a cooperation between Chinese cities lies before 1949 or after 2100, and a year 0000 or 9999
 * is a typing mistake that would otherwise reach the date arithmetic and the overdue counts.
 */
export const DATE_RANGE = { min: '1949-01-01', max: '2100-12-31' } as const;
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
