import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, auditLog, clauses, organizations, parties, projects } from '../../db/schema/core.ts';
import { progressReports, supervisionNoticeRecipients, supervisionNotices, taskClauses, tasks } from '../../db/schema/work.ts';
import { auditScopeCondition, rowScopeCondition, type AuditReader, type RowScope } from '../access/policy.ts';
import { CLOSED_STATUSES } from '../task/task-status.ts';
import { scopeCondition, sideCondition } from '../task/task.repository.ts';

/** The tasks a dashboard counts: the cooperation's, as far as the reader sees them, of one side or all. */
const shownTasks = (cooperationId: string, scope: RowScope, partyId: string | null): SQL | undefined =>
  and(eq(tasks.cooperationId, cooperationId), scopeCondition(scope), partyId ? sideCondition(cooperationId, partyId) : undefined);

/** A money entry big enough to be a decision a leader hears of: 1亿元. */
const BIG_TRANSACTION_CNY = 100_000_000;

export const dashboardRepository = {
  /** Start (or creation day), due date and status of the tasks shown that have a due date, for 序时进度. */
  async taskSpans(db: Db, cooperationId: string, scope: RowScope, partyId: string | null) {
    return db
      .select({ startOn: sql<string>`coalesce(${tasks.startOn}, (${tasks.createdAt} at time zone 'UTC')::date)::text`, dueOn: sql<string>`${tasks.dueOn}::text` })
      .from(tasks)
      .where(and(shownTasks(cooperationId, scope, partyId), isNotNull(tasks.dueOn), ne(tasks.status, 'cancelled')));
  },

  /** 督办 notices on the tasks shown: issued; signed by every unit addressed; past their deadline with the task still open. */
  async noticeCounts(db: Db, cooperationId: string, scope: RowScope, partyId: string | null, today: string) {
    const unsigned = sql`exists (select 1 from ${supervisionNoticeRecipients} r where r.notice_id = ${supervisionNotices.id} and r.acknowledged_at is null)`;
    const [row] = await db
      .select({
        issued: sql<number>`count(*)::int`,
        signed: sql<number>`(count(*) filter (where not ${unsigned}))::int`,
        overdue: sql<number>`(count(*) filter (where ${supervisionNotices.deadline} < ${today} and ${notInArray(tasks.status, [...CLOSED_STATUSES])}))::int`,
      })
      .from(supervisionNotices)
      .innerJoin(tasks, eq(tasks.id, supervisionNotices.taskId))
      .where(and(eq(supervisionNotices.cooperationId, cooperationId), shownTasks(cooperationId, scope, partyId)));
    return { issued: row?.issued ?? 0, signed: row?.signed ?? 0, overdue: row?.overdue ?? 0 };
  },

  /** Areas and directions of the agreements the reader sees, in the agreements' order. */
  async clauseTree(db: Db, cooperationId: string, scope: RowScope) {
    return db
      .select({
        id: clauses.id,
        parentId: clauses.parentId,
        level: clauses.level,
        label: clauses.label,
        title: clauses.title,
        agreementTitle: agreements.title,
      })
      .from(clauses)
      .innerJoin(agreements, eq(agreements.id, clauses.agreementId))
      .where(and(eq(clauses.cooperationId, cooperationId), inArray(clauses.level, ['area', 'direction']), rowScopeCondition(scope, agreements)))
      .orderBy(asc(agreements.signedOn), asc(agreements.createdAt), asc(clauses.ordinal), asc(clauses.id));
  },

  /** Tasks shown per clause they are linked to, by status: what the ledger's clause filter lists. */
  async tasksPerClause(db: Db, cooperationId: string, scope: RowScope, partyId: string | null) {
    return db
      .select({ clauseId: taskClauses.clauseId, status: tasks.status, n: sql<number>`count(*)::int` })
      .from(taskClauses)
      .innerJoin(tasks, eq(tasks.id, taskClauses.taskId))
      .where(shownTasks(cooperationId, scope, partyId))
      .groupBy(taskClauses.clauseId, tasks.status);
  },

  /**
   * The period's reports of the tasks shown, per unit and state, as they stand (a returned report resubmitted is
   * submitted again; drafts are the unit's own and not counted; a report replaced by its revision is not counted twice).
   */
  async reportsOfPeriod(db: Db, cooperationId: string, scope: RowScope, partyId: string | null, periodId: string) {
    return db
      .select({
        organizationId: progressReports.organizationId,
        organizationName: organizations.name,
        partyId: progressReports.partyId,
        partyName: parties.name,
        status: progressReports.status,
        n: sql<number>`count(*)::int`,
      })
      .from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
      .innerJoin(organizations, eq(organizations.id, progressReports.organizationId))
      .innerJoin(parties, eq(parties.id, progressReports.partyId))
      .where(
        and(
          eq(progressReports.cooperationId, cooperationId),
          eq(progressReports.periodId, periodId),
          inArray(progressReports.status, ['submitted', 'approved', 'returned']),
          and(eq(tasks.cooperationId, cooperationId), scopeCondition(scope)),
          partyId ? eq(progressReports.partyId, partyId) : undefined,
        ),
      )
      .groupBy(progressReports.organizationId, organizations.name, progressReports.partyId, parties.name, progressReports.status);
  },

  /**
   * Recent decisions, newest first, from the audit trail as far as the reader may read each entry
   * (`auditScopeCondition`), named by the live task or project (which the entry's scope makes the reader's to read);
   * with `between`, only those recorded from `from` up to (not including) `to`.
   */
  async decisions(db: Db, cooperationId: string, reader: AuditReader, scope: RowScope, limit: number, between?: { from: Date; to: Date }) {
    const kinds = or(
      and(eq(auditLog.entity, 'report'), inArray(auditLog.action, ['approve', 'return'])),
      and(eq(auditLog.entity, 'task'), inArray(auditLog.action, ['approve_close', 'return_close', 'close'])),
      and(eq(auditLog.entity, 'project'), eq(auditLog.action, 'stage')),
      and(
        eq(auditLog.entity, 'project_transaction'),
        eq(auditLog.action, 'create'),
        sql`${auditLog.after}->>'currency' = 'CNY' and (${auditLog.after}->>'amount')::numeric >= ${BIG_TRANSACTION_CNY}`,
      ),
    );
    return db
      .select({
        at: auditLog.at,
        entity: auditLog.entity,
        action: auditLog.action,
        after: auditLog.after,
        scopeType: auditLog.scopeType,
        scopeId: auditLog.scopeId,
        taskTitle: tasks.title,
        projectName: projects.name,
      })
      .from(auditLog)
      .leftJoin(tasks, and(eq(auditLog.scopeType, 'task'), eq(tasks.id, auditLog.scopeId), scopeCondition(scope)))
      .leftJoin(projects, and(eq(auditLog.scopeType, 'project'), eq(projects.id, auditLog.scopeId), rowScopeCondition(scope, projects)))
      .where(
        and(
          eq(auditLog.cooperationId, cooperationId),
          isNotNull(auditLog.scopeType),
          auditScopeCondition(reader, auditLog),
          kinds,
          or(isNotNull(tasks.id), isNotNull(projects.id)),
          between ? and(gte(auditLog.at, between.from), lt(auditLog.at, between.to)) : undefined,
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(limit);
  },
};
