import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agreements, clauses, cooperations, createdAt, id, organizations, parties, projects, rowVersion, updatedAt, users, VISIBILITIES } from './core.ts';
import { tasks } from './work.ts';

/** Projects and money: stage templates and histories, signing events, dated money, and trade between the sides. */

const cooperationRef = () =>
  uuid('cooperation_id')
    .notNull()
    .references(() => cooperations.id, { onDelete: 'cascade' });
const projectRef = () =>
  uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' });

/** A step moves a project on; a project halted (停滞) or ended (终止) is out of the steps, with a reason. */
export const STAGE_KINDS = ['step', 'halted', 'ended'] as const;
/** What a step means for the rates leaders ask for: 签约, 注册 (履约率 counts from here), 开工 (开工率), 投产/运营. */
export const STAGE_MILESTONES = ['signed', 'registered', 'started', 'operating'] as const;

/** A cooperation's stage template; the default is used until the cooperation edits it. */
export const projectStages = pgTable(
  'project_stages',
  {
    cooperationId: cooperationRef(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ordinal: integer('ordinal').notNull(),
    kind: text('kind', { enum: STAGE_KINDS }).notNull().default('step'),
    milestone: text('milestone', { enum: STAGE_MILESTONES }),
  },
  (t) => [primaryKey({ columns: [t.cooperationId, t.code] })],
);

/** Each stage change, dated; the project's current stage is the latest. */
export const projectStageChanges = pgTable(
  'project_stage_changes',
  {
    id: id(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    cooperationId: cooperationRef(),
    projectId: projectRef(),
    stage: text('stage').notNull(),
    on: date('on').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('project_stage_changes_project_idx').on(t.projectId, t.on, t.seq)],
);

/** The date a project plans to reach a stage, so one late against its own plan shows. */
export const projectStagePlans = pgTable(
  'project_stage_plans',
  {
    cooperationId: cooperationRef(),
    projectId: projectRef(),
    stage: text('stage').notNull(),
    plannedOn: date('planned_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.stage] })],
);

/** Investors registered as units (their region is the investor region). */
export const projectInvestors = pgTable(
  'project_investors',
  {
    cooperationId: cooperationRef(),
    projectId: projectRef(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organizationId] }), index('project_investors_organization_idx').on(t.organizationId)],
);

/** The clauses a project serves. */
export const projectClauses = pgTable(
  'project_clauses',
  {
    cooperationId: cooperationRef(),
    projectId: projectRef(),
    clauseId: uuid('clause_id')
      .notNull()
      .references(() => clauses.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.clauseId] })],
);

/** The tasks a project serves (or that carry it forward). */
export const projectTasks = pgTable(
  'project_tasks',
  {
    cooperationId: cooperationRef(),
    projectId: projectRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.taskId] })],
);

/** 签约活动: where projects are signed (深圳企业家青岛行, 2020-07-16). */
export const signingEvents = pgTable(
  'signing_events',
  {
    id: id(),
    cooperationId: cooperationRef(),
    name: text('name').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    ownerPartyId: uuid('owner_party_id').references(() => parties.id, { onDelete: 'set null' }),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('signing_events_cooperation_idx').on(t.cooperationId, t.heldOn)],
);

/** 签约额 (a commitment) and 到位资金 (a disbursement): never overwritten; a correction is a negative entry with a reason. */
export const MONEY_KINDS = ['contracted', 'in_place'] as const;
/**
 * How a contracted entry counts (the counting rule, README "Projects and money"): a signing counts at the
 * project's first event only; an expansion counts its increment; a transfer (the project changed hands)
 * makes its event the project's only one.
 */
export const SIGNING_BASES = ['signing', 'expansion', 'transfer'] as const;

/** Money follows its project's visibility. */
export const projectTransactions = pgTable(
  'project_transactions',
  {
    id: id(),
    /** Orders entries of one day as they were made, so "the first signing" is always the same one. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    cooperationId: cooperationRef(),
    projectId: projectRef(),
    kind: text('kind', { enum: MONEY_KINDS }).notNull(),
    basis: text('basis', { enum: SIGNING_BASES }),
    signingEventId: uuid('signing_event_id').references(() => signingEvents.id),
    on: date('on').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    providerPartyId: uuid('provider_party_id').references(() => parties.id, { onDelete: 'set null' }),
    receiverPartyId: uuid('receiver_party_id').references(() => parties.id, { onDelete: 'set null' }),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('project_transactions_project_idx').on(t.projectId, t.kind, t.on),
    index('project_transactions_cooperation_idx').on(t.cooperationId, t.kind, t.on),
    index('project_transactions_event_idx').on(t.signingEventId),
    check('project_transactions_amount_ck', sql`${t.amount} <> 0 and (${t.amount} > 0 or ${t.reason} is not null)`),
    check('project_transactions_basis_ck', sql`(${t.kind} = 'contracted') = (${t.basis} is not null)`),
  ],
);

export const CROSS_SIDE_KINDS = ['green_certificate', 'procurement', 'soe_investment', 'tourism', 'other'] as const;

/** Trade between the sides an agreement promotes (绿证, procurement, SOE investment, tourist flows). */
export const crossSideTransactions = pgTable(
  'cross_side_transactions',
  {
    id: id(),
    cooperationId: cooperationRef(),
    on: date('on').notNull(),
    kind: text('kind', { enum: CROSS_SIDE_KINDS }).notNull(),
    fromPartyId: uuid('from_party_id').references(() => parties.id, { onDelete: 'set null' }),
    toPartyId: uuid('to_party_id').references(() => parties.id, { onDelete: 'set null' }),
    fromOrganizationId: uuid('from_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    toOrganizationId: uuid('to_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    quantity: numeric('quantity', { precision: 24, scale: 4 }),
    unit: text('unit'),
    amount: numeric('amount', { precision: 20, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    note: text('note'),
    reason: text('reason'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    ownerPartyId: uuid('owner_party_id').references(() => parties.id, { onDelete: 'set null' }),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cross_side_transactions_cooperation_idx').on(t.cooperationId, t.kind, t.on),
    check('cross_side_transactions_sign_ck', sql`(coalesce(${t.amount}, 0) >= 0 and coalesce(${t.quantity}, 0) >= 0) or ${t.reason} is not null`),
    check('cross_side_transactions_measure_ck', sql`${t.amount} is not null or ${t.quantity} is not null`),
  ],
);
