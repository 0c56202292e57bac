import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectTransactions } from '../../db/schema/projects.ts';
import { agreements, agreementVersions, clauses, cooperations, indicators, indicatorTargets, parties, projects, regions } from '../../db/schema/core.ts';
import { taskClauses, tasks } from '../../db/schema/work.ts';
import { rowScope, rowScopeCondition, visibleCooperationScope } from '../access/policy.ts';
import { scopeCondition } from '../cooperation/cooperation.repository.ts';

/**
 * The public portal's reads: what the policy lets nobody-in-particular see.
 * Every query carries the policy's condition for an anonymous reader, for the
 * cooperation and for each row, so nothing else can reach the page.
 */
const anonymousCooperations = scopeCondition(visibleCooperationScope(null));
// For a reader who is nobody in particular, the rule is the same in every cooperation.
const anonymousRows = rowScope(null, '');

export const portalRepository = {
  async publicCooperations(db: Db) {
    const rows = await db
      .select({ id: cooperations.id, name: cooperations.name, summary: cooperations.summary, status: cooperations.status, startedOn: cooperations.startedOn })
      .from(cooperations)
      .where(anonymousCooperations)
      .orderBy(asc(cooperations.name));
    const ids = rows.map((r) => r.id);
    if (!ids.length) return [];
    const [partyRows, agreementCounts] = await Promise.all([
      db
        .select({ cooperationId: parties.cooperationId, name: parties.name })
        .from(parties)
        .where(inArray(parties.cooperationId, ids))
        .orderBy(asc(parties.ordinal), asc(parties.name)),
      db
        .select({ cooperationId: agreements.cooperationId, n: count() })
        .from(agreements)
        .where(and(inArray(agreements.cooperationId, ids), rowScopeCondition(anonymousRows, agreements)))
        .groupBy(agreements.cooperationId),
    ]);
    return rows.map((r) => ({
      ...r,
      parties: partyRows.filter((p) => p.cooperationId === r.id).map((p) => p.name),
      agreementCount: agreementCounts.find((a) => a.cooperationId === r.id)?.n ?? 0,
    }));
  },

  async publicCooperation(db: Db, id: string) {
    const [row] = await db
      .select()
      .from(cooperations)
      .where(and(eq(cooperations.id, id), anonymousCooperations))
      .limit(1);
    return row;
  },

  async parties(db: Db, cooperationId: string) {
    return db
      .select({ name: parties.name, regionName: regions.name })
      .from(parties)
      .innerJoin(regions, eq(regions.code, parties.regionCode))
      .where(eq(parties.cooperationId, cooperationId))
      .orderBy(asc(parties.ordinal), asc(parties.name));
  },

  /** Public agreements with the text version in force. */
  async agreements(db: Db, cooperationId: string) {
    return db
      .select({
        id: agreements.id,
        title: agreements.title,
        kind: agreements.kind,
        signedOn: agreements.signedOn,
        place: agreements.place,
        signatories: agreements.signatories,
        parentId: agreements.parentId,
        text: agreementVersions.text,
      })
      .from(agreements)
      .leftJoin(
        agreementVersions,
        and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.number, agreements.currentTextVersion)),
      )
      .where(and(eq(agreements.cooperationId, cooperationId), rowScopeCondition(anonymousRows, agreements)))
      .orderBy(asc(agreements.signedOn), asc(agreements.createdAt), asc(agreements.title));
  },

  async clauses(db: Db, agreementIds: string[]) {
    if (!agreementIds.length) return [];
    return db
      .select({ id: clauses.id, agreementId: clauses.agreementId, parentId: clauses.parentId, level: clauses.level, label: clauses.label, title: clauses.title, ordinal: clauses.ordinal })
      .from(clauses)
      .where(inArray(clauses.agreementId, agreementIds))
      .orderBy(asc(clauses.ordinal));
  },

  async projects(db: Db, cooperationId: string) {
    return db
      .select({
        name: projects.name,
        kind: projects.kind,
        investor: projects.investor,
        industryCode: projects.industryCode,
        investment: projects.investment,
        // Funds in place are dated entries; the portal shows their sum in the project's own currency.
        fundsInPlace: sql<string | null>`(select sum(${projectTransactions.amount}) from ${projectTransactions} where ${projectTransactions.projectId} = ${projects.id} and ${projectTransactions.kind} = 'in_place' and ${projectTransactions.currency} = ${projects.currency})`,
        currency: projects.currency,
        stage: projects.stage,
      })
      .from(projects)
      .where(and(eq(projects.cooperationId, cooperationId), rowScopeCondition(anonymousRows, projects)))
      .orderBy(asc(projects.createdAt), asc(projects.name));
  },

  async indicators(db: Db, cooperationId: string) {
    const rows = await db
      .select({ id: indicators.id, name: indicators.name, unit: indicators.unit, baseline: indicators.baseline })
      .from(indicators)
      .where(and(eq(indicators.cooperationId, cooperationId), rowScopeCondition(anonymousRows, indicators)))
      .orderBy(asc(indicators.createdAt));
    const ids = rows.map((r) => r.id);
    const targets = ids.length
      ? await db
          .select({ indicatorId: indicatorTargets.indicatorId, year: indicatorTargets.year, value: indicatorTargets.value, valueMax: indicatorTargets.valueMax, comparator: indicatorTargets.comparator })
          .from(indicatorTargets)
          .where(inArray(indicatorTargets.indicatorId, ids))
          .orderBy(asc(indicatorTargets.year))
      : [];
    return rows.map((r) => ({ ...r, targets: targets.filter((t) => t.indicatorId === r.id) }));
  },

  /** Public tasks with the clauses they serve, for progress by area. */
  async publicTaskClauses(db: Db, cooperationId: string) {
    return db
      .select({ taskId: tasks.id, status: tasks.status, clauseId: taskClauses.clauseId })
      .from(tasks)
      .innerJoin(taskClauses, eq(taskClauses.taskId, tasks.id))
      .where(and(eq(tasks.cooperationId, cooperationId), rowScopeCondition(anonymousRows, tasks)));
  },
};
