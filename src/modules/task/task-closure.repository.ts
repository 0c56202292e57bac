import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { approvals } from '../../db/schema/work.ts';

export type ApprovalRow = typeof approvals.$inferSelect;

export const taskClosureRepository = {
  async approvalsOf(db: Db, taskId: string): Promise<ApprovalRow[]> {
    return db
      .select()
      .from(approvals)
      .where(and(eq(approvals.subjectType, 'task_closure'), eq(approvals.subjectId, taskId)))
      .orderBy(asc(approvals.round), asc(approvals.createdAt));
  },

  /** Records one side's decision; undefined when that side already decided in this round. */
  async insertDecision(db: Db, values: Omit<typeof approvals.$inferInsert, 'subjectType'>): Promise<ApprovalRow | undefined> {
    const [row] = await db
      .insert(approvals)
      .values({ ...values, subjectType: 'task_closure' })
      .onConflictDoNothing({ target: [approvals.subjectType, approvals.subjectId, approvals.round, approvals.partyId] })
      .returning();
    return row;
  },
};
