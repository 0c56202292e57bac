import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreements, clauses, cooperations, createdAt, id, organizations, parties, rowVersion, updatedAt, users, VISIBILITIES } from './core.ts';

/** The task ledger (项目化、清单化、责任化): tasks, who answers for them, and how they report. */

const cooperationRef = () =>
  uuid('cooperation_id')
    .notNull()
    .references(() => cooperations.id, { onDelete: 'cascade' });

/** A unit on one side of a cooperation: its side (gone with the party) and its organization. */
const sideUnit = () => ({
  partyId: uuid('party_id')
    .notNull()
    .references(() => parties.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
});

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_SOURCES = ['clause', 'meeting', 'manual'] as const;

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    cooperationId: cooperationRef(),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source', { enum: TASK_SOURCES }).notNull().default('manual'),
    /** Joint tasks need both sides for closing and for accepting reports. */
    joint: boolean('joint').notNull().default(true),
    /** For a one-sided task, the side that owns it. */
    ownerPartyId: uuid('owner_party_id').references(() => parties.id, { onDelete: 'set null' }),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull().default('normal'),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('not_started'),
    percent: integer('percent').notNull().default(0),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    startOn: date('start_on'),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Set when closing was proposed; each side's approval is in `approvals`. */
    closeRequestedAt: timestamp('close_requested_at', { withTimezone: true }),
    /** Approval round of the closing request; a returned request is re-requested in the next round. */
    closeRound: integer('close_round').notNull().default(0),
    /**
     * The sides taking part: whose approval closes the task and accepts its
     * reports. Fixed when the task is created; editing units does not change it.
     */
    sides: jsonb('sides').$type<string[]>().notNull().default([]),
    /** The sides whose approval the current (or last) closing round needs, fixed when the round opened. */
    closeSides: jsonb('close_sides').$type<string[]>(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    createdBy: uuid('created_by').references(() => users.id),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Covers the ledger's counts per status (visibility, side, overdue, priority filters) as an index-only scan.
    index('tasks_coop_status_cover_idx').on(t.cooperationId, t.status, t.visibility, t.ownerPartyId, t.dueOn, t.priority, t.id),
    index('tasks_coop_due_idx').on(t.cooperationId, t.dueOn, t.id),
    index('tasks_coop_created_idx').on(t.cooperationId, t.createdAt, t.id),
    index('tasks_coop_title_idx').on(t.cooperationId, t.title, t.id),
    check('tasks_percent_ck', sql`${t.percent} between 0 and 100`),
  ],
);

export const taskClauses = pgTable(
  'task_clauses',
  {
    cooperationId: cooperationRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    clauseId: uuid('clause_id')
      .notNull()
      .references(() => clauses.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.clauseId] }), index('task_clauses_clause_idx').on(t.clauseId)],
);

export const TASK_UNIT_ROLES = ['lead', 'co'] as const;

/** 牵头单位 / 配合单位 per side. */
export const taskUnits = pgTable(
  'task_units',
  {
    cooperationId: cooperationRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    ...sideUnit(),
    role: text('role', { enum: TASK_UNIT_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.organizationId] }),
    index('task_units_org_idx').on(t.organizationId, t.taskId),
    index('task_units_party_idx').on(t.cooperationId, t.partyId, t.taskId),
    index('task_units_coop_org_idx').on(t.cooperationId, t.organizationId, t.taskId),
  ],
);

export const taskOwners = pgTable(
  'task_owners',
  {
    cooperationId: cooperationRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_owners_user_idx').on(t.userId, t.taskId)],
);

export const milestones = pgTable(
  'milestones',
  {
    id: id(),
    cooperationId: cooperationRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    ordinal: integer('ordinal').notNull().default(0),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('milestones_task_idx').on(t.taskId, t.ordinal)],
);

export const PERIOD_KINDS = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'custom'] as const;

