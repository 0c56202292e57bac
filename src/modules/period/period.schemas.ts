import { z } from 'zod';
import { PERIOD_KINDS } from '../../db/schema/work.ts';
import { isoDate, shortText } from '../../http/common.schemas.ts';

const dueAfterDays = z.number().int().min(0).max(365).default(15);

export const periodSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  label: z.string(),
  kind: z.enum(PERIOD_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
});

export const createPeriodBody = z.object({
  kind: z.enum(PERIOD_KINDS),
  startsOn: isoDate,
  endsOn: isoDate,
  dueAfterDays,
  /** Only for custom periods; monthly and quarterly ones are named by the calendar. */
  label: shortText(100).optional(),
});

export const generatePeriodsBody = z.object({
  kind: z.enum(['monthly', 'quarterly']),
  from: isoDate,
  to: isoDate,
  dueAfterDays,
});

export const periodList = z.object({ items: z.array(periodSchema) });
