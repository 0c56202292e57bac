import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions } from '../../db/schema/core.ts';

export type RegionRow = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;

export const regionRepository = {
  async list(db: Db, filter: { q?: string | undefined; level?: RegionRow['level'] | undefined; parentCode?: string | undefined; limit: number }) {
    const where: SQL[] = [];
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const q = or(ilike(regions.name, pattern), ilike(regions.shortName, pattern), eq(regions.code, filter.q));
      if (q) where.push(q);
    }
    if (filter.level) where.push(eq(regions.level, filter.level));
    if (filter.parentCode) where.push(eq(regions.parentCode, filter.parentCode));
    return db
      .select()
      .from(regions)
      .where(where.length ? and(...where) : undefined)
      // Exact and shorter names first: "青岛" should find 青岛市 before 青岛市黄岛区.
      .orderBy(sql`length(${regions.name})`, asc(regions.code))
      .limit(filter.limit);
  },

  async get(db: Db, code: string): Promise<RegionRow | undefined> {
    const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
    return row;
  },

  async count(db: Db): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
    return row?.n ?? 0;
  },

  /** Parents before children, so the self-reference holds at every insert. */
  async insertMany(db: Db, rows: NewRegion[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db.insert(regions).values(rows.slice(i, i + 500)).onConflictDoNothing();
    }
  },

  async delete(db: Db, code: string): Promise<RegionRow | undefined> {
    const [row] = await db.delete(regions).where(eq(regions.code, code)).returning();
    return row;
  },
};
