import { z } from 'zod';
import { TASK_STATUSES } from '../../db/schema/work.ts';
import { isoDate } from '../../http/common.schemas.ts';

const noticeRecipientSchema = z.object({
  partyId: z.uuid(),
  partyName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedByName: z.string().nullable(),
});

export const supervisionNoticeSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  /** Per issuing side and year: 青督〔2026〕3号. */
  number: z.string(),
  deadline: z.string(),
  body: z.string(),
  issuedBy: z.uuid().nullable(),
  issuedPartyId: z.uuid().nullable(),
  recipients: z.array(noticeRecipientSchema),
  /** When the last recipient signed; null while any has not. */
  acknowledgedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  can: z.object({ acknowledge: z.boolean() }),
});

export const issueNoticeBody = z.object({
  deadline: isoDate,
  body: z.string().trim().min(1).max(5000),
  /** Units of the task the notice is addressed to; by default the issuing side's lead unit(s). */
  recipientOrganizationIds: z.array(z.uuid()).min(1).max(50).optional(),
});

export const supervisionQuery = z.object({
  partyId: z.uuid().optional(),
  withinDays: z.coerce.number().int().min(0).max(365).default(7),
});

export const SUPERVISION_REASONS = ['overdue', 'due_soon', 'not_reported', 'returned'] as const;

const counts = z.object({
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  notReported: z.number().int(),
  returned: z.number().int(),
});

const supervisionTaskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  dueOn: z.string().nullable(),
  /** Days past due (positive) or left (zero or negative), null without a due date. */
  daysOverdue: z.number().int().nullable(),
  reasons: z.array(z.enum(SUPERVISION_REASONS)),
  role: z.enum(['lead', 'co']).nullable(),
  /** The latest notice on the task addressed to this row's unit, and its signature; null when none. */
  notice: z
    .object({
      id: z.uuid(),
      number: z.string(),
      deadline: z.string(),
      createdAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      acknowledgedBy: z.uuid().nullable(),
      acknowledgedByName: z.string().nullable(),
    })
    .nullable(),
});

export const supervisionResponse = z.object({
  asOf: z.string(),
  withinDays: z.number().int(),
  /** The period 未报送 is counted for: the latest that has ended and is not closed; null before any has ended. */
  period: z.object({ id: z.uuid(), label: z.string(), dueOn: z.string() }).nullable(),
  totals: counts,
  units: z.array(
    z.object({
      organizationId: z.uuid().nullable(),
      organizationName: z.string().nullable(),
      partyId: z.uuid().nullable(),
      partyName: z.string().nullable(),
      counts,
      tasks: z.array(supervisionTaskSchema),
    }),
  ),
});
