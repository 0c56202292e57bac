import { z } from 'zod';
import { TARGET_STATUSES } from '../../contract/indicator-status.ts';
import { STAGE_KINDS } from '../../db/schema/projects.ts';
import { TASK_STATUSES } from '../../db/schema/work.ts';
import { moneyAmountSchema } from '../project/project.schemas.ts';
import { eventFiguresSchema } from '../signing-event/signing-event.schemas.ts';

const taskStatus = z.enum(TASK_STATUSES);

export const dashboardQuery = z.object({
  /** `all` (both sides, the default) or one party's id: that side's tasks, the projects it hosts, its units' reports. */
  side: z.union([z.literal('all'), z.uuid()]).default('all'),
});

/**
 * What a number opens: the page and the filter that list exactly the rows it counts, so the web links each number
 * to them. `ledger` is the task ledger (/cooperations/{id}/tasks with these query parameters), `projects` the
 * projects table, `supervision` the 督办 view of one side; the others open one row.
 */
export const drillSchema = z.discriminatedUnion('to', [
  z.object({
    to: z.literal('ledger'),
    filter: z.object({
      side: z.uuid().optional(),
      unit: z.uuid().optional(),
      status: z.array(taskStatus).optional(),
      overdue: z.boolean().optional(),
      dueFrom: z.string().optional(),
      dueTo: z.string().optional(),
      clauseId: z.uuid().optional(),
    }),
  }),
  z.object({
    to: z.literal('projects'),
    filter: z.object({ hostPartyId: z.uuid().optional(), stage: z.string().optional(), industryCode: z.string().optional(), year: z.number().int().optional() }),
  }),
  z.object({ to: z.literal('supervision'), filter: z.object({ partyId: z.uuid().optional() }) }),
  z.object({ to: z.literal('task'), id: z.uuid() }),
  z.object({ to: z.literal('project'), id: z.uuid() }),
  z.object({ to: z.literal('signingEvent'), id: z.uuid() }),
  z.object({ to: z.literal('indicator'), id: z.uuid() }),
]);

const count = z.object({ count: z.number().int(), drill: drillSchema });

const listedTask = z.object({
  id: z.uuid(),
  title: z.string(),
  status: taskStatus,
  dueOn: z.string().nullable(),
  /** The lead units, with their side, as the ledger names them. */
  leads: z.array(z.object({ partyName: z.string(), organizationName: z.string() })),
});

const statusCounts = z.array(z.object({ status: taskStatus, count: z.number().int(), drill: drillSchema }));

const moneyFigures = z.object({ projects: z.number().int(), signed: z.number().int(), contracted: z.array(moneyAmountSchema), inPlace: z.array(moneyAmountSchema) });

export const DECISION_KINDS = ['report_approved', 'report_returned', 'closing_approved', 'closing_returned', 'task_closed', 'stage_changed', 'big_transaction'] as const;

export const dashboardSchema = z.object({
  cooperation: z.object({ id: z.uuid(), name: z.string() }),
  /** The business day the figures are as of. */
  asOf: z.string(),
  /** The side shown: null for both sides. */
  side: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  parties: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The cooperation's setting: how many days ahead "due soon" looks. */
  dueSoonDays: z.number().int(),
  tasks: z.object({
    total: count,
    byStatus: statusCounts,
    /** Each side's tasks (those it owns or has a unit on): a joint task counts for each of its sides. */
    bySide: z.array(z.object({ partyId: z.uuid(), partyName: z.string(), total: count, byStatus: statusCounts })),
    done: count,
    /** Done ÷ tasks not cancelled; null with none. */
    doneShare: z.number().nullable(),
    /** 序时进度: the mean share of each task's time (start, or creation, to due date) that has passed; null when no task has a due date. */
    elapsedShare: z.number().nullable(),
    overdue: count.extend({ items: z.array(listedTask) }),
    dueSoon: count.extend({ items: z.array(listedTask) }),
  }),
  /** 督办 notices on the tasks shown: issued, signed by every unit addressed, and past their deadline with the task still open. */
  notices: z.object({ issued: count, signed: count, overdue: count }),
  coverage: z.object({
    areas: z.array(
      z.object({
        clauseId: z.uuid(),
        agreementTitle: z.string(),
        label: z.string().nullable(),
        title: z.string(),
        directions: z.array(z.object({ clauseId: z.uuid(), label: z.string().nullable(), title: z.string(), tasks: count, byStatus: statusCounts })),
      }),
    ),
    directions: z.number().int(),
    /** Directions with no task linked to them. */
    gaps: z.number().int(),
  }),
  reporting: z.object({
    /** The period reports are owed for (the latest ended and not closed), null when none. */
    period: z.object({ id: z.uuid(), label: z.string(), dueOn: z.string() }).nullable(),
    units: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        partyId: z.uuid(),
        partyName: z.string(),
        submitted: z.number().int(),
        approved: z.number().int(),
        returned: z.number().int(),
        missing: z.number().int(),
        drill: drillSchema,
      }),
    ),
    totals: z.object({ submitted: z.number().int(), approved: z.number().int(), returned: z.number().int(), missing: z.number().int() }),
  }),
  money: z.object({
    cumulative: moneyFigures.extend({ drill: drillSchema }),
    /** Entries dated this calendar year, up to today. */
    thisYear: moneyFigures.extend({ year: z.number().int(), drill: drillSchema }),
    /** In the stage template's order; `kind` step is on the way, halted and ended are off it (the funnel counts steps). */
    byStage: z.array(moneyFigures.extend({ stage: z.string(), name: z.string(), kind: z.enum(STAGE_KINDS), drill: drillSchema })),
    byIndustry: z.array(moneyFigures.extend({ industryCode: z.string().nullable(), drill: drillSchema })),
    signingEvents: z.array(z.object({ id: z.uuid(), name: z.string(), heldOn: z.string(), figures: eventFiguresSchema, drill: drillSchema })),
  }),
  targets: z.array(
    z.object({
      indicatorId: z.uuid(),
      name: z.string(),
      unit: z.string(),
      drill: drillSchema,
      /** The first target year from this year on, and the one after it. */
      years: z.array(z.object({ year: z.number().int().nullable(), target: z.string(), comparator: z.string(), actual: z.number().nullable(), expected: z.number().nullable(), status: z.enum(TARGET_STATUSES) })),
    }),
  ),
  changes: z.array(z.object({ at: z.string(), kind: z.enum(DECISION_KINDS), title: z.string(), detail: z.string().nullable(), drill: drillSchema })),
});

export type Dashboard = z.infer<typeof dashboardSchema>;
export type Drill = z.infer<typeof drillSchema>;
