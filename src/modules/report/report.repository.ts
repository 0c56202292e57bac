import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, users } from '../../db/schema/core.ts';
import { approvals, progressReports, reportingPeriods, tasks, taskUnits } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';

export type ReportRow = typeof progressReports.$inferSelect;
export type NewReport = typeof progressReports.$inferInsert;
export type ApprovalRow = typeof approvals.$inferSelect;
/** A decision with the name of who made it, as the report's history shows it. */
export type ApprovalEntry = ApprovalRow & { userName: string | null };
export type ReportStatus = ReportRow['status'];

export const reportRepository = {
  async get(db: Db, id: string): Promise<ReportRow | undefined> {
    const [row] = await db.select().from(progressReports).where(eq(progressReports.id, id)).limit(1);
    return row;
  },

  /** Takes the row lock: submissions and the reviews of both sides are applied one after the other. */
  async getForUpdate(db: Db, id: string): Promise<ReportRow | undefined> {
    const [row] = await db.select().from(progressReports).where(eq(progressReports.id, id)).limit(1).for('update');
    return row;
  },

  async listByTask(db: Db, taskId: string): Promise<ReportRow[]> {
    return db
      .select()
      .from(progressReports)
      .where(eq(progressReports.taskId, taskId))
      .orderBy(desc(progressReports.createdAt), desc(progressReports.revision));
  },

  /** Every revision one unit wrote for one task and period, newest first. */
  async revisionsOf(db: Db, key: { taskId: string; periodId: string; organizationId: string }): Promise<ReportRow[]> {
    return db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.taskId, key.taskId), eq(progressReports.periodId, key.periodId), eq(progressReports.organizationId, key.organizationId)))
      .orderBy(desc(progressReports.revision));
  },

  async insert(db: Db, values: NewReport): Promise<ReportRow> {
    const [row] = await db.insert(progressReports).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewReport>) => updateIfVersion(db, progressReports, id, version, patch),

  /** A state change on the locked row; the version moves so open edit forms notice. */
  async setState(db: Db, id: string, patch: Partial<NewReport>): Promise<ReportRow> {
    const [row] = await db
      .update(progressReports)
      .set({ ...patch, version: sql`${progressReports.version} + 1`, updatedAt: new Date() })
      .where(eq(progressReports.id, id))
      .returning();
    if (!row) throw new Error('update returned no row');
    return row;
  },

  async approvalsOf(db: Db, reportIds: string[]): Promise<ApprovalEntry[]> {
    if (!reportIds.length) return [];
    return db
      .select({ ...getTableColumns(approvals), userName: users.displayName })
      .from(approvals)
      .leftJoin(users, eq(users.id, approvals.userId))
      .where(and(eq(approvals.subjectType, 'report'), inArray(approvals.subjectId, reportIds)))
      .orderBy(asc(approvals.round), asc(approvals.createdAt));
  },

  async insertApproval(db: Db, values: typeof approvals.$inferInsert): Promise<ApprovalRow> {
    const [row] = await db.insert(approvals).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async namesOf(db: Db, report: Pick<ReportRow, 'organizationId' | 'authorId' | 'periodId'>) {
    const [organization] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, report.organizationId));
    const [period] = await db.select({ label: reportingPeriods.label }).from(reportingPeriods).where(eq(reportingPeriods.id, report.periodId));
    const [author] = report.authorId
      ? await db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, report.authorId))
      : [];
    return { organizationName: organization?.name ?? '', periodLabel: period?.label ?? '', author: author ?? null };
  },

  /** The newer revision that replaces this report, if one was started. */
  async successorOf(db: Db, id: string): Promise<ReportRow | undefined> {
    const [row] = await db.select().from(progressReports).where(eq(progressReports.supersedesId, id)).limit(1);
    return row;
  },

  /** Open tasks where the organization is a lead or co-operating unit, with the side it serves on. */
  async openTasksOfUnit(db: Db, organizationId: string, cooperationIds: string[]) {
    if (!cooperationIds.length) return [];
    return db
      .select({ task: tasks, partyId: taskUnits.partyId })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(
        and(
          eq(taskUnits.organizationId, organizationId),
          inArray(taskUnits.cooperationId, cooperationIds),
          inArray(tasks.status, ['not_started', 'in_progress', 'blocked']),
        ),
      )
      .orderBy(sql`${tasks.dueOn} asc nulls last`, asc(tasks.id));
  },

  async reportsOfUnitIn(db: Db, organizationId: string, periodIds: string[]): Promise<ReportRow[]> {
    if (!periodIds.length) return [];
    return db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.organizationId, organizationId), inArray(progressReports.periodId, periodIds)));
  },

  async withStatusIn(db: Db, status: ReportStatus, cooperationIds: string[]): Promise<ReportRow[]> {
    if (!cooperationIds.length) return [];
    return db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.status, status), inArray(progressReports.cooperationId, cooperationIds)))
      .orderBy(asc(progressReports.submittedAt), asc(progressReports.id));
  },

  async tasksByIds(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.select().from(tasks).where(inArray(tasks.id, ids));
  },

  async periodsByIds(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.select().from(reportingPeriods).where(inArray(reportingPeriods.id, ids));
  },

  /** Users of a unit who work in the cooperation on the given side: whom to tell about their report. */
  async unitUserIds(db: Db, cooperationId: string, partyId: string, organizationId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(users.organizationId, organizationId),
          eq(users.disabled, false),
          eq(memberships.cooperationId, cooperationId),
          eq(memberships.partyId, partyId),
        ),
      );
    return rows.map((r) => r.id);
  },
};
