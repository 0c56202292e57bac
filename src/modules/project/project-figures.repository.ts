import { and, asc, count, countDistinct, desc, eq, inArray, lte, or, sql, sum, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projects } from '../../db/schema/core.ts';
import { crossSideTransactions, projectTransactions, type CROSS_SIDE_KINDS } from '../../db/schema/projects.ts';
import { rowScopeAcrossCondition, rowScopeCondition, type RowScope, type RowScopeAcross } from '../access/policy.ts';

/**
 * The counting rule (README "Projects and money"), as queries. Of a project's contracted entries up to a day:
 * - a transfer (the project changed hands) cuts off every entry before it: the project counts for its new event only;
 * - the project counts once, at its anchor: the first signing (or the last transfer) still in force;
 * - a signing entry counts only at the anchor's event (a project announced again at a later event is not counted
 *   twice); an expansion counts its increment at its own event; corrections (negative entries) count like what
 *   they correct.
 * Funds in place are all counted; for an event's 资金到位率 only those in force since the last transfer.
 */

/** What a total is about: the projects filtered, and the entries dated within [from, to]. */
export interface ProjectFilter {
  investorPartyId?: string | undefined;
  hostPartyId?: string | undefined;
  industryCode?: string | undefined;
  stage?: string | undefined;
  stages?: string[] | undefined;
  /** Projects anchored (first signed, or taken over) at this event. */
  signingEventId?: string | undefined;
  /** Projects anchored in this year. */
  year?: number | undefined;
  projectIds?: string[] | undefined;
}

export interface DateWindow {
  from?: string | undefined;
  to?: string | undefined;
}

export type Grouping = 'investorSide' | 'hostSide' | 'industry' | 'stage' | 'event' | 'year';

export interface MoneyAmount {
  currency: string;
  amount: string;
}

export interface TotalsGroup {
  /** The group's value (a party id, an industry code, a stage code, an event id, a year); null: none or all. */
  key: string | null;
  /** Projects of the group (for event and year: signed there or then). */
  projects: number;
  /** Projects with a counted signing. */
  signed: number;
  contracted: MoneyAmount[];
  inPlace: MoneyAmount[];
}

const t = projectTransactions;

/** The CTEs of the counting rule over one cooperation's entries up to `to`. */
function countingCtes(db: Db, cooperationId: string, to: string | undefined) {
  const upTo = (extra: SQL | undefined) => and(eq(t.cooperationId, cooperationId), to ? lte(t.on, to) : undefined, extra);
  const cuts = db.$with('cuts').as(
    db
      .selectDistinctOn([t.projectId], { projectId: sql<string>`${t.projectId}`.as('cut_project_id'), cutOn: sql<string>`${t.on}`.as('cut_on'), cutSeq: sql<number>`${t.seq}`.as('cut_seq') })
      .from(t)
      .where(upTo(eq(t.basis, 'transfer')))
      .orderBy(t.projectId, desc(t.on), desc(t.seq)),
  );
  const inForce = sql`(${cuts.projectId} is null or (${t.on}, ${t.seq}) >= (${cuts.cutOn}, ${cuts.cutSeq}))`;
  const anchors = db.$with('anchors').as(
    db
      .selectDistinctOn([t.projectId], {
        projectId: sql<string>`${t.projectId}`.as('anchor_project_id'),
        eventId: sql<string | null>`${t.signingEventId}`.as('anchor_event_id'),
        signedOn: sql<string>`${t.on}`.as('anchor_on'),
      })
      .from(t)
      .leftJoin(cuts, eq(cuts.projectId, t.projectId))
      .where(and(upTo(inArray(t.basis, ['signing', 'transfer'])), sql`${t.amount} > 0`, inForce))
      .orderBy(t.projectId, asc(t.on), asc(t.seq)),
  );
  const counted = db.$with('counted').as(
    db
      .select({
        projectId: sql<string>`${t.projectId}`.as('counted_project_id'),
        eventId: sql<string | null>`${t.signingEventId}`.as('counted_event_id'),
        on: sql<string>`${t.on}`.as('counted_on'),
        amount: sql<string>`${t.amount}`.as('counted_amount'),
        currency: sql<string>`${t.currency}`.as('counted_currency'),
      })
      .from(t)
      .leftJoin(cuts, eq(cuts.projectId, t.projectId))
      .leftJoin(anchors, eq(anchors.projectId, t.projectId))
      .where(and(upTo(eq(t.kind, 'contracted')), inForce, or(eq(t.basis, 'expansion'), sql`${t.signingEventId} is not distinct from ${anchors.eventId}`))),
  );
  return { cuts, anchors, counted, inForce, upTo };
}

