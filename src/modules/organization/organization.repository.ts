import { aliasedTable, and, asc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, memberships, organizations, parties, regions, users } from '../../db/schema/core.ts';
import { progressReports, supervisionNoticeRecipients, supervisionNotices, taskUnits, tasks } from '../../db/schema/work.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { escapeLike } from '../../db/like.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

const columns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  regionCode: organizations.regionCode,
  regionName: regions.name,
  parentId: organizations.parentId,
  leaderUserId: organizations.leaderUserId,
  version: organizations.version,
};

export interface OrganizationFilter {
  q?: string | undefined;
  regionCode?: string | undefined;
  kind?: OrganizationRow['kind'] | undefined;
  page: number;
  pageSize: number;
}

/** At most this many units are listed per side: a city registers dozens, not thousands. */
const UNITS_PER_SIDE = 500;

const leaders = aliasedTable(users, 'leader');

export interface SideOfCooperation {
  cooperationId: string;
  partyId: string;
  regionCode: string;
  coordinatingOrganizationId: string | null;
}

/** What a merge moved from the duplicate to the kept unit. */
export interface MergeMoves {
  taskUnits: number;
  reports: number;
  notices: number;
  users: number;
  parties: number;
  children: number;
}


export const organizationRepository = {
  async list(db: Db, filter: OrganizationFilter) {
    const where: SQL[] = [];
    if (filter.q) where.push(ilike(organizations.name, `%${escapeLike(filter.q)}%`));
    if (filter.regionCode) where.push(eq(organizations.regionCode, filter.regionCode));
    if (filter.kind) where.push(eq(organizations.kind, filter.kind));
    const condition = where.length ? and(...where) : undefined;
    const [items, [total]] = await Promise.all([
      db
        .select(columns)
        .from(organizations)
        .innerJoin(regions, eq(regions.code, organizations.regionCode))
        .where(condition)
        .orderBy(asc(organizations.regionCode), asc(organizations.name))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(organizations).where(condition),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  async get(db: Db, id: string) {
    const [row] = await db
      .select(columns)
      .from(organizations)
      .innerJoin(regions, eq(regions.code, organizations.regionCode))
      .where(eq(organizations.id, id))
      .limit(1);
    return row;
  },

  /** Whether one of the given parties sits in the region or a region above it (a city's side keeps its districts' units). */
  async partyCoversRegion(db: Db, partyIds: string[], regionCode: string): Promise<boolean> {
    if (!partyIds.length) return false;
    const chain = sql`(
      with recursive chain(code) as (
        select ${regionCode}::text
        union select r.parent_code from ${regions} r join chain on r.code = chain.code where r.parent_code is not null
      ) select code from chain)`;
    const [row] = await db
      .select({ id: parties.id })
      .from(parties)
      .where(and(inArray(parties.id, partyIds), sql`${parties.regionCode} in ${chain}`))
      .limit(1);
    return !!row;
  },

  /**
   * The cooperations an organization takes part in: as a side's cooperation
   * office, a unit of a task, the unit of a report or of a 督办 notice, or as
   * the unit of a member. A change to it is recorded in each one's audit trail.
   */
  async cooperationsUsing(db: Db, organizationId: string): Promise<string[]> {
    const rows = await db
      .select({ id: parties.cooperationId })
      .from(parties)
      .where(eq(parties.coordinatingOrganizationId, organizationId))
      .union(db.select({ id: taskUnits.cooperationId }).from(taskUnits).where(eq(taskUnits.organizationId, organizationId)))
      .union(db.select({ id: progressReports.cooperationId }).from(progressReports).where(eq(progressReports.organizationId, organizationId)))
      .union(db.select({ id: supervisionNoticeRecipients.cooperationId }).from(supervisionNoticeRecipients).where(eq(supervisionNoticeRecipients.organizationId, organizationId)))
      .union(db.select({ id: memberships.cooperationId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.organizationId, organizationId)));
    return rows.map((r) => r.id).sort();
  },

  /** Whether the organization sits in the given region or a region below it (a city keeps its districts' units). */
  async inRegion(db: Db, regionCode: string, organizationId: string): Promise<boolean> {
    const chain = sql`(
      with recursive chain(code) as (
        select ${organizations.regionCode} from ${organizations} where ${organizations.id} = ${organizationId}
        union select r.parent_code from ${regions} r join chain on r.code = chain.code where r.parent_code is not null
      ) select code from chain)`;
    const [row] = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.code, regionCode), sql`${regions.code} in ${chain}`))
      .limit(1);
    return !!row;
  },

  async findByName(db: Db, regionCode: string, name: string): Promise<OrganizationRow | undefined> {
    const [row] = await db
      .select()
      .from(organizations)
      .where(and(eq(organizations.regionCode, regionCode), eq(organizations.name, name)))
      .limit(1);
    return row;
  },

  async insert(db: Db, values: NewOrganization): Promise<OrganizationRow> {
    const [row] = await db.insert(organizations).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewOrganization>) =>
    updateIfVersion(db, organizations, id, version, patch),

  async delete(db: Db, id: string, version: number): Promise<OrganizationRow | undefined> {
    const [row] = await db
      .delete(organizations)
      .where(and(eq(organizations.id, id), eq(organizations.version, version)))
      .returning();
    return row;
  },

  /**
   * The units of one side of a cooperation: those the cooperation uses on that
   * side (its office, its tasks' units, reports and 督办 recipients, its
   * members' units) and those registered in the side's region or below it.
   * Each with its leader and what uses it in this cooperation, as far as the
   * reader sees it (`scope`).
   */
  async unitsOfSide(db: Db, side: SideOfCooperation, scope: RowScope) {
    const below = sql`(
      with recursive below(code) as (
        select ${side.regionCode}::text
        union select r.code from ${regions} r join below on r.parent_code = below.code
      ) select code from below)`;
    // What the reader may not see counts for nothing and names no unit: another side's own tasks, drafts.
    const taskSeen = rowScopeCondition(scope, { visibility: tasks.visibility, ownerPartyId: tasks.ownerPartyId });
    const unitsOfTasks = (where: SQL | undefined) =>
      db.select({ id: taskUnits.organizationId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(and(eq(taskUnits.cooperationId, side.cooperationId), taskSeen, where));
    const reportsSeen = (where: SQL | undefined) =>
      db
        .select({ id: progressReports.organizationId })
        .from(progressReports)
        .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
        .where(and(eq(progressReports.cooperationId, side.cooperationId), ne(progressReports.status, 'draft'), taskSeen, where));
    const usedOnSide = or(
      sql`${organizations.regionCode} in ${below}`,
      side.coordinatingOrganizationId ? eq(organizations.id, side.coordinatingOrganizationId) : undefined,
      inArray(organizations.id, unitsOfTasks(eq(taskUnits.partyId, side.partyId))),
      inArray(organizations.id, reportsSeen(eq(progressReports.partyId, side.partyId))),
      inArray(
        organizations.id,
        db
          .select({ id: supervisionNoticeRecipients.organizationId })
          .from(supervisionNoticeRecipients)
          .innerJoin(supervisionNotices, eq(supervisionNotices.id, supervisionNoticeRecipients.noticeId))
          .innerJoin(tasks, eq(tasks.id, supervisionNotices.taskId))
          .where(and(eq(supervisionNoticeRecipients.cooperationId, side.cooperationId), eq(supervisionNoticeRecipients.partyId, side.partyId), taskSeen)),
      ),
      sql`${organizations.id} in (select u.organization_id from ${memberships} m join ${users} u on u.id = m.user_id where m.party_id = ${side.partyId})`,
    );
    const taskCount = db.select({ n: sql<number>`count(*)::int` }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(and(eq(taskUnits.cooperationId, side.cooperationId), eq(taskUnits.organizationId, organizations.id), taskSeen));
    const reportCount = db
      .select({ n: sql<number>`count(*)::int` })
      .from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
      .where(and(eq(progressReports.cooperationId, side.cooperationId), eq(progressReports.organizationId, organizations.id), ne(progressReports.status, 'draft'), taskSeen));
    return db
      .select({
        ...columns,
        leader: sql<{ id: string; displayName: string } | null>`case when ${leaders.id} is null then null else json_build_object('id', ${leaders.id}, 'displayName', ${leaders.displayName}) end`,
        tasks: sql<number>`(${taskCount})`,
        reports: sql<number>`(${reportCount})`,
        users: sql<number>`(select count(*)::int from ${users} u where u.organization_id = ${organizations.id})`,
      })
      .from(organizations)
      .innerJoin(regions, eq(regions.code, organizations.regionCode))
      .leftJoin(leaders, eq(leaders.id, organizations.leaderUserId))
      .where(usedOnSide)
      .orderBy(asc(organizations.name))
      .limit(UNITS_PER_SIDE);
  },

  /**
   * Whether a user may be named a unit's leader by whoever coordinates
   * `coordinatedPartyIds`: an enabled user of the unit itself, or one who is a
   * member on one of those sides (a deputy mayor in charge of the unit is
   * rarely on its staff). `coordinatedPartyIds` null: every enabled user qualifies (an admin).
   */
  async leaderEligible(db: Db, userId: string, organizationId: string, coordinatedPartyIds: string[] | null): Promise<boolean> {
    const onSides = coordinatedPartyIds
      ? or(
          eq(users.organizationId, organizationId),
          coordinatedPartyIds.length
            ? inArray(users.id, db.select({ id: memberships.userId }).from(memberships).where(inArray(memberships.partyId, coordinatedPartyIds)))
            : undefined,
        )
      : undefined;
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.disabled, false), onSides))
      .limit(1);
    return !!row;
  },

  /**
   * What stands in the way of merging `duplicateId` into `keptId`: reports
   * both wrote for the same task and period, and 督办 notices addressed to
   * both. Either would become two rows for one unit; they are settled by hand first.
   */
  async mergeClashes(db: Db, duplicateId: string, keptId: string): Promise<{ reports: number; notices: number }> {
    const kept = aliasedTable(progressReports, 'kept_report');
    const [reports] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(progressReports)
      .innerJoin(kept, and(eq(kept.taskId, progressReports.taskId), eq(kept.periodId, progressReports.periodId), eq(kept.revision, progressReports.revision), eq(kept.organizationId, keptId)))
      .where(eq(progressReports.organizationId, duplicateId));
    const keptRecipient = aliasedTable(supervisionNoticeRecipients, 'kept_recipient');
    const [notices] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(supervisionNoticeRecipients)
      .innerJoin(keptRecipient, and(eq(keptRecipient.noticeId, supervisionNoticeRecipients.noticeId), eq(keptRecipient.organizationId, keptId)))
      .where(eq(supervisionNoticeRecipients.organizationId, duplicateId));
    return { reports: reports?.n ?? 0, notices: notices?.n ?? 0 };
  },

  /**
   * Moves everything that names the duplicate over to the kept unit. A task
   * that had both keeps one row for the kept unit, as lead if either was.
   * Draft reports' audit entries follow, so the kept unit's users still read
   * them (their scope is not part of an entry's hash). The kept unit's own
   * row is the caller's to update.
   */
  async moveReferences(db: Db, duplicateId: string, keptId: string): Promise<MergeMoves> {
    const kept = aliasedTable(taskUnits, 'kept_unit');
    const both = db.select({ taskId: kept.taskId }).from(kept).where(eq(kept.organizationId, keptId));
    const leadOnBoth = db
      .select({ taskId: taskUnits.taskId })
      .from(taskUnits)
      .where(and(eq(taskUnits.organizationId, duplicateId), eq(taskUnits.role, 'lead'), inArray(taskUnits.taskId, both)));
    await db.update(taskUnits).set({ role: 'lead' }).where(and(eq(taskUnits.organizationId, keptId), inArray(taskUnits.taskId, leadOnBoth)));
    const dropped = await db
      .delete(taskUnits)
      .where(and(eq(taskUnits.organizationId, duplicateId), inArray(taskUnits.taskId, both)))
      .returning({ taskId: taskUnits.taskId });
    const movedUnits = await db.update(taskUnits).set({ organizationId: keptId }).where(eq(taskUnits.organizationId, duplicateId)).returning({ taskId: taskUnits.taskId });
    const reports = await db.update(progressReports).set({ organizationId: keptId }).where(eq(progressReports.organizationId, duplicateId)).returning({ id: progressReports.id });
    const notices = await db
      .update(supervisionNoticeRecipients)
      .set({ organizationId: keptId })
      .where(eq(supervisionNoticeRecipients.organizationId, duplicateId))
      .returning({ id: supervisionNoticeRecipients.noticeId });
    const movedUsers = await db.update(users).set({ organizationId: keptId }).where(eq(users.organizationId, duplicateId)).returning({ id: users.id });
    const movedParties = await db.update(parties).set({ coordinatingOrganizationId: keptId }).where(eq(parties.coordinatingOrganizationId, duplicateId)).returning({ id: parties.id });
    const children = await db
      .update(organizations)
      .set({ parentId: keptId })
      .where(and(eq(organizations.parentId, duplicateId), ne(organizations.id, keptId)))
      .returning({ id: organizations.id });
    await db.update(auditLog).set({ heldByOrganizationId: keptId }).where(eq(auditLog.heldByOrganizationId, duplicateId));
    return {
      taskUnits: movedUnits.length + dropped.length,
      reports: reports.length,
      notices: notices.length,
      users: movedUsers.length,
      parties: movedParties.length,
      children: children.length,
    };
  },
};
