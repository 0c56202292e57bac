import { z } from 'zod';

import { REGION_LEVELS } from '../../db/schema/core.ts';

const regionLevel = z.enum(REGION_LEVELS);
export const regionCode = z.string().regex(/^(\d{6}|[A-Z]{2})$/, 'a GB/T 2260 code (6 digits) or an ISO 3166 country code');

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: regionLevel,
  parentCode: z.string().nullable(),
});

export const regionListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  level: regionLevel.optional(),
  parentCode: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const regionCodeParam = z.object({ code: regionCode });

export const regionListResponse = z.object({ items: z.array(regionSchema) });
