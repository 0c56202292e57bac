import { and, asc, eq, inArray, isNull, lte, not, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, users } from '../../db/schema/core.ts';
import { progressReports, reportingPeriods, taskOwners, tasks, taskUnits } from '../../db/schema/work.ts';
import { settledByApprovedReport } from '../supervision/supervision.repository.ts';

/** Tasks that still need work; done and cancelled ones are never chased. */
const OPEN_TASK_STATUSES = ['not_started', 'in_progress', 'blocked'] as const;
/** A report counts as delivered once submitted; drafts and returned ones are still owed. */
const DELIVERED_REPORT_STATUSES = ['submitted', 'approved', 'superseded'] as const;

export interface ReminderTask {
  id: string;
  cooperationId: string;
  title: string;
  dueOn: string;
  visibility: string;
  ownerPartyId: string | null;
}

export interface TaskUnitPeople {
  taskId: string;
  partyId: string;
  organizationId: string;
  organizationName: string;
  role: 'lead' | 'co';
  leaderUserId: string | null;
}

const taskColumns = {
  id: tasks.id,
  cooperationId: tasks.cooperationId,
  title: tasks.title,
  dueOn: tasks.dueOn,
  visibility: tasks.visibility,
  ownerPartyId: tasks.ownerPartyId,
};

const withDueOn = <T extends { dueOn: string | null }>(rows: T[]) => rows.filter((r): r is T & { dueOn: string } => r.dueOn !== null);

export const reminderRepository = {
  /** Open tasks due on one of `dueOn`, or due on or before `overdueSince`. */
  async openTasksDue(db: Db, filter: { dueOn: string[]; overdueSince: string }): Promise<ReminderTask[]> {
    const rows = await db
      .select(taskColumns)
      .from(tasks)
      .where(
        and(
          inArray(tasks.status, [...OPEN_TASK_STATUSES]),
          or(inArray(tasks.dueOn, filter.dueOn), lte(tasks.dueOn, filter.overdueSince)),
        ),
      )
      .orderBy(asc(tasks.dueOn), asc(tasks.id));
    return withDueOn(rows);
  },

  async ownersOf(db: Db, taskIds: string[]): Promise<{ taskId: string; userId: string }[]> {
    if (!taskIds.length) return [];
    return db.select({ taskId: taskOwners.taskId, userId: taskOwners.userId }).from(taskOwners).where(inArray(taskOwners.taskId, taskIds));
  },

  /** The lead and co-operating units of tasks, per side, with each unit's leader (单位负责人). */
  async unitsOf(db: Db, taskIds: string[]): Promise<TaskUnitPeople[]> {
    if (!taskIds.length) return [];
    return db
      .select({
        taskId: taskUnits.taskId,
        partyId: taskUnits.partyId,
        organizationId: taskUnits.organizationId,
        organizationName: organizations.name,
        role: taskUnits.role,
        leaderUserId: organizations.leaderUserId,
      })
      .from(taskUnits)
      .innerJoin(organizations, eq(organizations.id, taskUnits.organizationId))
      .where(inArray(taskUnits.taskId, taskIds));
  },

  /** Users working for a unit who are members of the cooperation on that unit's side. */
  async unitUsersOnSide(db: Db, cooperationId: string, units: { organizationId: string; partyId: string }[]) {
    if (!units.length) return [];
    const rows = await db
      .selectDistinct({ userId: users.id, organizationId: users.organizationId, partyId: memberships.partyId })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.cooperationId, cooperationId)))
      .where(and(inArray(users.organizationId, [...new Set(units.map((u) => u.organizationId))]), eq(users.disabled, false)));
    return rows.filter((r) => units.some((u) => u.organizationId === r.organizationId && u.partyId === r.partyId));
  },

  /** The cooperation offices (协调办) of some sides of a cooperation. */
  async coordinatorsOf(db: Db, cooperationId: string, partyIds: string[]): Promise<{ userId: string; partyId: string }[]> {
    if (!partyIds.length) return [];
    return db
      .selectDistinct({ userId: memberships.userId, partyId: memberships.partyId })
      .from(memberships)
      .where(and(eq(memberships.cooperationId, cooperationId), eq(memberships.role, 'coordinator'), inArray(memberships.partyId, partyIds)));
  },

  async periodsDue(db: Db, dueOn: string[]) {
    if (!dueOn.length) return [];
    return db.select().from(reportingPeriods).where(inArray(reportingPeriods.dueOn, dueOn)).orderBy(asc(reportingPeriods.dueOn), asc(reportingPeriods.id));
  },

  /**
   * Lead units that owe a report for the period: open tasks of the period's
   * cooperation that had started by its end, without a delivered report from that unit,
   * unless a joint report approved by the unit's side (with every other it needed) settles it.
   */
  async missingReports(db: Db, period: { id: string; cooperationId: string; endsOn: string }) {
    const rows = await db
      .select({
        ...taskColumns,
        partyId: taskUnits.partyId,
        organizationId: taskUnits.organizationId,
        organizationName: organizations.name,
        reportId: progressReports.id,
      })
      .from(tasks)
      .innerJoin(taskUnits, and(eq(taskUnits.taskId, tasks.id), eq(taskUnits.role, 'lead')))
      .innerJoin(organizations, eq(organizations.id, taskUnits.organizationId))
      .leftJoin(
        progressReports,
        and(
          eq(progressReports.taskId, tasks.id),
          eq(progressReports.periodId, period.id),
          eq(progressReports.organizationId, taskUnits.organizationId),
          inArray(progressReports.status, [...DELIVERED_REPORT_STATUSES]),
        ),
      )
      .where(
        and(
          eq(tasks.cooperationId, period.cooperationId),
          inArray(tasks.status, [...OPEN_TASK_STATUSES]),
          or(isNull(tasks.startOn), lte(tasks.startOn, period.endsOn)),
          not(settledByApprovedReport(period.id)),
        ),
      )
      .orderBy(asc(tasks.id), asc(taskUnits.organizationId));
    return rows.filter((r) => r.reportId === null).map(({ reportId: _reportId, ...r }) => r);
  },
};
