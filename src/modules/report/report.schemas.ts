import { z } from 'zod';
import { APPROVAL_DECISIONS, REPORT_STATUSES } from '../../db/schema/work.ts';
import { figureNumber, labelText, shortText, versionField } from '../../http/common.schemas.ts';

/** A figure as the reporter writes it. */
const figureInput = z.object({
  name: shortText(100),
  value: figureNumber(),
  unit: labelText(20),
});

/** A figure as stored; figures saved before the rules above tightened are still shown as they were. */
const figureSchema = z.object({ name: z.string(), value: z.number(), unit: z.string() });

const reportFields = {
  narrative: z.string().max(20_000),
  percent: z.number().int().min(0).max(100),
  milestonesReached: z.array(z.uuid()).max(200),
  figures: z.array(figureInput).max(50),
  indicatorValues: z.array(z.object({ indicatorId: z.uuid(), value: figureNumber() })).max(50),
};

export const createReportBody = z.object({
  periodId: z.uuid(),
  narrative: reportFields.narrative.default(''),
  percent: reportFields.percent.default(0),
  milestonesReached: reportFields.milestonesReached.default([]),
  figures: reportFields.figures.default([]),
  indicatorValues: reportFields.indicatorValues.default([]),
  /** A cooperation office reporting for one of its side's units names it; a unit reports for itself. */
  organizationId: z.uuid().optional(),
});

export const updateReportBody = z.object({
  version: versionField,
  narrative: reportFields.narrative.optional(),
  percent: reportFields.percent.optional(),
  milestonesReached: reportFields.milestonesReached.optional(),
  figures: reportFields.figures.optional(),
  indicatorValues: reportFields.indicatorValues.optional(),
});

export const submitReportBody = z.object({ version: versionField.optional() }).default({});

/** The longest review opinion, return reason or revision reason. */
const REASON_MAX = 2000;

export const reviewReportBody = z.object({
  decision: z.enum(APPROVAL_DECISIONS),
  /** Required to return; an optional opinion (审核意见) with an approval. */
  reason: z.string().trim().max(REASON_MAX).optional(),
});

export const reviseReportBody = z.object({ reason: z.string().trim().min(1).max(REASON_MAX) });

const reviewSchema = z.object({
  round: z.number().int(),
  partyId: z.uuid(),
  decision: z.enum(APPROVAL_DECISIONS),
  reason: z.string().nullable(),
  userId: z.uuid().nullable(),
  /** Who decided for the side, by display name. */
  userName: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }),
});

export const reportSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  taskId: z.uuid(),
  periodId: z.uuid(),
  periodLabel: z.string(),
  partyId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  author: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }).nullable(),
  revision: z.number().int(),
  supersedesId: z.uuid().nullable(),
  /** Why this revision corrects the approved report it supersedes; null on a first revision. */
  revisionReason: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  narrative: z.string(),
  percent: z.number().int(),
  milestonesReached: z.array(z.uuid()),
  figures: z.array(figureSchema),
  /** The values given for the indicators the unit answers for, with the indicator's name and unit. */
  indicatorValues: z.array(z.object({ indicatorId: z.uuid(), name: z.string(), unit: z.string(), value: z.number() })),
  returnReason: z.string().nullable(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  approvedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The review round: how many times it has been submitted. */
  round: z.number().int(),
  /** Sides whose cooperation office must approve it. */
  decidingSides: z.array(z.uuid()),
  /** Sides still to decide in this round (only while submitted). */
  awaitingSides: z.array(z.uuid()),
  reviews: z.array(reviewSchema),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  can: z.object({
    /** Change and submit it: a draft or returned report, for those who write it. */
    edit: z.boolean(),
    /** Decide on it for a side still awaited in this round. */
    review: z.boolean(),
    /** Start a revision of this approved report. */
    revise: z.boolean(),
  }),
});

export const reportList = z.object({ items: z.array(reportSchema) });

const INBOX_STATES = ['to_submit', 'to_review', 'returned'] as const;

export const inboxQuery = z.object({ state: z.enum(INBOX_STATES) });

const inboxItemSchema = z.object({
  cooperationId: z.uuid(),
  taskId: z.uuid(),
  taskTitle: z.string(),
  periodId: z.uuid(),
  periodLabel: z.string(),
  dueOn: z.string(),
  partyId: z.uuid(),
  /** The report to open: the unit's draft or returned report, or the one awaiting review; null when none was started. */
  reportId: z.uuid().nullable(),
  reportStatus: z.enum(REPORT_STATUSES).nullable(),
});

export const inboxList = z.object({ items: z.array(inboxItemSchema) });
