import { and, asc, count, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobs } from '../db/schema/platform.ts';

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

export const jobRepository = {
  /** `undefined` when a job with the same uniqueKey was already scheduled. */
  async insert(db: Db, values: NewJob): Promise<JobRow | undefined> {
    const [row] = await db.insert(jobs).values(values).onConflictDoNothing().returning();
    return row;
  },

  /**
   * Takes up to `limit` due jobs for this worker: pending ones whose time has
   * come, and running ones whose lease ran out because their worker died.
   * SKIP LOCKED lets two servers claim at once without ever taking the same row.
   * Only `queues` the worker can handle: a job kind newer than this server waits for one that knows it.
   */
  async claim(db: Db, options: { now: Date; leaseUntil: Date; limit: number; queues: string[] }): Promise<JobRow[]> {
    const due = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.queue, options.queues),
          or(
            and(eq(jobs.status, 'pending'), lte(jobs.runAt, options.now)),
            and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, options.now)),
          ),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(options.limit)
      .for('update', { skipLocked: true });
    return db
      .update(jobs)
      .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: options.leaseUntil })
      .where(inArray(jobs.id, due))
      .returning();
  },

  /** Only the claim that is still current (same attempt) may settle a job. */
  async markDone(db: Db, job: Pick<JobRow, 'id' | 'attempts'>, at: Date): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({ status: 'done', finishedAt: at, lockedUntil: null, lastError: null })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  async markRetry(db: Db, job: Pick<JobRow, 'id' | 'attempts'>, runAt: Date, error: string): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({ status: 'pending', runAt, lockedUntil: null, lastError: error })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  async markFailed(db: Db, job: Pick<JobRow, 'id' | 'attempts'>, at: Date, error: string): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({ status: 'failed', finishedAt: at, lockedUntil: null, lastError: error })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  /** A failed job given another round of attempts by an operator. */
  async requeue(db: Db, id: number, runAt: Date): Promise<JobRow | undefined> {
    const [row] = await db
      .update(jobs)
      .set({ status: 'pending', runAt, attempts: 0, lockedUntil: null, finishedAt: null })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')))
      .returning();
    return row;
  },

  async get(db: Db, id: number): Promise<JobRow | undefined> {
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
    return row;
  },

  async findByUniqueKey(db: Db, uniqueKey: string): Promise<JobRow | undefined> {
    const [row] = await db.select().from(jobs).where(eq(jobs.uniqueKey, uniqueKey)).limit(1);
    return row;
  },

  async list(db: Db, filter: { queue?: string | undefined; status?: JobRow['status'] | undefined; limit: number }): Promise<JobRow[]> {
    const where = [];
    if (filter.queue) where.push(eq(jobs.queue, filter.queue));
    if (filter.status) where.push(eq(jobs.status, filter.status));
    return db
      .select()
      .from(jobs)
      .where(and(...where))
      .orderBy(asc(jobs.id))
      .limit(filter.limit);
  },

  async countByQueueAndStatus(db: Db): Promise<{ queue: string; status: JobRow['status']; n: number }[]> {
    return db
      .select({ queue: jobs.queue, status: jobs.status, n: count() })
      .from(jobs)
      .groupBy(jobs.queue, jobs.status)
      .orderBy(asc(jobs.queue), asc(jobs.status));
  },
};
