import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { milestones } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';

export type MilestoneRow = typeof milestones.$inferSelect;
export type NewMilestone = typeof milestones.$inferInsert;

export const milestoneRepository = {
  async get(db: Db, id: string): Promise<MilestoneRow | undefined> {
    const [row] = await db.select().from(milestones).where(eq(milestones.id, id)).limit(1);
    return row;
  },

  async listByTask(db: Db, taskId: string): Promise<MilestoneRow[]> {
    return db.select().from(milestones).where(eq(milestones.taskId, taskId)).orderBy(asc(milestones.ordinal), asc(milestones.createdAt));
  },

  async nextOrdinal(db: Db, taskId: string): Promise<number> {
    const [row] = await db.select({ n: max(milestones.ordinal) }).from(milestones).where(eq(milestones.taskId, taskId));
    return row?.n === null || row?.n === undefined ? 0 : row.n + 1;
  },

  async counts(db: Db, taskId: string): Promise<{ total: number; done: number }> {
    const [row] = await db
      .select({ total: sql<number>`count(*)::int`, done: sql<number>`count(${milestones.doneAt})::int` })
      .from(milestones)
      .where(eq(milestones.taskId, taskId));
    return { total: row?.total ?? 0, done: row?.done ?? 0 };
  },

  /** Marks reached milestones done (those not done yet), bumping their versions. */
  async markDone(db: Db, taskId: string, ids: string[], at: Date): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await db
      .update(milestones)
      .set({ doneAt: at, version: sql`${milestones.version} + 1`, updatedAt: at })
      .where(and(eq(milestones.taskId, taskId), inArray(milestones.id, ids), isNull(milestones.doneAt)))
      .returning({ id: milestones.id });
    return rows.map((r) => r.id);
  },

  async insert(db: Db, values: NewMilestone): Promise<MilestoneRow> {
    const [row] = await db.insert(milestones).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewMilestone>) => updateIfVersion(db, milestones, id, version, patch),

  /** Puts a milestone at a place in its task's order; the version moves, so a form open on it meanwhile is refused. */
  async setOrdinal(db: Db, id: string, ordinal: number): Promise<MilestoneRow> {
    const [row] = await db
      .update(milestones)
      .set({ ordinal, version: sql`${milestones.version} + 1`, updatedAt: new Date() })
      .where(eq(milestones.id, id))
      .returning();
    if (!row) throw new Error('update returned no row');
    return row;
  },

  async delete(db: Db, id: string, version: number): Promise<MilestoneRow | undefined> {
    const [row] = await db.delete(milestones).where(and(eq(milestones.id, id), eq(milestones.version, version))).returning();
    return row;
  },
};