const within = (column: SQLWrapper, window: DateWindow): SQL | undefined =>
  and(window.from ? sql`${column} >= ${window.from}` : undefined, window.to ? sql`${column} <= ${window.to}` : undefined);

const yearOf = (column: SQLWrapper) => sql<string>`extract(year from ${column})::int::text`;

function projectConditions(cooperationId: string, scope: RowScope | null, filter: ProjectFilter, anchorEvent: SQL, anchorOn: SQL): SQL | undefined {
  return and(
    eq(projects.cooperationId, cooperationId),
    scope ? rowScopeCondition(scope, projects) : undefined,
    filter.investorPartyId ? eq(projects.investorPartyId, filter.investorPartyId) : undefined,
    filter.hostPartyId ? eq(projects.hostPartyId, filter.hostPartyId) : undefined,
    filter.industryCode ? eq(projects.industryCode, filter.industryCode) : undefined,
    filter.stage ? eq(projects.stage, filter.stage) : undefined,
    filter.stages ? (filter.stages.length ? inArray(projects.stage, filter.stages) : sql`false`) : undefined,
    filter.projectIds ? (filter.projectIds.length ? inArray(projects.id, filter.projectIds) : sql`false`) : undefined,
    filter.signingEventId ? eq(anchorEvent, filter.signingEventId) : undefined,
    filter.year ? sql`extract(year from ${anchorOn}) = ${filter.year}` : undefined,
  );
}

function addMoney(into: Map<string | null, TotalsGroup>, key: string | null, field: 'contracted' | 'inPlace', currency: string, amount: string) {
  const group = into.get(key) ?? { key, projects: 0, signed: 0, contracted: [], inPlace: [] };
  group[field].push({ currency, amount });
  into.set(key, group);
}

