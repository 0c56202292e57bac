import { z } from 'zod';
import { COMPARATORS } from '../../db/schema/core.ts';
import { decimalText, shortText } from '../../http/common.schemas.ts';
import { visibility } from '../access/access.schemas.ts';

const decimal = decimalText(4);

export const targetSchema = z.object({
  id: z.uuid(),
  year: z.number().int().nullable(),
  value: z.string(),
  valueMax: z.string().nullable(),
  comparator: z.enum(COMPARATORS),
  sourceText: z.string().nullable(),
});

export const indicatorSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  baseline: z.string().nullable(),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  version: z.number().int(),
  targets: z.array(targetSchema),
});

export const createIndicatorBody = z.object({
  name: shortText(200),
  unit: shortText(20),
  baseline: decimal.nullable().optional(),
  visibility: visibility.default('parties'),
  /** The side the indicator belongs to; defaults to the caller's own side. */
  ownerPartyId: z.uuid().nullable().optional(),
  targets: z
    .array(
      z.object({
        year: z.number().int().min(1949).max(2100).nullable(),
        value: decimal,
        valueMax: decimal.nullable().optional(),
        comparator: z.enum(COMPARATORS).default('>='),
        sourceText: z.string().max(500).nullable().optional(),
      }),
    )
    .max(50)
    .default([]),
});
