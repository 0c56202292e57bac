import { and, asc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { briefingNotes } from '../../db/schema/briefing.ts';
import { organizations, users } from '../../db/schema/core.ts';
import { progressReports, reportingPeriods, tasks } from '../../db/schema/work.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';
import { CLOSED_STATUSES } from '../task/task-status.ts';
import { scopeCondition } from '../task/task.repository.ts';

/** Decisions still owed, at most this many of each kind: a briefing lists, the ledger and the report pages hold the rest. */
const AWAITING = 30;

export const briefingRepository = {
  async note(db: Db, periodId: string) {
    const [row] = await db
      .select({ note: briefingNotes, updatedByName: users.displayName })
      .from(briefingNotes)
      .leftJoin(users, eq(users.id, briefingNotes.updatedBy))
      .where(eq(briefingNotes.periodId, periodId));
    return row;
  },

  /** The period's paragraph under a row lock, for a versioned change. */
  async noteForUpdate(tx: Db, periodId: string) {
    const [row] = await tx.select().from(briefingNotes).where(eq(briefingNotes.periodId, periodId)).for('update');
    return row;
  },

  /** The first paragraph of a period; undefined when another writer created it meanwhile (the caller answers 409). */
  async insertNote(tx: Db, values: { cooperationId: string; periodId: string; text: string; updatedBy: string | null }) {
    const [row] = await tx.insert(briefingNotes).values(values).onConflictDoNothing({ target: briefingNotes.periodId }).returning();
    return row;
  },

  async updateNote(tx: Db, id: string, version: number, values: { text: string; updatedBy: string | null }) {
    const [row] = await tx
      .update(briefingNotes)
      .set({ ...values, version: sql`${briefingNotes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(briefingNotes.id, id), eq(briefingNotes.version, version)))
      .returning();
    return row;
  },

  /**
   * Submitted reports of the tasks the reader sees, with the sides that must still decide: those fixed at
   * submission (or the task's) without an approval given since the report was last submitted.
   */
  async reportsAwaiting(db: Db, cooperationId: string, scope: RowScope) {
    return db
      .select({
        taskId: tasks.id,
        taskTitle: tasks.title,
        organizationName: organizations.name,
        periodLabel: reportingPeriods.label,
        since: sql<string>`coalesce(${progressReports.submittedAt}, ${progressReports.updatedAt})::text`,
        awaiting: sql<string[]>`coalesce((
          select jsonb_agg(s.side) from jsonb_array_elements_text(coalesce(${progressReports.decidingSides}, ${tasks.sides})) as s(side)
          where not exists (
            select 1 from approvals a
            where a.subject_type = 'report' and a.subject_id = ${progressReports.id} and a.party_id::text = s.side
              and a.decision = 'approved' and a.created_at >= coalesce(${progressReports.submittedAt}, ${progressReports.createdAt})
          )
        ), '[]'::jsonb)`,
      })
      .from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
      .innerJoin(organizations, eq(organizations.id, progressReports.organizationId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(
        and(
          eq(progressReports.cooperationId, cooperationId),
          eq(progressReports.status, 'submitted'),
          eq(tasks.cooperationId, cooperationId),
          scopeCondition(scope),
          rowScopeCondition(scope, { visibility: progressReports.visibility, ownerPartyId: progressReports.partyId }),
        ),
      )
      .orderBy(asc(progressReports.submittedAt))
      .limit(AWAITING);
  },

  /** Open tasks whose closing was requested, with the sides of this round that have not approved it yet. */
  async closingsAwaiting(db: Db, cooperationId: string, scope: RowScope) {
    return db
      .select({
        taskId: tasks.id,
        taskTitle: tasks.title,
        since: sql<string>`${tasks.closeRequestedAt}::text`,
        awaiting: sql<string[]>`coalesce((
          select jsonb_agg(s.side) from jsonb_array_elements_text(coalesce(${tasks.closeSides}, ${tasks.sides})) as s(side)
          where not exists (
            select 1 from approvals a
            where a.subject_type = 'task_closure' and a.subject_id = ${tasks.id} and a.round = ${tasks.closeRound}
              and a.party_id::text = s.side and a.decision = 'approved'
          )
        ), '[]'::jsonb)`,
      })
      .from(tasks)
      .where(and(eq(tasks.cooperationId, cooperationId), scopeCondition(scope), isNotNull(tasks.closeRequestedAt), notInArray(tasks.status, [...CLOSED_STATUSES])))
      .orderBy(asc(tasks.closeRequestedAt))
      .limit(AWAITING);
  },

  async periodsOf(db: Db, cooperationId: string, ids: string[]) {
    if (!ids.length) return [];
    return db.select().from(reportingPeriods).where(and(eq(reportingPeriods.cooperationId, cooperationId), inArray(reportingPeriods.id, ids)));
  },
};
