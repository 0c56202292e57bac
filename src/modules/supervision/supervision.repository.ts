import { and, asc, desc, eq, inArray, isNull, lt, lte, not, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, parties, regions, users } from '../../db/schema/core.ts';
import { progressReports, reportingPeriods, supervisionNoticeRecipients, supervisionNotices, tasks, taskUnits } from '../../db/schema/work.ts';
import type { RowScope } from '../access/policy.ts';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../task/task-status.ts';
import { scopeCondition, sideCondition } from '../task/task.repository.ts';

export type NoticeRow = typeof supervisionNotices.$inferSelect;

export interface RecipientRow {
  noticeId: string;
  partyId: string;
  partyName: string;
  organizationId: string;
  organizationName: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
}

/**
 * The part of the 未报送 rule a joint report settles, also used by the report
 * reminders: a report of the task for the period approved by the offices of
 * every side it needed, the lead unit's side among them. For queries over
 * `tasks` joined with `taskUnits`.
 */
export const settledByApprovedReport = (periodId: string) =>
  sql`exists (select 1 from ${progressReports} as settled where settled.task_id = ${tasks.id} and settled.period_id = ${periodId} and settled.status = 'approved' and coalesce(settled.deciding_sides, ${tasks.sides}) @> jsonb_build_array(${taskUnits.partyId}::text))`;

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
          inArray(tasks.status, [...OPEN_STATUSES]),
          lte(tasks.dueOn, horizon),
          partyId ? sideCondition(cooperationId, partyId) : undefined,
        ),
      )
      .orderBy(tasks.dueOn, tasks.id);
  },

  /**
   * The period 未报送 is counted for: the latest one whose reporting window has
   * opened — it has ended, so its reports are owed (by its due date) — and that
   * the offices have not closed. A period still under way is not chased yet.
   * With `unreported` below, this is the whole 未报送 rule (README, glossary).
   */
  async chasedPeriod(db: Db, cooperationId: string, today: string) {
    const [row] = await db
      .select({ id: reportingPeriods.id, label: reportingPeriods.label, endsOn: reportingPeriods.endsOn, dueOn: reportingPeriods.dueOn })
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.cooperationId, cooperationId), lt(reportingPeriods.endsOn, today), isNull(reportingPeriods.closedAt)))
      .orderBy(desc(reportingPeriods.endsOn))
      .limit(1);
    return row;
  },

  /**
   * 未报送 for the chased period: each lead unit of an open task that had
   * begun by the period's end, unless the unit submitted a report of its own
   * for the period (a draft is not one; a returned one is listed as 退回), or
   * a report of the task for the period was approved by the offices of every
   * side it needed, the unit's side among them — on a joint task one report
   * approved by both offices covers both sides' lead units.
   */
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
          inArray(tasks.status, [...OPEN_STATUSES]),
          scopeCondition(scope),
          or(isNull(tasks.startOn), lte(tasks.startOn, period.endsOn)),
          sql`not exists (select 1 from ${progressReports} where ${progressReports.taskId} = ${tasks.id} and ${progressReports.periodId} = ${period.id} and ${progressReports.organizationId} = ${taskUnits.organizationId} and ${progressReports.status} <> 'draft')`,
          not(settledByApprovedReport(period.id)),
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
          notInArray(tasks.status, [...CLOSED_STATUSES]),
          scopeCondition(scope),
          sql`not exists (select 1 from ${progressReports} as later where later.task_id = ${progressReports.taskId} and later.period_id = ${progressReports.periodId} and later.organization_id = ${progressReports.organizationId} and later.revision > ${progressReports.revision} and later.status in ('submitted', 'approved'))`,
        ),
      );
  },

  /**
   * Serializes numbering within one issuing side: the side's row is the
   * counter's lock, taken without blocking inserts that only reference it.
   */
  async lockNumbering(db: Db, partyId: string): Promise<void> {
    await db.select({ id: parties.id }).from(parties).where(eq(parties.id, partyId)).for('no key update');
  },

  /** The highest sequence the side issued in the year, 0 when none. */
  async lastSequence(db: Db, cooperationId: string, partyId: string, year: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number | null>`max(${supervisionNotices.sequence})` })
      .from(supervisionNotices)
      .where(and(eq(supervisionNotices.cooperationId, cooperationId), eq(supervisionNotices.issuedPartyId, partyId), eq(supervisionNotices.issuedYear, year)));
    return Number(row?.n ?? 0);
  },

  /** Each side of the cooperation with its region's short name (青岛), for the printed number's prefix. */
  async sideShortNames(db: Db, cooperationId: string) {
    return db
      .select({ id: parties.id, shortName: regions.shortName })
      .from(parties)
      .innerJoin(regions, eq(regions.code, parties.regionCode))
      .where(eq(parties.cooperationId, cooperationId));
  },

  async getNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
    const [row] = await db.select().from(supervisionNotices).where(eq(supervisionNotices.id, id)).limit(1);
    return row;
  },

  async insertNotice(db: Db, values: typeof supervisionNotices.$inferInsert, recipients: { partyId: string; organizationId: string }[]): Promise<NoticeRow> {
    const [row] = await db.insert(supervisionNotices).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    await db.insert(supervisionNoticeRecipients).values(recipients.map((r) => ({ noticeId: row.id, cooperationId: row.cooperationId, ...r })));
    return row;
  },

  /** The units notices are addressed to, with who signed for each and when. */
  async recipientsOf(db: Db, noticeIds: string[]): Promise<RecipientRow[]> {
    if (!noticeIds.length) return [];
    return db
      .select({
        noticeId: supervisionNoticeRecipients.noticeId,
        partyId: supervisionNoticeRecipients.partyId,
        partyName: parties.name,
        organizationId: supervisionNoticeRecipients.organizationId,
        organizationName: organizations.name,
        acknowledgedAt: supervisionNoticeRecipients.acknowledgedAt,
        acknowledgedBy: supervisionNoticeRecipients.acknowledgedBy,
        acknowledgedByName: users.displayName,
      })
      .from(supervisionNoticeRecipients)
      .innerJoin(parties, eq(parties.id, supervisionNoticeRecipients.partyId))
      .innerJoin(organizations, eq(organizations.id, supervisionNoticeRecipients.organizationId))
      .leftJoin(users, eq(users.id, supervisionNoticeRecipients.acknowledgedBy))
      .where(inArray(supervisionNoticeRecipients.noticeId, noticeIds))
      .orderBy(asc(parties.ordinal), asc(organizations.name));
  },

  /** Each notice's recipients, in the order `recipientsOf` gives them. */
  async recipientsByNotice(db: Db, noticeIds: string[]): Promise<Map<string, RecipientRow[]>> {
    const byNotice = new Map<string, RecipientRow[]>();
    for (const row of await supervisionRepository.recipientsOf(db, noticeIds)) {
      const list = byNotice.get(row.noticeId);
      if (list) list.push(row);
      else byNotice.set(row.noticeId, [row]);
    }
    return byNotice;
  },

  /** Notices of the tasks, newest first. */
  async noticesOfTasks(db: Db, taskIds: string[]): Promise<NoticeRow[]> {
    if (!taskIds.length) return [];
    return db.select().from(supervisionNotices).where(inArray(supervisionNotices.taskId, taskIds)).orderBy(desc(supervisionNotices.createdAt), desc(supervisionNotices.sequence));
  },

  /** Records one recipient's signature once; undefined when someone signed for it meanwhile. */
  async acknowledge(db: Db, noticeId: string, organizationId: string, userId: string | null, at: Date) {
    const [row] = await db
      .update(supervisionNoticeRecipients)
      .set({ acknowledgedAt: at, acknowledgedBy: userId })
      .where(
        and(
          eq(supervisionNoticeRecipients.noticeId, noticeId),
          eq(supervisionNoticeRecipients.organizationId, organizationId),
          isNull(supervisionNoticeRecipients.acknowledgedAt),
        ),
      )
      .returning();
    return row;
  },

  async bumpVersion(db: Db, noticeId: string): Promise<void> {
    await db
      .update(supervisionNotices)
      .set({ version: sql`${supervisionNotices.version} + 1` })
      .where(eq(supervisionNotices.id, noticeId));
  },
};

