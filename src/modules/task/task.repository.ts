import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { runPrepared } from '../../db/prepared.ts';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { agreements, clauses, cooperations, memberships, organizations, parties, users } from '../../db/schema/core.ts';
import { approvals, attachments, comments, milestones, progressReports, taskClauses, taskOwners, tasks, taskUnits, type TASK_PRIORITIES, type TASK_STATUSES } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';
import { escapeLike } from '../../db/like.ts';
import { CLOSED_STATUSES } from './task-status.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskUnitInput = Pick<typeof taskUnits.$inferInsert, 'partyId' | 'organizationId' | 'role'>;

const parentClauses = alias(clauses, 'parent_clause');


export interface LedgerFilter {
  partyId?: string | undefined;
  organizationId?: string | undefined;
  statuses?: TaskStatus[] | undefined;
  clauseId?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  overdue?: boolean | undefined;
  ownerUserId?: string | undefined;
  q?: string | undefined;
  priorities?: TaskPriority[] | undefined;
  tag?: string | undefined;
}

type LedgerSort = 'dueOn' | 'createdAt' | 'priority' | 'title';

export interface LedgerPage {
  sort: LedgerSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The visibility rule as SQL, so a ledger never fetches a task the actor may not see. */
export const scopeCondition = (scope: RowScope): SQL | undefined =>
  rowScopeCondition(scope, { visibility: tasks.visibility, ownerPartyId: tasks.ownerPartyId });

/**
 * Tasks of one side: one-sided tasks it owns and tasks where it has a unit.
 * The subquery names the cooperation so it reads task_units_party_idx alone.
 */
export const sideCondition = (cooperationId: string, partyId: string): SQL =>
  or(
    eq(tasks.ownerPartyId, partyId),
    inArray(
      tasks.id,
      sql`(select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.cooperationId} = ${cooperationId} and ${taskUnits.partyId} = ${partyId})`,
    ),
  ) as SQL;

/** Past due and still open; `today` is the business day, passed in so every query of a request agrees. */
const overdueCondition = (today: string): SQL => and(lt(tasks.dueOn, today), notInArray(tasks.status, [...CLOSED_STATUSES])) as SQL;

// Without the null test a task with no due date would be "unknown" rather than not overdue, which the answer schema refuses.
const overdueColumn = (today: string) => sql<boolean>`(${tasks.dueOn} is not null and ${tasks.dueOn} < ${today} and ${notInArray(tasks.status, [...CLOSED_STATUSES])})`;

/** Membership filters as `id in (…)` over the link tables, so each reads its own index (unit, clause, owner) once. */
function filterConditions(cooperationId: string, filter: LedgerFilter, today: string): SQL[] {
  const where: SQL[] = [];
  if (filter.partyId) where.push(sideCondition(cooperationId, filter.partyId));
  if (filter.organizationId) {
    where.push(
      inArray(
        tasks.id,
        sql`(select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.cooperationId} = ${cooperationId} and ${taskUnits.organizationId} = ${filter.organizationId})`,
      ),
    );
  }
  if (filter.clauseId) {
    where.push(inArray(tasks.id, sql`(select ${taskClauses.taskId} from ${taskClauses} where ${taskClauses.clauseId} = ${filter.clauseId})`));
  }
  if (filter.ownerUserId) {
    where.push(inArray(tasks.id, sql`(select ${taskOwners.taskId} from ${taskOwners} where ${taskOwners.userId} = ${filter.ownerUserId})`));
  }
  if (filter.dueFrom) where.push(gte(tasks.dueOn, filter.dueFrom));
  if (filter.dueTo) where.push(lte(tasks.dueOn, filter.dueTo));
  if (filter.overdue === true) where.push(overdueCondition(today));
  if (filter.overdue === false) where.push(sql`(${tasks.dueOn} is null or not ${overdueColumn(today)})`);
  if (filter.q) where.push(ilike(tasks.title, `%${escapeLike(filter.q)}%`));
  if (filter.priorities?.length) where.push(inArray(tasks.priority, filter.priorities));
  if (filter.tag) where.push(sql`${tasks.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
  return where;
}

/** The columns a ledger order reads: those of the tasks table, or of the page subquery selected from it. */
interface OrderColumns {
  id: AnyPgColumn;
  dueOn: AnyPgColumn;
  createdAt: AnyPgColumn;
  priority: AnyPgColumn;
  title: AnyPgColumn;
}

function orderBy({ sort, order }: Pick<LedgerPage, 'sort' | 'order'>, c: OrderColumns = tasks): SQL[] {
  const dir = (column: SQL | AnyPgColumn) => (order === 'asc' ? asc(column) : desc(column));
  const tieBreak = order === 'asc' ? asc(c.id) : desc(c.id);
  switch (sort) {
    case 'dueOn':
      // Tasks without a due date come last whichever way the dates run.
      return [order === 'asc' ? sql`${c.dueOn} asc nulls last` : sql`${c.dueOn} desc nulls last`, tieBreak];
    case 'createdAt':
      return [dir(c.createdAt), tieBreak];
    case 'priority':
      return [dir(sql`case ${c.priority} when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end`), sql`${c.dueOn} asc nulls last`, tieBreak];
    case 'title':
      return [dir(c.title), tieBreak];
  }
}

/** A unit on a task as list rows carry it, with the names the ledger shows. */
interface ListedUnit {
  taskId: string;
  partyId: string;
  partyName: string;
  organizationId: string;
  organizationName: string;
  role: 'lead' | 'co';
}

const pageColumns = (today: string) => ({
  id: tasks.id,
  cooperationId: tasks.cooperationId,
  title: tasks.title,
  source: tasks.source,
  joint: tasks.joint,
  ownerPartyId: tasks.ownerPartyId,
  priority: tasks.priority,
  status: tasks.status,
  percent: tasks.percent,
  tags: tasks.tags,
  startOn: tasks.startOn,
  dueOn: tasks.dueOn,
  doneAt: tasks.doneAt,
  closeRequestedAt: tasks.closeRequestedAt,
  visibility: tasks.visibility,
  version: tasks.version,
  createdAt: tasks.createdAt,
  overdue: overdueColumn(today).as('overdue'),
});

/**
 * List rows in the given order: the page is cut first (index order, limit,
 * offset), then each of its rows gets its units with names and its milestone
 * counts, so those lookups run for the rows shown only, in the same round trip.
 * The correlated subqueries name "page" outright: drizzle leaves the columns of
 * a lone subquery unqualified, which the joined tables inside would make ambiguous.
 */
function listRows(
  db: Db,
  where: SQL | undefined,
  order: Pick<LedgerPage, 'sort' | 'order'>,
  today: string,
  window?: { limit: number; offset: number },
) {
  const cut = db.select(pageColumns(today)).from(tasks).where(where).orderBy(...orderBy(order)).$dynamic();
  const page = (window ? cut.limit(window.limit).offset(window.offset) : cut).as('page');
  return db
    .select({
      id: page.id,
      cooperationId: page.cooperationId,
      cooperationName: sql<string>`(select c.name from ${cooperations} c where c.id = "page"."cooperation_id")`,
      title: page.title,
      source: page.source,
      joint: page.joint,
      ownerPartyId: page.ownerPartyId,
      priority: page.priority,
      status: page.status,
      percent: page.percent,
      tags: page.tags,
      startOn: page.startOn,
      dueOn: page.dueOn,
      doneAt: page.doneAt,
      closeRequestedAt: page.closeRequestedAt,
      visibility: page.visibility,
      version: page.version,
      createdAt: page.createdAt,
      overdue: page.overdue,
      units: sql<ListedUnit[]>`coalesce((
        select json_agg(json_build_object('taskId', tu.task_id, 'partyId', tu.party_id, 'partyName', p.name, 'organizationId', tu.organization_id,
                                          'organizationName', o.name, 'role', tu.role) order by p.ordinal, tu.role, o.name)
        from ${taskUnits} tu join ${parties} p on p.id = tu.party_id join ${organizations} o on o.id = tu.organization_id
        where tu.task_id = "page"."id"), '[]'::json)`,
      milestoneCounts: sql<{ total: number; done: number }>`(
        select json_build_object('total', count(*), 'done', count(m.done_at)) from ${milestones} m where m.task_id = "page"."id")`,
    })
    .from(page)
    .orderBy(...orderBy(order, page));
}

/** How many tasks match, and how many of them the reader sees: counted in the query, under the reader's visibility. */
export async function taskCounts(db: Db, where: SQL | undefined, scope: RowScope): Promise<{ all: number; visible: number }> {
  const seen = scopeCondition(scope) ?? sql`true`;
  const [row] = await db
    .select({ all: sql<number>`count(*)::int`, visible: sql<number>`(count(*) filter (where ${seen}))::int` })
    .from(tasks)
    .where(where);
  return { all: row?.all ?? 0, visible: row?.visible ?? 0 };
}

export const taskRepository = {
  async get(db: Db, id: string): Promise<TaskRow | undefined> {
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
    return row;
  },

  /** Takes the row lock: decisions on one task (closing approvals) are made one after the other. */
  async getForUpdate(db: Db, id: string): Promise<TaskRow | undefined> {
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1).for('update');
    return row;
  },

  /**
   * One page of a cooperation's ledger, its total, and the count per status
   * under the same filters except the status filter (for the status tabs).
   */
  async ledger(db: Db, cooperationId: string, scope: RowScope, filter: LedgerFilter, page: LedgerPage, today: string) {
    const common = [eq(tasks.cooperationId, cooperationId), scopeCondition(scope), ...filterConditions(cooperationId, filter, today)];
    const statusFilter = filter.statuses?.length ? inArray(tasks.status, filter.statuses) : undefined;
    const [items, counts] = await Promise.all([
      runPrepared(listRows(db, and(...common, statusFilter), page, today, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize })),
      db
        .select({ status: tasks.status, n: sql<number>`count(*)::int` })
        .from(tasks)
        .where(and(...common))
        .groupBy(tasks.status),
    ]);
    const countsByStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<TaskStatus, number>>;
    const total = counts.filter((c) => !filter.statuses?.length || filter.statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
    return { items, total, countsByStatus };
  },

  /** "My work": tasks I own or my unit leads or co-operates on, across the cooperations in scope. */
  async mine(
    db: Db,
    who: { userId: string; organizationId: string | null },
    reach: { cooperationIds: string[] | null; scope: RowScope },
    filter: { statuses?: TaskStatus[] | undefined; overdue?: boolean | undefined },
    page: { page: number; pageSize: number },
    today: string,
  ) {
    if (reach.cooperationIds?.length === 0) return { items: [], total: 0 };
    const involvement = or(
      inArray(tasks.id, sql`(select ${taskOwners.taskId} from ${taskOwners} where ${taskOwners.userId} = ${who.userId})`),
      who.organizationId
        ? inArray(tasks.id, sql`(select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.organizationId} = ${who.organizationId})`)
        : undefined,
    );
    const where = and(
      involvement,
      reach.cooperationIds ? inArray(tasks.cooperationId, reach.cooperationIds) : undefined,
      scopeCondition(reach.scope),
      filter.statuses?.length ? inArray(tasks.status, filter.statuses) : undefined,
      filter.overdue ? overdueCondition(today) : undefined,
    );
    const [items, [total]] = await Promise.all([
      listRows(db, where, { sort: 'dueOn', order: 'asc' }, today, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize }),
      db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  /** List rows of the given tasks (just created ones, for instance), in the ledger's default order. */
  async listByIds(db: Db, ids: string[], today: string) {
    if (!ids.length) return [];
    return listRows(db, inArray(tasks.id, ids), { sort: 'dueOn', order: 'asc' }, today);
  },

  /** Units of the given tasks with their names and sides, lead before co-operating. */
  async unitsOf(db: Db, taskIds: string[]) {
    if (!taskIds.length) return [];
    return db
      .select({
        taskId: taskUnits.taskId,
        partyId: taskUnits.partyId,
        partyName: parties.name,
        organizationId: taskUnits.organizationId,
        organizationName: organizations.name,
        role: taskUnits.role,
      })
      .from(taskUnits)
      .innerJoin(organizations, eq(organizations.id, taskUnits.organizationId))
      .innerJoin(parties, eq(parties.id, taskUnits.partyId))
      .where(inArray(taskUnits.taskId, taskIds))
      .orderBy(asc(parties.ordinal), asc(taskUnits.role), asc(organizations.name));
  },

  async ownersOf(db: Db, taskId: string) {
    return db
      .select({ userId: users.id, username: users.username, displayName: users.displayName })
      .from(taskOwners)
      .innerJoin(users, eq(users.id, taskOwners.userId))
      .where(eq(taskOwners.taskId, taskId))
      .orderBy(asc(users.username));
  },

  /** The clauses a task serves, of the agreements the reader (`scope`) may open: a joint task can serve one side's own agreement. */
  async clausesOf(db: Db, taskId: string, scope: RowScope) {
    return db
      .select({ id: clauses.id, agreementId: clauses.agreementId, level: clauses.level, label: clauses.label, title: clauses.title })
      .from(taskClauses)
      .innerJoin(clauses, eq(clauses.id, taskClauses.clauseId))
      .innerJoin(agreements, eq(agreements.id, clauses.agreementId))
      .where(and(eq(taskClauses.taskId, taskId), rowScopeCondition(scope, agreements)))
      .orderBy(asc(clauses.ordinal));
  },

  /** The clauses a task serves that the reader (`scope`) may not see: a change made by that reader keeps them. */
  async hiddenClauseIdsOf(db: Db, taskId: string, scope: RowScope): Promise<string[]> {
    const seen = rowScopeCondition(scope, agreements);
    if (!seen) return [];
    const rows = await db
      .select({ id: taskClauses.clauseId })
      .from(taskClauses)
      .innerJoin(clauses, eq(clauses.id, taskClauses.clauseId))
      .innerJoin(agreements, eq(agreements.id, clauses.agreementId))
      .where(and(eq(taskClauses.taskId, taskId), sql`not coalesce(${seen}, false)`));
    return rows.map((r) => r.id);
  },

  /** The agreement a task is filed under, if the reader (`scope`) may open it. */
  async visibleAgreementId(db: Db, agreementId: string | null, scope: RowScope): Promise<string | null> {
    if (!agreementId) return null;
    const [row] = await db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.id, agreementId), rowScopeCondition(scope, agreements))).limit(1);
    return row?.id ?? null;
  },

  /** Direction-level clauses of an agreement, with whether a task already serves each. */
  async directionsOf(db: Db, agreementId: string) {
    return db
      .select({
        id: clauses.id,
        label: clauses.label,
        title: clauses.title,
        hasTask: sql<boolean>`exists (select 1 from ${taskClauses} where ${taskClauses.clauseId} = ${clauses.id})`,
      })
      .from(clauses)
      .leftJoin(parentClauses, eq(parentClauses.id, clauses.parentId))
      .where(and(eq(clauses.agreementId, agreementId), eq(clauses.level, 'direction')))
      .orderBy(sql`${parentClauses.ordinal} nulls first`, asc(clauses.ordinal));
  },

  async clausesIn(db: Db, cooperationId: string, clauseIds: string[]) {
    if (!clauseIds.length) return [];
    return db
      .select({ id: clauses.id, agreementId: clauses.agreementId })
      .from(clauses)
      .where(and(eq(clauses.cooperationId, cooperationId), inArray(clauses.id, clauseIds)));
  },

  async organizationsIn(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.select({ id: organizations.id, regionCode: organizations.regionCode }).from(organizations).where(inArray(organizations.id, ids));
  },

  async insert(db: Db, values: NewTask): Promise<TaskRow> {
    const [row] = await db.insert(tasks).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewTask>) => updateIfVersion(db, tasks, id, version, patch),

  /** A change the system derives (percent from milestones, closing state): applied to the locked row, version bumped. */
  async updateDerived(db: Db, id: string, patch: Partial<NewTask>): Promise<TaskRow> {
    const [row] = await db
      .update(tasks)
      .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
      .where(eq(tasks.id, id))
      .returning();
    if (!row) throw new Error('update returned no row');
    return row;
  },

  /**
   * Deletes the task at this version. Reports, units and milestones go by foreign key; comments, approvals and
   * attachment records point at their subject by type and id, so they are removed here, in the same transaction.
   * Returns the storage keys of the removed attachments, whose files the caller deletes once this has committed.
   */
  async delete(db: Db, id: string, version: number): Promise<{ task: TaskRow; storageKeys: string[] } | undefined> {
    const reportIds = db.select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.taskId, id));
    // Rows whose (type, id) pair names this task, as `taskType`, or one of its reports.
    const aboutTask = (type: AnyPgColumn, subject: AnyPgColumn, taskType: string) =>
      or(and(eq(type, taskType), eq(subject, id)), and(eq(type, 'report'), inArray(subject, reportIds)));
    await db.delete(comments).where(aboutTask(comments.subjectType, comments.subjectId, 'task'));
    await db.delete(approvals).where(aboutTask(approvals.subjectType, approvals.subjectId, 'task_closure'));
    const files = await db
      .delete(attachments)
      .where(aboutTask(attachments.ownerType, attachments.ownerId, 'task'))
      .returning({ storageKey: attachments.storageKey });
    const [row] = await db.delete(tasks).where(and(eq(tasks.id, id), eq(tasks.version, version))).returning();
    return row && { task: row, storageKeys: files.map((f) => f.storageKey) };
  },

  async replaceUnits(db: Db, cooperationId: string, taskId: string, units: TaskUnitInput[]): Promise<void> {
    await db.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
    if (units.length) await db.insert(taskUnits).values(units.map((u) => ({ ...u, cooperationId, taskId })));
  },

  async replaceOwners(db: Db, cooperationId: string, taskId: string, userIds: string[]): Promise<void> {
    await db.delete(taskOwners).where(eq(taskOwners.taskId, taskId));
    if (userIds.length) await db.insert(taskOwners).values(userIds.map((userId) => ({ cooperationId, taskId, userId })));
  },

  async replaceClauses(db: Db, cooperationId: string, taskId: string, clauseIds: string[]): Promise<void> {
    await db.delete(taskClauses).where(eq(taskClauses.taskId, taskId));
    if (clauseIds.length) await db.insert(taskClauses).values(clauseIds.map((clauseId) => ({ cooperationId, taskId, clauseId })));
  },

  /** Which of these users hold a role in the cooperation (task owners must). */
  async membersAmong(db: Db, cooperationId: string, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const rows = await db
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.cooperationId, cooperationId), inArray(memberships.userId, userIds)));
    return rows.map((r) => r.userId);
  },

  /** Users to tell about a task: its owners, and the members of the cooperation who work in its units (or in the given ones). */
  async involvedUserIds(db: Db, task: { id: string; cooperationId: string }, organizationIds?: string[]): Promise<string[]> {
    const unitIds = organizationIds ?? (await db.select({ id: taskUnits.organizationId }).from(taskUnits).where(eq(taskUnits.taskId, task.id))).map((u) => u.id);
    const [owners, unitUsers] = await Promise.all([
      db.select({ id: taskOwners.userId }).from(taskOwners).where(eq(taskOwners.taskId, task.id)),
      unitIds.length
        ? db
            .selectDistinct({ id: users.id })
            .from(users)
            .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.cooperationId, task.cooperationId)))
            .where(inArray(users.organizationId, unitIds))
        : Promise.resolve([]),
    ]);
    return [...new Set([...owners, ...unitUsers].map((u) => u.id))];
  },

  async partiesOf(db: Db, cooperationId: string) {
    return db
      .select({ id: parties.id, name: parties.name, regionCode: parties.regionCode, ordinal: parties.ordinal })
      .from(parties)
      .where(eq(parties.cooperationId, cooperationId))
      .orderBy(asc(parties.ordinal));
  },
};
