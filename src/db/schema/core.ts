import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { DIRECTIONS, ROLLUPS, TARGET_COMPARATORS } from '../../contract/indicator-status.ts';

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** Optimistic lock: every update must name the version it read. */
export const rowVersion = () => integer('version').notNull().default(1);

/** GB/T 2260 six-digit codes inside China; ISO 3166-1 alpha-2 codes for partner countries. */
export const REGION_LEVELS = ['country', 'province', 'city', 'county'] as const;

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_name_idx').on(t.name)],
);


export const ORGANIZATION_KINDS = [
  'government',
  'department',
  'district',
  'park',
  'enterprise',
  'university',
  'institute',
  'other',
] as const;

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
    leaderUserId: uuid('leader_user_id'),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_region_name_uq').on(t.regionCode, t.name),
    index('organizations_parent_idx').on(t.parentId),
  ],
);

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  organizationId: uuid('organization_id').references(() => organizations.id),
  isAdmin: boolean('is_admin').notNull().default(false),
  /**
   * A cooperation office (协调办) by appointment of an administrator: it may create cooperations and import texts,
   * becoming the office of its own unit's side, before it is the office of any (on a new instance nobody is).
   */
  isOffice: boolean('is_office').notNull().default(false),
  locale: text('locale', { enum: ['zh-CN', 'en'] })
    .notNull()
    .default('zh-CN'),
  disabled: boolean('disabled').notNull().default(false),
  /** Set when an administrator gave the user a temporary password: until they choose their own, they may do nothing else. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  version: rowVersion(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Wrong passwords counted per (account as typed, client address), and per
 * address alone under account ''. Kept in the database so every server that
 * shares it slows the same guesser; nothing here ever refuses the account to
 * another address.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    account: text('account').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.account, t.address] }), index('login_throttles_last_failure_idx').on(t.lastFailureAt)],
);

export const COOPERATION_STATUSES = ['draft', 'active', 'suspended', 'closed'] as const;
export const VISIBILITIES = ['side', 'parties', 'public'] as const;

export const cooperations = pgTable('cooperations', {
  id: id(),
  name: text('name').notNull().unique(),
  summary: text('summary').notNull().default(''),
  principles: jsonb('principles').$type<string[]>().notNull().default([]),
  status: text('status', { enum: COOPERATION_STATUSES }).notNull().default('active'),
  visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
  startedOn: date('started_on'),
  /** How many days ahead "due soon" looks, on the dashboard and in 督办: a cooperation with quarterly rhythms looks further than one with weekly. */
  dueSoonDays: integer('due_soon_days').notNull().default(7),
  version: rowVersion(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const parties = pgTable(
  'parties',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The name the cooperation uses for this side, e.g. 青岛市. */
    name: text('name').notNull(),
    coordinatingOrganizationId: uuid('coordinating_organization_id').references(() => organizations.id),
    ordinal: integer('ordinal').notNull().default(0),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('parties_cooperation_region_uq').on(t.cooperationId, t.regionCode),
    index('parties_cooperation_idx').on(t.cooperationId),
  ],
);

export const MEMBERSHIP_ROLES = ['coordinator', 'unit', 'leader', 'observer'] as const;

/** A user's role in one cooperation, on one side. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_user_coop_role_uq').on(t.userId, t.cooperationId, t.role),
    index('memberships_cooperation_idx').on(t.cooperationId),
  ],
);

export const AGREEMENT_KINDS = ['framework', 'departmental', 'district', 'park', 'enterprise', 'other'] as const;

export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => agreements.id),
    kind: text('kind', { enum: AGREEMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    signedOn: date('signed_on'),
    place: text('place'),
    signatories: jsonb('signatories').$type<string[]>().notNull().default([]),
    source: text('source'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    /** The side a `side`-visible row belongs to; also who registered it. */
    ownerPartyId: uuid('owner_party_id').references(() => parties.id, { onDelete: 'set null' }),
    /** Number of the text version in force; older versions stay readable. */
    currentTextVersion: integer('current_text_version').notNull().default(1),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agreements_cooperation_idx').on(t.cooperationId),
    index('agreements_parent_idx').on(t.parentId),
    uniqueIndex('agreements_cooperation_title_uq').on(t.cooperationId, t.title),
  ],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agreement_versions_agreement_number_uq').on(t.agreementId, t.number)],
);

export const CLAUSE_LEVELS = ['area', 'direction', 'measure'] as const;

export const clauses = pgTable(
  'clauses',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => clauses.id, { onDelete: 'cascade' }),
    level: text('level', { enum: CLAUSE_LEVELS }).notNull(),
    label: text('label'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    ordinal: integer('ordinal').notNull().default(0),
    spanStart: integer('span_start'),
    spanEnd: integer('span_end'),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('clauses_agreement_idx').on(t.agreementId, t.parentId, t.ordinal),
    index('clauses_cooperation_idx').on(t.cooperationId),
    check('clauses_span_ck', sql`${t.spanStart} is null or (${t.spanStart} >= 0 and ${t.spanEnd} >= ${t.spanStart})`),
  ],
);

/** The rows whose visibility audit entries follow. */
export const AUDIT_SCOPE_TYPES = ['task', 'agreement', 'project', 'indicator', 'signing_event', 'cross_side_transaction'] as const;

const AUDIT_CHAINS = ['cooperation', 'global'] as const;

