import { and, desc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cooperations, organizations, parties } from '../../db/schema/core.ts';
import { progressReports, reportingPeriods, supervisionNotices, tasks, taskUnits } from '../../db/schema/work.ts';
import type { RowScope } from '../access/policy.ts';
import { OPEN_STATUSES, scopeCondition, sideCondition } from '../task/task.repository.ts';

export type NoticeRow = typeof supervisionNotices.$inferSelect;

/**
 * What 督办 (supervision) looks at, computed from the ledger and the progress
 * reports: late and soon-due tasks, lead units that have not reported this
 * period, and returned reports not yet resubmitted.
 */
export const supervisionRepository = {
  /** Open tasks due on or before `horizon`, overdue ones included. */
  async dueTasks(db: Db, cooperationId: string, scope: RowScope, partyId: string | undefined, horizon: string) {
    return db
      .select({ id: tasks.id, title: tasks.title, status: tasks.status, dueOn: tasks.dueOn })
      .from(tasks)
      .where(
        and(
          eq(tasks.cooperationId, cooperationId),
          scopeCondition(scope),
          inArray(tasks.status, OPEN_STATUSES),
          lte(tasks.dueOn, horizon),
          partyId ? sideCondition(cooperationId, partyId) : undefined,
        ),
      )
      .orderBy(tasks.dueOn, tasks.id);
  },

  /** The reporting period under way: the latest one that has started. */
  async currentPeriod(db: Db, cooperationId: string, today: string) {
    const [row] = await db
      .select({ id: reportingPeriods.id, label: reportingPeriods.label, endsOn: reportingPeriods.endsOn, dueOn: reportingPeriods.dueOn })
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.cooperationId, cooperationId), lte(reportingPeriods.startsOn, today)))
      .orderBy(desc(reportingPeriods.startsOn))
      .limit(1);
    return row;
  },

  /** Lead units of open tasks without a report (beyond a draft) for the period. */
  async unreported(db: Db, cooperationId: string, scope: RowScope, partyId: string | undefined, period: { id: string; endsOn: string }) {
    return db
      .select({
        taskId: tasks.id,
        title: tasks.title,
        status: tasks.status,
        dueOn: tasks.dueOn,
        organizationId: taskUnits.organizationId,
        organizationName: organizations.name,
        partyId: taskUnits.partyId,
        partyName: parties.name,
        role: taskUnits.role,
      })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .innerJoin(organizations, eq(organizations.id, taskUnits.organizationId))
      .innerJoin(parties, eq(parties.id, taskUnits.partyId))
      .where(
        and(
          eq(taskUnits.cooperationId, cooperationId),
          eq(taskUnits.role, 'lead'),
          partyId ? eq(taskUnits.partyId, partyId) : undefined,
          inArray(tasks.status, OPEN_STATUSES),
          scopeCondition(scope),
          or(isNull(tasks.startOn), lte(tasks.startOn, period.endsOn)),
          sql`not exists (select 1 from ${progressReports} where ${progressReports.taskId} = ${tasks.id} and ${progressReports.periodId} = ${period.id} and ${progressReports.organizationId} = ${taskUnits.organizationId} and ${progressReports.status} <> 'draft')`,
        ),
      );
  },

  /** Returned reports of open tasks with no later revision submitted or approved. */
  async returnedNotResubmitted(db: Db, cooperationId: string, scope: RowScope, partyId: string | undefined) {
    return db
      .select({
        taskId: tasks.id,
        title: tasks.title,
        status: tasks.status,
        dueOn: tasks.dueOn,
        organizationId: progressReports.organizationId,
        organizationName: organizations.name,
        partyId: progressReports.partyId,
        partyName: parties.name,
        role: taskUnits.role,
      })
      .from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
      .innerJoin(organizations, eq(organizations.id, progressReports.organizationId))
      .innerJoin(parties, eq(parties.id, progressReports.partyId))
      .leftJoin(taskUnits, and(eq(taskUnits.taskId, progressReports.taskId), eq(taskUnits.organizationId, progressReports.organizationId)))
      .where(
        and(
          eq(progressReports.cooperationId, cooperationId),
          eq(progressReports.status, 'returned'),
          partyId ? eq(progressReports.partyId, partyId) : undefined,
          notInArray(tasks.status, ['done', 'cancelled']),
          scopeCondition(scope),
          sql`not exists (select 1 from ${progressReports} as later where later.task_id = ${progressReports.taskId} and later.period_id = ${progressReports.periodId} and later.organization_id = ${progressReports.organizationId} and later.revision > ${progressReports.revision} and later.status in ('submitted', 'approved'))`,
        ),
      );
  },

  /** Serializes numbering within a cooperation without blocking inserts that only reference it. */
  async lockNumbering(db: Db, cooperationId: string): Promise<void> {
    await db.select({ id: cooperations.id }).from(cooperations).where(eq(cooperations.id, cooperationId)).for('no key update');
  },

  /** The highest N of "督办〔year〕N号" issued in the cooperation, 0 when none. */
  async lastNumberOfYear(db: Db, cooperationId: string, year: string): Promise<number> {
    const prefix = `督办〔${year}〕`;
    const [row] = await db
      .select({ n: sql<number | null>`max(substring(${supervisionNotices.number} from ${`^${prefix}(\\d+)号$`})::int)` })
      .from(supervisionNotices)
      .where(and(eq(supervisionNotices.cooperationId, cooperationId), sql`${supervisionNotices.number} like ${`${prefix}%`}`));
    return row?.n ?? 0;
  },

  async getNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
    const [row] = await db.select().from(supervisionNotices).where(eq(supervisionNotices.id, id)).limit(1);
    return row;
  },

  async insertNotice(db: Db, values: typeof supervisionNotices.$inferInsert): Promise<NoticeRow> {
    const [row] = await db.insert(supervisionNotices).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  /** Records the acknowledgement once; undefined when someone acknowledged it meanwhile. */
  async acknowledge(db: Db, id: string, userId: string | null, at: Date): Promise<NoticeRow | undefined> {
    const [row] = await db
      .update(supervisionNotices)
      .set({ acknowledgedAt: at, acknowledgedBy: userId, version: sql`${supervisionNotices.version} + 1` })
      .where(and(eq(supervisionNotices.id, id), isNull(supervisionNotices.acknowledgedAt)))
      .returning();
    return row;
  },
};

