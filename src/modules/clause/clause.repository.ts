import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { clauses } from '../../db/schema/core.ts';
import { taskClauses, tasks } from '../../db/schema/work.ts';
import type { RowScope } from '../access/policy.ts';
import { taskCounts } from '../task/task.repository.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';

export type ClauseRow = typeof clauses.$inferSelect;
export type NewClause = typeof clauses.$inferInsert;

export const clauseRepository = {
  async listByAgreement(db: Db, agreementId: string): Promise<ClauseRow[]> {
    return db.select().from(clauses).where(eq(clauses.agreementId, agreementId)).orderBy(asc(clauses.ordinal), asc(clauses.createdAt));
  },

  async get(db: Db, id: string): Promise<ClauseRow | undefined> {
    const [row] = await db.select().from(clauses).where(eq(clauses.id, id)).limit(1);
    return row;
  },

  async nextOrdinal(db: Db, agreementId: string, parentId: string | null): Promise<number> {
    const [row] = await db
      .select({ n: max(clauses.ordinal) })
      .from(clauses)
      .where(and(eq(clauses.agreementId, agreementId), parentId ? eq(clauses.parentId, parentId) : isNull(clauses.parentId)));
    return row?.n === null || row?.n === undefined ? 0 : row.n + 1;
  },

  async insert(db: Db, values: NewClause): Promise<ClauseRow> {
    const [row] = await db.insert(clauses).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewClause>) => updateIfVersion(db, clauses, id, version, patch),

  async setOrdinal(db: Db, id: string, ordinal: number): Promise<void> {
    await db.update(clauses).set({ ordinal, version: sql`${clauses.version} + 1`, updatedAt: new Date() }).where(eq(clauses.id, id));
  },

  /** Tasks serving any of the clauses (deleting them would quietly drop those links): all, and those the reader (`scope`) sees. */
  async taskCountFor(db: Db, clauseIds: string[], scope: RowScope): Promise<{ all: number; visible: number }> {
    if (!clauseIds.length) return { all: 0, visible: 0 };
    return taskCounts(db, inArray(tasks.id, db.select({ id: taskClauses.taskId }).from(taskClauses).where(inArray(taskClauses.clauseId, clauseIds))), scope);
  },

  async delete(db: Db, id: string, version: number): Promise<ClauseRow | undefined> {
    const [row] = await db.delete(clauses).where(and(eq(clauses.id, id), eq(clauses.version, version))).returning();
    return row;
  },
};