/** Append-only but for the scope columns; each row carries the hash of the previous one, so tampering shows. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    cooperationId: uuid('cooperation_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * Which chain the entry links into: `cooperation` — its cooperation's own chain (the platform's, when it
     * belongs to none), each with its own lock, so a cooperation's writes wait only on that cooperation's;
     * `global` — the one chain every entry joined before chains were split, kept as it was written.
     */
    chain: text('chain', { enum: AUDIT_CHAINS }).notNull().default('cooperation'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    // Who may read the entry: that of the row it is about (policy auditScopeCondition). Not hashed: the scope of a
    // live row follows the row when its visibility changes, and adding these columns left existing chains intact.
    /** The row whose visibility the entry follows (the task of a comment, the agreement of a clause); null: cooperation-wide. */
    scopeType: text('scope_type', { enum: AUDIT_SCOPE_TYPES }),
    scopeId: uuid('scope_id'),
    scopeVisibility: text('scope_visibility', { enum: VISIBILITIES }),
    scopePartyId: uuid('scope_party_id'),
    /** A row not shared yet (a draft report) or personal (an API token): seen by this user, this unit's users on this side, and admins. */
    heldByUserId: uuid('held_by_user_id'),
    heldByOrganizationId: uuid('held_by_organization_id'),
    heldByPartyId: uuid('held_by_party_id'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_cooperation_idx').on(t.cooperationId, t.seq),
    index('audit_scope_idx').on(t.scopeType, t.scopeId),
  ],
);

export const PROJECT_KINDS = ['investment', 'platform', 'park', 'programme'] as const;

/**
 * A project of the cooperation. Money is not stored here: what was contracted and what is in place are dated
 * entries (project_transactions), so totals as of any day are queries. The stage is a code of the cooperation's
 * stage template (project_stages); its history is project_stage_changes.
 */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: PROJECT_KINDS }).notNull().default('investment'),
    /** The investors as written (a text may name an enterprise not registered as a unit); registered ones are project_investors. */
    investor: text('investor'),
    /** Who invests where: the side the investors come from, and the side that hosts the project. */
    investorPartyId: uuid('investor_party_id').references(() => parties.id, { onDelete: 'set null' }),
    hostPartyId: uuid('host_party_id').references(() => parties.id, { onDelete: 'set null' }),
    hostRegionCode: text('host_region_code').references(() => regions.code),
    hostOrganizationId: uuid('host_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** GB/T 4754-2017 门类 (A–T) and, optionally, its 大类 (two digits). */
    industryCode: text('industry_code'),
    industryDivision: text('industry_division'),
    /** Total investment planned, a figure of the plan; money moving is in project_transactions. */
    investment: numeric('investment', { precision: 20, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    stage: text('stage').notNull().default('negotiating'),
    address: text('address'),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    responsibleOrganizationId: uuid('responsible_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    /** The side a `side`-visible row belongs to; also who registered it. */
    ownerPartyId: uuid('owner_party_id').references(() => parties.id, { onDelete: 'set null' }),
    sourceStart: integer('source_start'),
    sourceEnd: integer('source_end'),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('projects_cooperation_idx').on(t.cooperationId, t.stage),
    uniqueIndex('projects_cooperation_name_uq').on(t.cooperationId, t.name),
    check('projects_point_ck', sql`(${t.latitude} is null) = (${t.longitude} is null) and coalesce(${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180, true)`),
  ],
);

/** Comparators, directions and roll-up rules are the status rule's own (indicator-status.ts says what each means). */
export const COMPARATORS = TARGET_COMPARATORS;
export const INDICATOR_DIRECTIONS = DIRECTIONS;
export const ROLLUP_RULES = ROLLUPS;

/**
 * A computed indicator: one figure of the cooperation's projects, money and cross-side trade per reporting period
 * (project-figures.service.ts measures it; indicator-formula.ts says which measures and fields there are).
 */
export interface IndicatorFormula {
  measure: string;
  /** Filters by field, e.g. { hostPartyId, investorPartyId } or { crossSideKind: 'green_certificate' }. */
  where: Record<string, string | number>;
  /** Money measures: the currency summed; null for CNY. */
  currency: string | null;
  /** The figure is divided by it, so yuan show as 亿元 (1e8); 1 for counts. */
  divisor: number;
}

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: numeric('baseline', { precision: 24, scale: 4 }),
    /** The day the baseline value was measured; cumulative indicators count from it. */
    baselineOn: date('baseline_on'),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull().default('higher'),
    rollup: text('rollup', { enum: ROLLUP_RULES }).notNull().default('latest'),
    /** Share below 序时进度 still counted as at risk rather than off track; null: the default (indicator-status.ts). */
    atRiskMargin: numeric('at_risk_margin', { precision: 6, scale: 4 }),
    description: text('description').notNull().default(''),
    /** Set when the actuals are computed from the cooperation's data rather than entered (indicator-formula.ts). */
    formula: jsonb('formula').$type<IndicatorFormula>(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('parties'),
    /** The side a `side`-visible row belongs to; also who registered it. */
    ownerPartyId: uuid('owner_party_id').references(() => parties.id, { onDelete: 'set null' }),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('indicators_cooperation_name_uq').on(t.cooperationId, t.name, t.unit), check('indicators_margin_ck', sql`${t.atRiskMargin} is null or (${t.atRiskMargin} >= 0 and ${t.atRiskMargin} <= 1)`)],
);

export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year'),
    value: numeric('value', { precision: 24, scale: 4 }).notNull(),
    valueMax: numeric('value_max', { precision: 24, scale: 4 }),
    comparator: text('comparator', { enum: COMPARATORS }).notNull().default('>='),
    sourceText: text('source_text'),
    /** The status last computed (indicator-status.ts), so a change to off track is told once. */
    lastStatus: text('last_status'),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('indicator_targets_indicator_idx').on(t.indicatorId, t.year)],
);
