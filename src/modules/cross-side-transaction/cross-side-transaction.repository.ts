import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, projects } from '../../db/schema/core.ts';
import { crossSideTransactions, type CROSS_SIDE_KINDS } from '../../db/schema/projects.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';

export type CrossSideTransactionRow = typeof crossSideTransactions.$inferSelect;
export type NewCrossSideTransaction = typeof crossSideTransactions.$inferInsert;

export interface CrossSideFilter {
  kind?: (typeof CROSS_SIDE_KINDS)[number] | undefined;
  fromPartyId?: string | undefined;
  toPartyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const c = crossSideTransactions;

function conditions(cooperationId: string, scope: RowScope, filter: CrossSideFilter): SQL | undefined {
  return and(
    eq(c.cooperationId, cooperationId),
    rowScopeCondition(scope, c),
    filter.kind ? eq(c.kind, filter.kind) : undefined,
    filter.fromPartyId ? eq(c.fromPartyId, filter.fromPartyId) : undefined,
    filter.toPartyId ? eq(c.toPartyId, filter.toPartyId) : undefined,
    filter.from ? gte(c.on, filter.from) : undefined,
    filter.to ? lte(c.on, filter.to) : undefined,
  );
}

export const crossSideTransactionRepository = {
  async page(db: Db, cooperationId: string, scope: RowScope, filter: CrossSideFilter, page: { page: number; pageSize: number }) {
    const where = conditions(cooperationId, scope, filter);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(c)
        .where(where)
        .orderBy(desc(c.on), desc(c.createdAt), desc(c.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize),
      db.select({ n: count() }).from(c).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  async get(db: Db, id: string): Promise<CrossSideTransactionRow | undefined> {
    const [row] = await db.select().from(c).where(eq(c.id, id)).limit(1);
    return row;
  },

  async insert(db: Db, values: NewCrossSideTransaction): Promise<CrossSideTransactionRow> {
    const [row] = await db.insert(c).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewCrossSideTransaction>) => updateIfVersion(db, c, id, version, patch),

  async delete(db: Db, id: string, version: number): Promise<CrossSideTransactionRow | undefined> {
    const [row] = await db.delete(c).where(and(eq(c.id, id), eq(c.version, version))).returning();
    return row;
  },

  /** Whether an agreement or project of the cooperation the reader sees carries this id. */
  async agreementSeen(db: Db, cooperationId: string, id: string, scope: RowScope): Promise<boolean> {
    const [row] = await db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.id, id), eq(agreements.cooperationId, cooperationId), rowScopeCondition(scope, agreements))).limit(1);
    return !!row;
  },

  async projectSeen(db: Db, cooperationId: string, id: string, scope: RowScope): Promise<boolean> {
    const [row] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.id, id), eq(projects.cooperationId, cooperationId), rowScopeCondition(scope, projects))).limit(1);
    return !!row;
  },
};
