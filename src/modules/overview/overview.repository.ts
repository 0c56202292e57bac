import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cooperations, parties, regions } from '../../db/schema/core.ts';
import { tasks } from '../../db/schema/work.ts';
import { rowScopeAcrossCondition, type CooperationScope, type RowScopeAcross } from '../access/policy.ts';
import { scopeCondition } from '../cooperation/cooperation.repository.ts';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../task/task-status.ts';

const list = (statuses: readonly string[]) => sql.join(statuses.map((s) => sql`${s}`), sql`, `);

/**
 * 序时进度 of one task as SQL: `elapsedShare` of contract/indicator-status.ts over the task's start (or creation
 * day) to its due date, in whole days, today included. The overview's integration test holds it equal to the
 * dashboard's, which applies that function row by row.
 */
const startOn = sql`coalesce(${tasks.startOn}, (${tasks.createdAt} at time zone 'UTC')::date)`;
const elapsedOf = (today: string) =>
  sql`case when ${tasks.dueOn} - ${startOn} + 1 <= 0 then 1.0
           else least(1.0, greatest(0.0, (${today}::date - ${startOn} + 1)::float8 / (${tasks.dueOn} - ${startOn} + 1))) end`;

export const overviewRepository = {
  /** The cooperations a reader may open, by name. */
  async cooperations(db: Db, scope: CooperationScope) {
    return db
      .select({ id: cooperations.id, name: cooperations.name, visibility: cooperations.visibility })
      .from(cooperations)
      .where(scopeCondition(scope))
      .orderBy(asc(cooperations.name));
  },

  /** The parties of the cooperations, with their regions, in each cooperation's party order. */
  async parties(db: Db, cooperationIds: string[]) {
    if (!cooperationIds.length) return [];
    return db
      .select({ cooperationId: parties.cooperationId, regionCode: parties.regionCode, regionName: regions.name, level: regions.level, parentCode: regions.parentCode })
      .from(parties)
      .innerJoin(regions, eq(regions.code, parties.regionCode))
      .where(inArray(parties.cooperationId, cooperationIds))
      .orderBy(asc(parties.cooperationId), asc(parties.ordinal), asc(parties.name));
  },

  /**
   * The ledger's counts of every cooperation at once, grouped in one pass over the tasks the reader sees: total,
   * open, done, cancelled, overdue (the ledger's overdue rule) and the mean 序时进度 of those with a due date.
   */
  async taskFigures(db: Db, cooperationIds: string[], scope: RowScopeAcross, today: string) {
    if (!cooperationIds.length) return [];
    return db
      .select({
        cooperationId: tasks.cooperationId,
        total: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${tasks.status} in (${list(OPEN_STATUSES)})))::int`,
        done: sql<number>`(count(*) filter (where ${tasks.status} = 'done'))::int`,
        cancelled: sql<number>`(count(*) filter (where ${tasks.status} = 'cancelled'))::int`,
        overdue: sql<number>`(count(*) filter (where ${tasks.dueOn} < ${today} and ${tasks.status} not in (${list(CLOSED_STATUSES)})))::int`,
        elapsed: sql<number | null>`(avg(${elapsedOf(today)}) filter (where ${tasks.dueOn} is not null and ${tasks.status} <> 'cancelled'))::float8`,
      })
      .from(tasks)
      .where(and(inArray(tasks.cooperationId, cooperationIds), rowScopeAcrossCondition(scope, tasks)))
      .groupBy(tasks.cooperationId);
  },
};