export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: id(),
    cooperationId: cooperationRef(),
    label: text('label').notNull(),
    kind: text('kind', { enum: PERIOD_KINDS }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Reports are due this day (N days after the period ends). */
    dueOn: date('due_on').notNull(),
    /** Set when the offices close the period: no new reports are taken for it. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reporting_periods_coop_range_uq').on(t.cooperationId, t.startsOn, t.endsOn),
    check('reporting_periods_range_ck', sql`${t.endsOn} >= ${t.startsOn} and ${t.dueOn} >= ${t.endsOn}`),
  ],
);

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'superseded'] as const;

export const progressReports = pgTable(
  'progress_reports',
  {
    id: id(),
    cooperationId: cooperationRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    authorId: uuid('author_id').references(() => users.id),
    /** Corrections to an approved report are a new revision; the old one is kept as superseded. */
    revision: integer('revision').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    /** Why an approved report is being corrected: set on the revision that replaces it. */
    revisionReason: text('revision_reason'),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    narrative: text('narrative').notNull().default(''),
    percent: integer('percent').notNull().default(0),
    milestonesReached: jsonb('milestones_reached').$type<string[]>().notNull().default([]),
    figures: jsonb('figures').$type<{ name: string; value: number; unit: string }[]>().notNull().default([]),
    /** Values of the indicators the unit answers for; they become the indicators' actuals when the report is approved. */
    indicatorValues: jsonb('indicator_values').$type<{ indicatorId: string; value: number }[]>().notNull().default([]),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The sides whose approval the current (or last) review round needs, fixed when the report was submitted. */
    decidingSides: jsonb('deciding_sides').$type<string[]>(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('progress_reports_task_period_org_rev_uq').on(t.taskId, t.periodId, t.organizationId, t.revision),
    index('progress_reports_coop_status_idx').on(t.cooperationId, t.status),
    index('progress_reports_period_idx').on(t.periodId, t.taskId),
    check('progress_reports_percent_ck', sql`${t.percent} between 0 and 100`),
  ],
);

const APPROVAL_SUBJECTS = ['report', 'task_closure'] as const;
export const APPROVAL_DECISIONS = ['approved', 'returned'] as const;

/** One decision per side per round: dual approval is "every side has an `approved` row in this round". */
export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    cooperationId: cooperationRef(),
    subjectType: text('subject_type', { enum: APPROVAL_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    round: integer('round').notNull().default(1),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    decision: text('decision', { enum: APPROVAL_DECISIONS }).notNull(),
    reason: text('reason'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('approvals_subject_round_party_uq').on(t.subjectType, t.subjectId, t.round, t.partyId)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    cooperationId: cooperationRef(),
    ownerType: text('owner_type', { enum: ['task', 'report', 'meeting', 'agreement'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

export const comments = pgTable(
  'comments',
  {
    id: id(),
    cooperationId: cooperationRef(),
    subjectType: text('subject_type', { enum: ['task', 'report'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    mentions: jsonb('mentions').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('comments_subject_idx').on(t.subjectType, t.subjectId, t.createdAt)],
);

/**
 * 督办: a formal supervision notice a cooperation office issues on a task to
 * one or more of its units (`supervisionNoticeRecipients`), each of which signs
 * (签收) it. Numbered per issuing side and year, so one side's private notices
 * never show as gaps in the other side's numbering.
 */
export const supervisionNotices = pgTable(
  'supervision_notices',
  {
    id: id(),
    cooperationId: cooperationRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** As printed: the issuing side's short name, year and sequence, e.g. 青督〔2026〕3号. */
    number: text('number').notNull(),
    issuedYear: integer('issued_year').notNull(),
    sequence: integer('sequence').notNull(),
    deadline: date('deadline').notNull(),
    body: text('body').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedPartyId: uuid('issued_party_id').references(() => parties.id),
    version: rowVersion(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('supervision_notices_sequence_uq').on(t.cooperationId, t.issuedPartyId, t.issuedYear, t.sequence),
    index('supervision_notices_task_idx').on(t.taskId),
  ],
);

/** A unit a 督办 notice is addressed to, and its signature (签收): who signed and when. */
export const supervisionNoticeRecipients = pgTable(
  'supervision_notice_recipients',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => supervisionNotices.id, { onDelete: 'cascade' }),
    cooperationId: cooperationRef(),
    ...sideUnit(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.organizationId] }), index('supervision_notice_recipients_org_idx').on(t.organizationId)],
);
