import { z } from 'zod';
import { PERIOD_KINDS } from '../../db/schema/work.ts';
import { isoDate, shortText, versionField } from '../../http/common.schemas.ts';
import { DEFAULT_DUE_AFTER_DAYS } from './period-calendar.ts';

const dueAfterDays = z.number().int().min(0).max(365).default(DEFAULT_DUE_AFTER_DAYS);
export const calendarKind = z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']);

export const periodSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  label: z.string(),
  kind: z.enum(PERIOD_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
  /** When the offices closed it (no new reports are taken), or null while it is open. */
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
});

export const createPeriodBody = z.object({
  kind: z.enum(PERIOD_KINDS),
  startsOn: isoDate,
  endsOn: isoDate,
  dueAfterDays,
  /** Only for custom periods; calendar periods are named by the calendar. */
  label: shortText(100).optional(),
});

export const generatePeriodsBody = z.object({
  kind: calendarKind,
  from: isoDate,
  to: isoDate,
  dueAfterDays,
});

export const updatePeriodBody = z.object({
  version: versionField,
  /** Reports are due this day; not before the period ends. */
  dueOn: isoDate,
});

export const periodVersionBody = z.object({ version: versionField });

export const periodList = z.object({ items: z.array(periodSchema) });
