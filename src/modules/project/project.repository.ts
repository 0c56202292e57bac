import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, clauses, organizations, projects } from '../../db/schema/core.ts';
import { projectClauses, projectInvestors, projectStageChanges, projectStagePlans, projectStages, projectTasks, projectTransactions, signingEvents } from '../../db/schema/projects.ts';
import { tasks } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';
import { projectFiguresRepository, type ProjectFilter } from './project-figures.repository.ts';
import type { StageDefinition } from '../../contract/stage-template.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type StageChangeRow = typeof projectStageChanges.$inferSelect;
export type ProjectTransactionRow = typeof projectTransactions.$inferSelect;
export type NewProjectTransaction = typeof projectTransactions.$inferInsert;

export interface ProjectLinks {
  investorOrganizationIds?: string[] | undefined;
  clauseIds?: string[] | undefined;
  taskIds?: string[] | undefined;
  stagePlans?: { stage: string; plannedOn: string }[] | undefined;
}

export const projectRepository = {
  /** The projects the reader sees, filtered (anchor event and year by the counting rule), a page of them, and how many in all. */
  async page(db: Db, cooperationId: string, scope: RowScope, filter: ProjectFilter, page: { page: number; pageSize: number }) {
    const ids = await projectRepository.filteredIds(db, cooperationId, scope, filter);
    const slice = ids.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
    const rows = slice.length ? await db.select().from(projects).where(inArray(projects.id, slice)) : [];
    const order = new Map(slice.map((id, i) => [id, i]));
    return { total: ids.length, rows: rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) };
  },

  /** Ids of the filtered projects the reader sees, in the table's order (first signed first, then by name). */
  async filteredIds(db: Db, cooperationId: string, scope: RowScope, filter: ProjectFilter): Promise<string[]> {
    const needsAnchor = !!filter.signingEventId || !!filter.year;
    const base = and(
      eq(projects.cooperationId, cooperationId),
      rowScopeCondition(scope, projects),
      filter.investorPartyId ? eq(projects.investorPartyId, filter.investorPartyId) : undefined,
      filter.hostPartyId ? eq(projects.hostPartyId, filter.hostPartyId) : undefined,
      filter.industryCode ? eq(projects.industryCode, filter.industryCode) : undefined,
      filter.stage ? eq(projects.stage, filter.stage) : undefined,
    );
    const rows = await db.select({ id: projects.id }).from(projects).where(base).orderBy(asc(projects.createdAt), asc(projects.name), asc(projects.id));
    const ids = rows.map((r) => r.id);
    if (!needsAnchor || !ids.length) return ids;
    const { anchors } = await projectFiguresRepository.perProject(db, cooperationId, ids);
    const kept = new Set(
      anchors.filter((a) => (!filter.signingEventId || a.eventId === filter.signingEventId) && (!filter.year || Number(a.signedOn.slice(0, 4)) === filter.year)).map((a) => a.projectId),
    );
    return ids.filter((id) => kept.has(id));
  },

  async get(db: Db, id: string): Promise<ProjectRow | undefined> {
    const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
    return row;
  },

  async insert(db: Db, values: NewProject): Promise<ProjectRow> {
    const [row] = await db.insert(projects).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewProject>) => updateIfVersion(db, projects, id, version, patch),

  async delete(db: Db, id: string, version: number): Promise<ProjectRow | undefined> {
    const [row] = await db.delete(projects).where(and(eq(projects.id, id), eq(projects.version, version))).returning();
    return row;
  },

  /** Replaces the links named (a list left out stays as it is). */
  async setLinks(db: Db, project: { id: string; cooperationId: string }, links: ProjectLinks): Promise<void> {
    const base = { cooperationId: project.cooperationId, projectId: project.id };
    if (links.investorOrganizationIds) {
      await db.delete(projectInvestors).where(eq(projectInvestors.projectId, project.id));
      if (links.investorOrganizationIds.length) await db.insert(projectInvestors).values([...new Set(links.investorOrganizationIds)].map((organizationId) => ({ ...base, organizationId })));
    }
    if (links.clauseIds) {
      await db.delete(projectClauses).where(eq(projectClauses.projectId, project.id));
      if (links.clauseIds.length) await db.insert(projectClauses).values([...new Set(links.clauseIds)].map((clauseId) => ({ ...base, clauseId })));
    }
    if (links.taskIds) {
      await db.delete(projectTasks).where(eq(projectTasks.projectId, project.id));
      if (links.taskIds.length) await db.insert(projectTasks).values([...new Set(links.taskIds)].map((taskId) => ({ ...base, taskId })));
    }
    if (links.stagePlans) {
      await db.delete(projectStagePlans).where(eq(projectStagePlans.projectId, project.id));
      if (links.stagePlans.length) await db.insert(projectStagePlans).values(links.stagePlans.map((p) => ({ ...base, stage: p.stage, plannedOn: p.plannedOn })));
    }
  },

  /** The links of projects, as far as the reader sees what they point to (a side's own clause or task stays unnamed). */
  async links(db: Db, cooperationId: string, projectIds: string[], scope: RowScope) {
    if (!projectIds.length) return { investors: [], clauses: [], tasks: [], plans: [] };
    const [investorRows, clauseRows, taskRows, plans] = await Promise.all([
      db
        .select({ projectId: projectInvestors.projectId, id: organizations.id, name: organizations.name, regionCode: organizations.regionCode })
        .from(projectInvestors)
        .innerJoin(organizations, eq(organizations.id, projectInvestors.organizationId))
        .where(inArray(projectInvestors.projectId, projectIds))
        .orderBy(asc(organizations.name)),
      db
        .select({ projectId: projectClauses.projectId, id: clauses.id, label: clauses.label, title: clauses.title, agreementId: clauses.agreementId })
        .from(projectClauses)
        .innerJoin(clauses, eq(clauses.id, projectClauses.clauseId))
        .innerJoin(agreements, eq(agreements.id, clauses.agreementId))
        .where(and(inArray(projectClauses.projectId, projectIds), eq(agreements.cooperationId, cooperationId), rowScopeCondition(scope, agreements)))
        .orderBy(asc(clauses.ordinal)),
      db
        .select({ projectId: projectTasks.projectId, id: tasks.id, title: tasks.title, status: tasks.status })
        .from(projectTasks)
        .innerJoin(tasks, eq(tasks.id, projectTasks.taskId))
        .where(and(inArray(projectTasks.projectId, projectIds), eq(tasks.cooperationId, cooperationId), rowScopeCondition(scope, tasks)))
        .orderBy(asc(tasks.title)),
      db.select().from(projectStagePlans).where(inArray(projectStagePlans.projectId, projectIds)),
    ]);
    return { investors: investorRows, clauses: clauseRows, tasks: taskRows, plans };
  },

  /** Clauses and tasks of the cooperation the reader sees, among those named: links must point at rows of the same cooperation. */
  async visibleClauseIds(db: Db, cooperationId: string, ids: string[], scope: RowScope): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await db
      .select({ id: clauses.id })
      .from(clauses)
      .innerJoin(agreements, eq(agreements.id, clauses.agreementId))
      .where(and(inArray(clauses.id, ids), eq(agreements.cooperationId, cooperationId), rowScopeCondition(scope, agreements)));
    return rows.map((r) => r.id);
  },

  async visibleTaskIds(db: Db, cooperationId: string, ids: string[], scope: RowScope): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(inArray(tasks.id, ids), eq(tasks.cooperationId, cooperationId), rowScopeCondition(scope, tasks)));
    return rows.map((r) => r.id);
  },

  async organizationIdsExisting(db: Db, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids))).map((r) => r.id);
  },

  // ---------------------------------------------------------------- stages

  async stageTemplate(db: Db, cooperationId: string): Promise<StageDefinition[]> {
    return db
      .select({ code: projectStages.code, name: projectStages.name, ordinal: projectStages.ordinal, kind: projectStages.kind, milestone: projectStages.milestone })
      .from(projectStages)
      .where(eq(projectStages.cooperationId, cooperationId))
      .orderBy(asc(projectStages.ordinal));
  },

  async replaceStageTemplate(db: Db, cooperationId: string, stages: StageDefinition[]): Promise<void> {
    await db.delete(projectStages).where(eq(projectStages.cooperationId, cooperationId));
    await db.insert(projectStages).values(stages.map((s) => ({ ...s, cooperationId })));
  },

  /** Stage codes projects of the cooperation are at, have been at, or plan to reach. */
  async stagesInUse(db: Db, cooperationId: string): Promise<string[]> {
    const [current, history, planned] = await Promise.all([
      db.selectDistinct({ stage: projects.stage }).from(projects).where(eq(projects.cooperationId, cooperationId)),
      db.selectDistinct({ stage: projectStageChanges.stage }).from(projectStageChanges).where(eq(projectStageChanges.cooperationId, cooperationId)),
      db.selectDistinct({ stage: projectStagePlans.stage }).from(projectStagePlans).where(eq(projectStagePlans.cooperationId, cooperationId)),
    ]);
    return [...new Set([...current, ...history, ...planned].map((r) => r.stage))];
  },

  async stageHistory(db: Db, projectIds: string[]): Promise<StageChangeRow[]> {
    if (!projectIds.length) return [];
    return db.select().from(projectStageChanges).where(inArray(projectStageChanges.projectId, projectIds)).orderBy(asc(projectStageChanges.on), asc(projectStageChanges.seq));
  },

  /** Stage plans of every cooperation dated on or after `from` and before `before`, with their projects. */
  async plansDatedWithin(db: Db, from: string, before: string): Promise<{ project: ProjectRow; stage: string; plannedOn: string }[]> {
    return db
      .select({ project: projects, stage: projectStagePlans.stage, plannedOn: projectStagePlans.plannedOn })
      .from(projectStagePlans)
      .innerJoin(projects, eq(projects.id, projectStagePlans.projectId))
      .where(and(gte(projectStagePlans.plannedOn, from), lt(projectStagePlans.plannedOn, before)))
      .orderBy(asc(projectStagePlans.plannedOn), asc(projects.id));
  },

  async lastStageChange(db: Db, projectId: string): Promise<StageChangeRow | undefined> {
    const [row] = await db.select().from(projectStageChanges).where(eq(projectStageChanges.projectId, projectId)).orderBy(desc(projectStageChanges.on), desc(projectStageChanges.seq)).limit(1);
    return row;
  },

  async insertStageChange(db: Db, values: typeof projectStageChanges.$inferInsert): Promise<StageChangeRow> {
    const [row] = await db.insert(projectStageChanges).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  // ---------------------------------------------------------------- money

  async transactions(db: Db, projectId: string): Promise<ProjectTransactionRow[]> {
    return db.select().from(projectTransactions).where(eq(projectTransactions.projectId, projectId)).orderBy(asc(projectTransactions.on), asc(projectTransactions.seq));
  },

  async getTransaction(db: Db, id: string): Promise<ProjectTransactionRow | undefined> {
    const [row] = await db.select().from(projectTransactions).where(eq(projectTransactions.id, id)).limit(1);
    return row;
  },

  async insertTransaction(db: Db, values: NewProjectTransaction): Promise<ProjectTransactionRow> {
    const [row] = await db.insert(projectTransactions).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  updateTransaction: (db: Db, id: string, version: number, patch: Partial<NewProjectTransaction>) => updateIfVersion(db, projectTransactions, id, version, patch),

  async deleteTransaction(db: Db, id: string, version: number): Promise<ProjectTransactionRow | undefined> {
    const [row] = await db.delete(projectTransactions).where(and(eq(projectTransactions.id, id), eq(projectTransactions.version, version))).returning();
    return row;
  },

  async eventNames(db: Db, ids: string[], scope: RowScope) {
    if (!ids.length) return [];
    return db
      .select({ id: signingEvents.id, name: signingEvents.name, heldOn: signingEvents.heldOn })
      .from(signingEvents)
      .where(and(inArray(signingEvents.id, ids), rowScopeCondition(scope, signingEvents)));
  },

  async eventSeen(db: Db, cooperationId: string, id: string, scope: RowScope): Promise<boolean> {
    const [row] = await db
      .select({ id: signingEvents.id })
      .from(signingEvents)
      .where(and(eq(signingEvents.id, id), eq(signingEvents.cooperationId, cooperationId), rowScopeCondition(scope, signingEvents)))
      .limit(1);
    return !!row;
  },
};
