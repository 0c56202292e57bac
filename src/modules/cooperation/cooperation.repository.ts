import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, cooperations, memberships, organizations, parties, regions, users } from '../../db/schema/core.ts';
import { progressReports, reportingPeriods, supervisionNoticeRecipients, supervisionNotices, taskUnits, tasks } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeAcrossCondition, rowScopeCondition, type CooperationScope, type RowScope, type RowScopeAcross } from '../access/policy.ts';
import { escapeLike } from '../../db/like.ts';

export type CooperationRow = typeof cooperations.$inferSelect;
export type NewCooperation = typeof cooperations.$inferInsert;
export type PartyRow = typeof parties.$inferSelect;
export type NewParty = typeof parties.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;

/** The visibility rule as SQL, so lists never fetch what the actor may not see. */
export function scopeCondition(scope: CooperationScope): SQL | undefined {
  if (scope.memberOf === null) return undefined;
  const parts: SQL[] = [];
  if (scope.includePublic) parts.push(eq(cooperations.visibility, 'public'));
  if (scope.memberOf.length) parts.push(inArray(cooperations.id, scope.memberOf));
  return parts.length ? or(...parts) : sql`false`;
}

export const cooperationRepository = {
  /** `rows`: what the reader sees inside the cooperations, so a count never includes an agreement it may not open. */
  async list(db: Db, scope: CooperationScope, rows: RowScopeAcross, filter: { q?: string | undefined; status?: CooperationRow['status'] | undefined; page: number; pageSize: number }) {
    const where: (SQL | undefined)[] = [scopeCondition(scope)];
    if (filter.q) where.push(ilike(cooperations.name, `%${escapeLike(filter.q)}%`));
    if (filter.status) where.push(eq(cooperations.status, filter.status));
    const condition = and(...where);
    const [found, [total]] = await Promise.all([
      db
        .select()
        .from(cooperations)
        .where(condition)
        .orderBy(asc(cooperations.name))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(cooperations).where(condition),
    ]);
    const ids = found.map((r) => r.id);
    const [partyRows, agreementCounts] = ids.length
      ? await Promise.all([
          db
            .select({ id: parties.id, cooperationId: parties.cooperationId, name: parties.name, regionCode: parties.regionCode })
            .from(parties)
            .where(inArray(parties.cooperationId, ids))
            .orderBy(asc(parties.ordinal), asc(parties.name)),
          db
            .select({ cooperationId: agreements.cooperationId, n: count() })
            .from(agreements)
            .where(and(inArray(agreements.cooperationId, ids), rowScopeAcrossCondition(rows, agreements)))
            .groupBy(agreements.cooperationId),
        ])
      : [[], []];
    return {
      total: total?.n ?? 0,
      items: found.map((r) => ({
        ...r,
        parties: partyRows.filter((p) => p.cooperationId === r.id).map(({ id, name, regionCode }) => ({ id, name, regionCode })),
        agreementCount: agreementCounts.find((a) => a.cooperationId === r.id)?.n ?? 0,
      })),
    };
  },

  async get(db: Db, id: string): Promise<CooperationRow | undefined> {
    const [row] = await db.select().from(cooperations).where(eq(cooperations.id, id)).limit(1);
    return row;
  },

  async findByName(db: Db, name: string): Promise<CooperationRow | undefined> {
    const [row] = await db.select().from(cooperations).where(eq(cooperations.name, name)).limit(1);
    return row;
  },

  async partiesOf(db: Db, cooperationId: string) {
    return db
      .select({
        id: parties.id,
        name: parties.name,
        regionCode: parties.regionCode,
        regionName: regions.name,
        ordinal: parties.ordinal,
        version: parties.version,
        coordinatingOrganizationId: parties.coordinatingOrganizationId,
        coordinatingOrganizationName: organizations.name,
      })
      .from(parties)
      .innerJoin(regions, eq(regions.code, parties.regionCode))
      .leftJoin(organizations, eq(organizations.id, parties.coordinatingOrganizationId))
      .where(eq(parties.cooperationId, cooperationId))
      .orderBy(asc(parties.ordinal), asc(parties.name));
  },

  async getParty(db: Db, cooperationId: string, partyId: string): Promise<PartyRow | undefined> {
    const [row] = await db
      .select()
      .from(parties)
      .where(and(eq(parties.id, partyId), eq(parties.cooperationId, cooperationId)))
      .limit(1);
    return row;
  },

  async insert(db: Db, values: NewCooperation): Promise<CooperationRow> {
    const [row] = await db.insert(cooperations).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewCooperation>) => updateIfVersion(db, cooperations, id, version, patch),

  async delete(db: Db, id: string, version: number): Promise<CooperationRow | undefined> {
    const [row] = await db.delete(cooperations).where(and(eq(cooperations.id, id), eq(cooperations.version, version))).returning();
    return row;
  },

  async insertParty(db: Db, values: NewParty): Promise<PartyRow> {
    const [row] = await db.insert(parties).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  updateParty: (db: Db, id: string, version: number, patch: Partial<NewParty>) => updateIfVersion(db, parties, id, version, patch),

  async deleteParty(db: Db, id: string, version: number): Promise<PartyRow | undefined> {
    const [row] = await db.delete(parties).where(and(eq(parties.id, id), eq(parties.version, version))).returning();
    return row;
  },

  async partyByRegion(db: Db, cooperationId: string, regionCode: string): Promise<PartyRow | undefined> {
    const [row] = await db
      .select()
      .from(parties)
      .where(and(eq(parties.cooperationId, cooperationId), eq(parties.regionCode, regionCode)))
      .limit(1);
    return row;
  },

  /** The sides of a cooperation that have a cooperation office (协调办) among their members. */
  async sidesWithOffice(db: Db, cooperationId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ partyId: memberships.partyId })
      .from(memberships)
      .where(and(eq(memberships.cooperationId, cooperationId), eq(memberships.role, 'coordinator')));
    return rows.map((r) => r.partyId);
  },

  /** What hangs off a side and would be lost or orphaned with it: its tasks, task units, members, reports and 督办 notices. */
  async dependentsOfParty(db: Db, cooperationId: string, partyId: string) {
    const n = sql<number>`count(*)::int`;
    const [[taskCount], [unitCount], [memberCount], [reportCount], [noticeCount]] = await Promise.all([
      db
        .select({ n })
        .from(tasks)
        .where(and(eq(tasks.cooperationId, cooperationId), or(eq(tasks.ownerPartyId, partyId), sql`${tasks.sides} @> ${JSON.stringify([partyId])}::jsonb`))),
      db.select({ n }).from(taskUnits).where(and(eq(taskUnits.cooperationId, cooperationId), eq(taskUnits.partyId, partyId))),
      db.select({ n }).from(memberships).where(and(eq(memberships.cooperationId, cooperationId), eq(memberships.partyId, partyId))),
      db.select({ n }).from(progressReports).where(and(eq(progressReports.cooperationId, cooperationId), eq(progressReports.partyId, partyId))),
      db
        .select({ n })
        .from(supervisionNotices)
        .where(
          and(
            eq(supervisionNotices.cooperationId, cooperationId),
            or(
              eq(supervisionNotices.issuedPartyId, partyId),
              sql`exists (select 1 from ${supervisionNoticeRecipients} r where r.notice_id = ${supervisionNotices.id} and r.party_id = ${partyId})`,
            ),
          ),
        ),
    ]);
    return {
      tasks: taskCount?.n ?? 0,
      units: unitCount?.n ?? 0,
      members: memberCount?.n ?? 0,
      reports: reportCount?.n ?? 0,
      notices: noticeCount?.n ?? 0,
    };
  },

  /**
   * What a cooperation has to be worked in, as far as the reader sees it (`rows`): its reporting periods, the agreements
   * and tasks the reader may open, and per region the units (organizations) registered in it or below it.
   */
  async setupCounts(db: Db, cooperationId: string, regionCodes: string[], rows: RowScope) {
    const n = sql<number>`count(*)::int`;
    // A city's side has the units of its districts too.
    const unitsBelow = (regionCode: string) =>
      db
        .select({ n })
        .from(organizations)
        .where(
          sql`${organizations.regionCode} in (
            with recursive below(code) as (select ${regionCode}::text union select r.code from ${regions} r join below on r.parent_code = below.code)
            select code from below)`,
        );
    const [[periodCount], [agreementCount], [taskCount], ...unitCounts] = await Promise.all([
      db.select({ n }).from(reportingPeriods).where(eq(reportingPeriods.cooperationId, cooperationId)),
      db.select({ n }).from(agreements).where(and(eq(agreements.cooperationId, cooperationId), rowScopeCondition(rows, agreements))),
      db.select({ n }).from(tasks).where(and(eq(tasks.cooperationId, cooperationId), rowScopeCondition(rows, tasks))),
      ...regionCodes.map(unitsBelow),
    ]);
    return {
      periods: periodCount?.n ?? 0,
      agreements: agreementCount?.n ?? 0,
      tasks: taskCount?.n ?? 0,
      unitsIn: (regionCode: string) => unitCounts[regionCodes.indexOf(regionCode)]?.[0]?.n ?? 0,
    };
  },

  async countTasks(db: Db, cooperationId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(tasks).where(eq(tasks.cooperationId, cooperationId));
    return row?.n ?? 0;
  },

  async countParties(db: Db, cooperationId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(parties).where(eq(parties.cooperationId, cooperationId));
    return row?.n ?? 0;
  },

  async membershipsOf(db: Db, cooperationId: string) {
    return db
      .select({
        id: memberships.id,
        userId: memberships.userId,
        username: users.username,
        displayName: users.displayName,
        partyId: memberships.partyId,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.cooperationId, cooperationId))
      .orderBy(asc(memberships.partyId), asc(memberships.role), asc(users.username));
  },

  async insertMembership(db: Db, values: typeof memberships.$inferInsert): Promise<MembershipRow> {
    const [row] = await db.insert(memberships).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async deleteMembership(db: Db, cooperationId: string, id: string): Promise<MembershipRow | undefined> {
    const [row] = await db
      .delete(memberships)
      .where(and(eq(memberships.id, id), eq(memberships.cooperationId, cooperationId)))
      .returning();
    return row;
  },
};
