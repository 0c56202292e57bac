import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cooperations } from '../../db/schema/core.ts';
import { reportingPeriods } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';

export type PeriodRow = typeof reportingPeriods.$inferSelect;
export type NewPeriod = typeof reportingPeriods.$inferInsert;

export const periodRepository = {
  async get(db: Db, id: string): Promise<PeriodRow | undefined> {
    const [row] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).limit(1);
    return row;
  },

  async listByCooperation(db: Db, cooperationId: string): Promise<PeriodRow[]> {
    return db.select().from(reportingPeriods).where(eq(reportingPeriods.cooperationId, cooperationId)).orderBy(asc(reportingPeriods.startsOn));
  },

  /** The latest period that has begun by `today`: the one units are reporting on now. */
  async currentOf(db: Db, cooperationId: string, today: string): Promise<PeriodRow | undefined> {
    const [row] = await db
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.cooperationId, cooperationId), lte(reportingPeriods.startsOn, today)))
      .orderBy(desc(reportingPeriods.startsOn))
      .limit(1);
    return row;
  },

  async overlapping(db: Db, cooperationId: string, startsOn: string, endsOn: string): Promise<PeriodRow[]> {
    return db
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.cooperationId, cooperationId), lte(reportingPeriods.startsOn, endsOn), gte(reportingPeriods.endsOn, startsOn)))
      .orderBy(asc(reportingPeriods.startsOn));
  },

  /** Serialises period changes of one cooperation, so two overlapping periods cannot both pass the check. */
  async lockCooperation(db: Db, cooperationId: string): Promise<void> {
    await db.select({ id: cooperations.id }).from(cooperations).where(eq(cooperations.id, cooperationId)).for('update');
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewPeriod>) => updateIfVersion(db, reportingPeriods, id, version, patch),

  async insertMany(db: Db, values: NewPeriod[]): Promise<PeriodRow[]> {
    return values.length ? db.insert(reportingPeriods).values(values).returning() : [];
  },
};
