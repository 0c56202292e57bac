import { z } from 'zod';
import { dashboardSchema } from '../dashboard/dashboard.schemas.ts';
import { periodSchema } from '../period/period.schemas.ts';
import { MAX_VERSION, typedText } from '../../http/common.schemas.ts';

export const briefingQuery = z.object({
  /** The reporting period; by default the one under way today (or the latest begun). */
  period: z.uuid().optional(),
});

/** A rendering of the briefing (PDF, Word): its period and the language of its words. */
export const briefingDocumentQuery = briefingQuery.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

/** The most a 领导关注 paragraph holds: a page of text. */
const NOTE_MAX = 2000;

export const briefingNoteSchema = z.object({
  text: z.string(),
  /** 0 while nobody has written one for the period: the first save sends 0. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});

export const saveBriefingNoteBody = z.object({
  period: z.uuid(),
  text: typedText().max(NOTE_MAX),
  /** The version read; 0 for the first paragraph of a period. */
  version: z.number().int().min(0).max(MAX_VERSION),
});

const lateTask = z.object({ id: z.uuid(), title: z.string(), dueOn: z.string().nullable(), daysOverdue: z.number().int().nullable(), notice: z.string().nullable() });

const awaiting = z.object({
  /** `report`: a submitted progress report; `closing`: a request to close the task. */
  kind: z.enum(['report', 'closing']),
  taskId: z.uuid(),
  taskTitle: z.string(),
  /** The report's unit; null for a closing request. */
  organizationName: z.string().nullable(),
  periodLabel: z.string().nullable(),
  since: z.string(),
  /** The sides whose decision is still needed. */
  awaitingSides: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

/**
 * 工作简报: one cooperation, one period, as its reader may see it. The standing figures (tasks, money, targets) are the
 * dashboard's, as of `asOf`; what moved is what was decided within the period.
 */
export const briefingSchema = z.object({
  cooperation: z.object({ id: z.uuid(), name: z.string() }),
  asOf: z.string(),
  period: periodSchema.nullable(),
  periods: z.array(periodSchema.pick({ id: true, label: true, startsOn: true, endsOn: true })),
  parties: z.array(z.object({ id: z.uuid(), name: z.string() })),
  headline: z.object({
    tasks: z.number().int(),
    done: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    doneShare: z.number().nullable(),
    elapsedShare: z.number().nullable(),
    contracted: dashboardSchema.shape.money.shape.cumulative.shape.contracted,
    inPlace: dashboardSchema.shape.money.shape.cumulative.shape.inPlace,
    projects: z.number().int(),
    targetsOnTrack: z.number().int(),
    targetsTotal: z.number().int(),
  }),
  moved: dashboardSchema.shape.changes,
  /** Overdue work by responsible unit (lead units; a task without one under `null`). */
  late: z.array(
    z.object({
      organizationName: z.string().nullable(),
      partyName: z.string().nullable(),
      tasks: z.array(lateTask),
    }),
  ),
  notices: z.object({ issued: z.number().int(), signed: z.number().int(), overdue: z.number().int() }),
  reporting: dashboardSchema.shape.reporting,
  money: z.object({
    cumulative: dashboardSchema.shape.money.shape.cumulative,
    thisYear: dashboardSchema.shape.money.shape.thisYear,
    byStage: dashboardSchema.shape.money.shape.byStage,
  }),
  coverage: z.array(z.object({ clauseId: z.uuid(), label: z.string().nullable(), title: z.string(), directions: z.number().int(), tasks: z.number().int(), done: z.number().int(), gaps: z.number().int() })),
  targets: dashboardSchema.shape.targets,
  decisions: z.array(awaiting),
  /** The 领导关注 paragraph of the period; null without a period. */
  note: briefingNoteSchema.nullable(),
  can: z.object({ editNote: z.boolean() }),
});

export type Briefing = z.infer<typeof briefingSchema>;
export type BriefingNote = z.infer<typeof briefingNoteSchema>;
