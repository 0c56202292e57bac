import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, parties, regions, users } from '../../db/schema/core.ts';
import { progressReports, supervisionNoticeRecipients, taskUnits } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

const columns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  regionCode: organizations.regionCode,
  regionName: regions.name,
  parentId: organizations.parentId,
  version: organizations.version,
};

export interface OrganizationFilter {
  q?: string | undefined;
  regionCode?: string | undefined;
  kind?: OrganizationRow['kind'] | undefined;
  page: number;
  pageSize: number;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
};