export const projectFiguresRepository = {
  /**
   * Totals of the projects a reader sees (`scope`; null: every row, for indicator formulas), by one grouping or
   * none: projects, those signed, contracted and funds in place per currency, entries dated within the window.
   */
  async totals(db: Db, cooperationId: string, scope: RowScope | null, filter: ProjectFilter, window: DateWindow, by: Grouping | null): Promise<TotalsGroup[]> {
    const { cuts, anchors, counted, inForce, upTo } = countingCtes(db, cooperationId, window.to);
    const where = projectConditions(cooperationId, scope, filter, sql`${anchors.eventId}`, sql`${anchors.signedOn}`);
    const projectKey: Record<Exclude<Grouping, 'event' | 'year'>, SQL<string | null>> = {
      investorSide: sql`${projects.investorPartyId}::text`,
      hostSide: sql`${projects.hostPartyId}::text`,
      industry: sql`${projects.industryCode}`,
      stage: sql`${projects.stage}`,
    };
    const countKey: SQL<string | null> =
      by === 'event' ? sql`${anchors.eventId}::text` : by === 'year' ? sql`${yearOf(sql`${anchors.signedOn}`)}` : by ? projectKey[by] : sql<null>`null::text`;
    const contractedKey: SQL<string | null> =
      by === 'event' ? sql`${counted.eventId}::text` : by === 'year' ? yearOf(sql`${counted.on}`) : by ? projectKey[by] : sql<null>`null::text`;
    const inPlaceKey: SQL<string | null> = by === 'event' ? sql`${anchors.eventId}::text` : by === 'year' ? yearOf(t.on) : by ? projectKey[by] : sql<null>`null::text`;
    // Grouped by event or year, a project counts where and when it was signed; otherwise every project filtered counts.
    const signedOnly = by === 'event' || by === 'year';

    const [counts, contracted, inPlace] = await Promise.all([
      db
        .with(cuts, anchors)
        .select({ key: countKey, projects: count(), signed: sql<number>`count(*) filter (where ${anchors.projectId} is not null and ${within(sql`${anchors.signedOn}`, window) ?? sql`true`})`.mapWith(Number) })
        .from(projects)
        .leftJoin(anchors, eq(anchors.projectId, projects.id))
        .where(and(where, signedOnly ? sql`${anchors.projectId} is not null` : undefined, signedOnly ? within(sql`${anchors.signedOn}`, window) : undefined))
        .groupBy(...(by ? [countKey] : [])),
      db
        .with(cuts, anchors, counted)
        .select({ key: contractedKey, currency: counted.currency, amount: sum(counted.amount).mapWith(String) })
        .from(counted)
        .innerJoin(projects, eq(projects.id, counted.projectId))
        .leftJoin(anchors, eq(anchors.projectId, projects.id))
        .where(and(where, within(sql`${counted.on}`, window)))
        .groupBy(...(by ? [contractedKey] : []), counted.currency),
      db
        .with(cuts, anchors)
        .select({ key: inPlaceKey, currency: t.currency, amount: sum(t.amount).mapWith(String) })
        .from(t)
        .innerJoin(projects, eq(projects.id, t.projectId))
        .leftJoin(anchors, eq(anchors.projectId, projects.id))
        .leftJoin(cuts, eq(cuts.projectId, t.projectId))
        .where(and(where, upTo(eq(t.kind, 'in_place')), within(t.on, window), by === 'event' ? and(inForce, sql`${anchors.projectId} is not null`) : undefined))
        .groupBy(...(by ? [inPlaceKey] : []), t.currency),
    ]);
    const groups = new Map<string | null, TotalsGroup>();
    for (const row of counts) groups.set(row.key, { key: row.key, projects: row.projects, signed: row.signed, contracted: [], inPlace: [] });
    for (const row of contracted) addMoney(groups, row.key, 'contracted', row.currency, row.amount ?? '0');
    for (const row of inPlace) addMoney(groups, row.key, 'inPlace', row.currency, row.amount ?? '0');
    if (!by && !groups.size) groups.set(null, { key: null, projects: 0, signed: 0, contracted: [], inPlace: [] });
    return [...groups.values()].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  },

  /**
   * Funds in place of many cooperations at once, per cooperation and currency, as `totals` counts them with no
   * filter and no window (every in-place entry of a project the reader sees): the national overview's column.
   */
  async inPlaceAcross(db: Db, cooperationIds: string[], scope: RowScopeAcross) {
    if (!cooperationIds.length) return [];
    return db
      .select({ cooperationId: t.cooperationId, currency: t.currency, amount: sum(t.amount).mapWith(String) })
      .from(t)
      .innerJoin(projects, eq(projects.id, t.projectId))
      .where(and(inArray(t.cooperationId, cooperationIds), eq(t.kind, 'in_place'), rowScopeAcrossCondition(scope, projects)))
      .groupBy(t.cooperationId, t.currency)
      .orderBy(t.cooperationId, t.currency);
  },

  /** Per project: its anchor (event and date of the counted signing), contracted as counted and funds in place, per currency. */
  async perProject(db: Db, cooperationId: string, projectIds: string[], to?: string) {
    if (!projectIds.length) return { anchors: [], contracted: [], inPlace: [] };
    const { cuts, anchors, counted } = countingCtes(db, cooperationId, to);
    const [anchorRows, contracted, inPlace] = await Promise.all([
      db.with(cuts, anchors).select({ projectId: anchors.projectId, eventId: anchors.eventId, signedOn: anchors.signedOn }).from(anchors).where(inArray(anchors.projectId, projectIds)),
      db
        .with(cuts, anchors, counted)
        .select({ projectId: counted.projectId, currency: counted.currency, amount: sum(counted.amount).mapWith(String) })
        .from(counted)
        .where(inArray(counted.projectId, projectIds))
        .groupBy(counted.projectId, counted.currency),
      db
        .select({ projectId: t.projectId, currency: t.currency, amount: sum(t.amount).mapWith(String) })
        .from(t)
        .where(and(eq(t.cooperationId, cooperationId), inArray(t.projectId, projectIds), eq(t.kind, 'in_place'), to ? lte(t.on, to) : undefined))
        .groupBy(t.projectId, t.currency),
    ]);
    return { anchors: anchorRows, contracted, inPlace };
  },

  /** Which of a project's contracted entries the counting rule counts (the project page marks the others). */
  async countedEntryIds(db: Db, cooperationId: string, projectId: string): Promise<Set<string>> {
    const { cuts, anchors, inForce } = countingCtes(db, cooperationId, undefined);
    const rows = await db
      .with(cuts, anchors)
      .select({ id: t.id })
      .from(t)
      .leftJoin(cuts, eq(cuts.projectId, t.projectId))
      .leftJoin(anchors, eq(anchors.projectId, t.projectId))
      .where(and(eq(t.projectId, projectId), eq(t.kind, 'contracted'), inForce, or(eq(t.basis, 'expansion'), sql`${t.signingEventId} is not distinct from ${anchors.eventId}`)));
    return new Set(rows.map((r) => r.id));
  },

  /** Projects the reader sees, by the event they are anchored at and the stage they are at (the rates of an event). */
  async anchoredByStage(db: Db, cooperationId: string, scope: RowScope | null, eventIds: string[]) {
    if (!eventIds.length) return [];
    const { cuts, anchors } = countingCtes(db, cooperationId, undefined);
    return db
      .with(cuts, anchors)
      .select({ eventId: sql<string>`${anchors.eventId}`, stage: projects.stage, projects: count() })
      .from(projects)
      .innerJoin(anchors, eq(anchors.projectId, projects.id))
      .where(and(eq(projects.cooperationId, cooperationId), scope ? rowScopeCondition(scope, projects) : undefined, inArray(sql`${anchors.eventId}`, eventIds)))
      .groupBy(sql`${anchors.eventId}`, projects.stage);
  },

  /** The projects an event names in its entries (signed, expanded or taken over there) that the reader sees, with what counts there. */
  async eventProjects(db: Db, cooperationId: string, scope: RowScope | null, eventId: string) {
    const { cuts, anchors, counted } = countingCtes(db, cooperationId, undefined);
    const named = await db
      .selectDistinct({ projectId: t.projectId })
      .from(t)
      .innerJoin(projects, eq(projects.id, t.projectId))
      .where(and(eq(t.cooperationId, cooperationId), eq(t.signingEventId, eventId), scope ? rowScopeCondition(scope, projects) : undefined));
    const ids = named.map((n) => n.projectId);
    if (!ids.length) return { ids, anchored: [], contracted: [] };
    const [anchored, contracted] = await Promise.all([
      db.with(cuts, anchors).select({ projectId: anchors.projectId }).from(anchors).where(and(inArray(anchors.projectId, ids), sql`${anchors.eventId} = ${eventId}`)),
      db
        .with(cuts, anchors, counted)
        .select({ projectId: counted.projectId, currency: counted.currency, amount: sum(counted.amount).mapWith(String) })
        .from(counted)
        .where(and(inArray(counted.projectId, ids), sql`${counted.eventId} = ${eventId}`))
        .groupBy(counted.projectId, counted.currency),
    ]);
    return { ids, anchored: anchored.map((a) => a.projectId), contracted };
  },

  /** Cross-side trade of one kind (or all): count of entries, quantity and amount per currency, dated within the window. */
  async crossSideTotals(
    db: Db,
    cooperationId: string,
    scope: RowScope | null,
    filter: { kind?: (typeof CROSS_SIDE_KINDS)[number] | undefined; fromPartyId?: string | undefined; toPartyId?: string | undefined; unit?: string | undefined },
    window: DateWindow,
    by: 'kind' | 'year' | 'quarter' | null,
  ) {
    const c = crossSideTransactions;
    const key: SQL<string | null> =
      by === 'kind' ? sql`${c.kind}` : by === 'year' ? yearOf(c.on) : by === 'quarter' ? sql`extract(year from ${c.on})::int || '-Q' || extract(quarter from ${c.on})::int` : sql<null>`null::text`;
    return db
      .select({ key, unit: c.unit, currency: c.currency, entries: count(), quantity: sum(c.quantity).mapWith(String), amount: sum(c.amount).mapWith(String), organizations: countDistinct(c.fromOrganizationId) })
      .from(c)
      .where(
        and(
          eq(c.cooperationId, cooperationId),
          scope ? rowScopeCondition(scope, c) : undefined,
          filter.kind ? eq(c.kind, filter.kind) : undefined,
          filter.fromPartyId ? eq(c.fromPartyId, filter.fromPartyId) : undefined,
          filter.toPartyId ? eq(c.toPartyId, filter.toPartyId) : undefined,
          filter.unit ? eq(c.unit, filter.unit) : undefined,
          within(c.on, window),
        ),
      )
      .groupBy(...(by ? [key] : []), c.unit, c.currency)
      .orderBy(...(by ? [key] : []), c.unit, c.currency);
  },
};
