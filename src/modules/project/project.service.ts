import { AppError, badRequest, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { canManageCooperation, cooperationWideAudit, ownerPartyForNewRow, rowAuditScope, rowScope } from '../access/policy.ts';
import { audit, followRowScope } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { divisionInSection } from '../../contract/industry-codes.ts';
import { assertKnownCurrency, assertNonZero, assertNotFuture, assertSignedWithReason } from './money-rules.ts';
import { projectFiguresRepository, type DateWindow, type Grouping, type MoneyAmount, type ProjectFilter } from './project-figures.repository.ts';
import { projectRepository, type NewProject, type NewProjectTransaction, type ProjectLinks, type ProjectRow, type ProjectTransactionRow, type StageChangeRow } from './project.repository.ts';
import type { FiguresChanged } from './project-figures.service.ts';
import { DEFAULT_STAGES, type StageDefinition } from '../../contract/stage-template.ts';
import { cooperationRowLoader } from '../cooperation/cooperation-row.ts';

const ENTITY = 'project';
const MONEY_ENTITY = 'project_transaction';

export type ProjectInput = Omit<NewProject, 'id' | 'cooperationId' | 'version' | 'createdAt' | 'updatedAt' | 'stage' | 'latitude' | 'longitude'> &
  ProjectLinks & { stage?: string | undefined; stageOn?: string | undefined; latitude?: number | null | undefined; longitude?: number | null | undefined };
export type ProjectPatch = Partial<Omit<ProjectInput, 'ownerPartyId' | 'stage' | 'stageOn' | 'sourceStart' | 'sourceEnd'>>;

export interface StageChangeInput {
  stage: string;
  on: string;
  reason?: string | null | undefined;
}

export type TransactionInput = Pick<NewProjectTransaction, 'kind' | 'on' | 'amount'> &
  Partial<Pick<NewProjectTransaction, 'basis' | 'signingEventId' | 'currency' | 'providerPartyId' | 'receiverPartyId' | 'reason'>>;
export type TransactionPatch = Partial<Pick<NewProjectTransaction, 'basis' | 'signingEventId' | 'on' | 'providerPartyId' | 'receiverPartyId' | 'reason'>>;

const reasonOf = (reason: string | null | undefined) => (reason?.trim() ? reason.trim() : null);

/** Steps planned before today the project has not reached (an ended project is late for nothing). */
function lateSteps(stages: StageDefinition[], project: ProjectRow, history: StageChangeRow[], plans: { stage: string; plannedOn: string }[], today: string) {
  const byCode = new Map(stages.map((s) => [s.code, s]));
  if (byCode.get(project.stage)?.kind === 'ended') return [];
  const reached = Math.max(-1, ...history.map((h) => byCode.get(h.stage)).filter((s) => s?.kind === 'step').map((s) => s?.ordinal ?? -1));
  return plans
    .filter((p) => p.plannedOn < today && (byCode.get(p.stage)?.ordinal ?? -1) > reached && byCode.get(p.stage)?.kind === 'step')
    .map((p) => ({ stage: p.stage, plannedOn: p.plannedOn }))
    .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
}

const moneyOf = (rows: { projectId: string; currency: string; amount: string }[], projectId: string): MoneyAmount[] =>
  rows.filter((r) => r.projectId === projectId).map((r) => ({ currency: r.currency, amount: r.amount }));

export function createProjectService(db: Db, cooperations: CooperationService, today: () => string, hooks: { figuresChanged?: FiguresChanged } = {}) {
  const figuresChanged = async (tx: Db, actor: Actor, cooperationId: string, since?: string) => hooks.figuresChanged?.(tx, actor, cooperationId, since);
  async function stagesOf(tx: Db, cooperationId: string): Promise<StageDefinition[]> {
    const stored = await projectRepository.stageTemplate(tx, cooperationId);
    return stored.length ? stored : DEFAULT_STAGES.map((s) => ({ ...s }));
  }

  const canFor = (actor: Actor | null, cooperationId: string) => ({ edit: canManageCooperation(actor, cooperationId) });

  const { readable: loadReadable, manageable: loadManageable } = cooperationRowLoader(db, cooperations, ENTITY, projectRepository.get);

  async function assertPartiesOf(tx: Db, cooperationId: string, ids: (string | null | undefined)[], code: string) {
    const named = ids.filter((p): p is string => !!p);
    if (!named.length) return;
    const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
    const unknown = named.filter((p) => !partyIds.includes(p));
    if (unknown.length) throw badRequest(code, 'A side named is not a party of this cooperation', { partyIds: unknown });
  }

  /** Industry, currency, sides, units, linked clauses and tasks, stage plans: each must name something real and visible. */
  async function checkFields(tx: Db, actor: Actor, cooperationId: string, input: ProjectPatch & ProjectLinks, stages: StageDefinition[]) {
    if (input.currency) assertKnownCurrency(input.currency);
    if (input.industryDivision && !(input.industryCode && divisionInSection(input.industryCode, input.industryDivision))) {
      throw badRequest('project.industry_division_mismatch', `大类 ${input.industryDivision} is not a division of 门类 ${input.industryCode ?? '—'}`, { division: input.industryDivision });
    }
    if ((input.latitude === null || input.latitude === undefined) !== (input.longitude === null || input.longitude === undefined)) {
      throw badRequest('project.point_incomplete', 'A map point needs both latitude and longitude');
    }
    await assertPartiesOf(tx, cooperationId, [input.investorPartyId, input.hostPartyId], 'project.party_unknown');
    const scope = rowScope(actor, cooperationId);
    const organizationIds = [input.hostOrganizationId, input.responsibleOrganizationId, ...(input.investorOrganizationIds ?? [])].filter((o): o is string => !!o);
    const knownOrganizations = await projectRepository.organizationIdsExisting(tx, [...new Set(organizationIds)]);
    const unknownOrganizations = organizationIds.filter((o) => !knownOrganizations.includes(o));
    if (unknownOrganizations.length) throw badRequest('project.organization_unknown', 'A unit named does not exist', { organizationIds: unknownOrganizations });
    const clauseIds = [...new Set(input.clauseIds ?? [])];
    const taskIds = [...new Set(input.taskIds ?? [])];
    const seenClauses = await projectRepository.visibleClauseIds(tx, cooperationId, clauseIds, scope);
    const seenTasks = await projectRepository.visibleTaskIds(tx, cooperationId, taskIds, scope);
    const unlinked = [...clauseIds.filter((c) => !seenClauses.includes(c)), ...taskIds.filter((c) => !seenTasks.includes(c))];
    if (unlinked.length) throw badRequest('project.link_unknown', 'A clause or task named is not one of this cooperation you can see', { ids: unlinked });
    for (const plan of input.stagePlans ?? []) {
      if (!stages.some((s) => s.code === plan.stage && s.kind === 'step')) throw badRequest('project_stage.unknown', `No step ${plan.stage} in the stage template`, { stage: plan.stage });
    }
    if (new Set((input.stagePlans ?? []).map((p) => p.stage)).size !== (input.stagePlans ?? []).length) {
      throw badRequest('project_stage.planned_twice', 'A stage has one planned date');
    }
  }

  const splitLinks = <T extends ProjectLinks>(input: T) => {
    const { investorOrganizationIds, clauseIds, taskIds, stagePlans, ...fields } = input;
    return { links: { investorOrganizationIds, clauseIds, taskIds, stagePlans }, fields };
  };
  const point = (value: number | null | undefined) => (value === undefined ? undefined : value === null ? null : String(value));

  /** Rows as the API shows them: counted money, the anchor, the steps late; `scope` names what links the reader sees. */
  async function presentRows(actor: Actor | null, cooperationId: string, rows: ProjectRow[]) {
    const ids = rows.map((r) => r.id);
    const [stages, figures, history, links] = await Promise.all([
      stagesOf(db, cooperationId),
      projectFiguresRepository.perProject(db, cooperationId, ids),
      projectRepository.stageHistory(db, ids),
      projectRepository.links(db, cooperationId, ids, rowScope(actor, cooperationId)),
    ]);
    const can = canFor(actor, cooperationId);
    const day = today();
    return rows.map((row) => {
      const anchor = figures.anchors.find((a) => a.projectId === row.id);
      const { sourceStart: _start, sourceEnd: _end, createdAt: _created, updatedAt: _updated, ...fields } = row;
      return {
        ...fields,
        latitude: row.latitude === null ? null : Number(row.latitude),
        longitude: row.longitude === null ? null : Number(row.longitude),
        signedOn: anchor?.signedOn ?? null,
        signingEventId: anchor?.eventId ?? null,
        contracted: moneyOf(figures.contracted, row.id),
        inPlace: moneyOf(figures.inPlace, row.id),
        late: lateSteps(
          stages,
          row,
          history.filter((h) => h.projectId === row.id),
          links.plans.filter((p) => p.projectId === row.id),
          day,
        ),
        can,
      };
    });
  }

  async function presentDetail(actor: Actor | null, row: ProjectRow) {
    const scope = rowScope(actor, row.cooperationId);
    const [[base], links, history, transactions, counted, stages] = await Promise.all([
      presentRows(actor, row.cooperationId, [row]),
      projectRepository.links(db, row.cooperationId, [row.id], scope),
      projectRepository.stageHistory(db, [row.id]),
      projectRepository.transactions(db, row.id),
      projectFiguresRepository.countedEntryIds(db, row.cooperationId, row.id),
      stagesOf(db, row.cooperationId),
    ]);
    if (!base) throw notFound(ENTITY, row.id);
    const eventIds = [...new Set(transactions.map((t) => t.signingEventId).filter((e): e is string => !!e))];
    return {
      ...base,
      investors: links.investors.map(({ projectId: _p, ...o }) => o),
      clauses: links.clauses.map(({ projectId: _p, ...c }) => c),
      tasks: links.tasks.map(({ projectId: _p, ...t }) => t),
      stagePlans: links.plans.map((p) => ({ stage: p.stage, plannedOn: p.plannedOn })).sort((a, b) => a.plannedOn.localeCompare(b.plannedOn)),
      stageHistory: history.map((h) => ({ stage: h.stage, on: h.on, reason: h.reason })),
      transactions: transactions.map((t) => presentTransaction(t, t.kind === 'in_place' || counted.has(t.id))),
      events: await projectRepository.eventNames(db, eventIds, scope),
      stages,
    };
  }

  const presentTransaction = (t: ProjectTransactionRow, counted: boolean) => ({
    id: t.id,
    projectId: t.projectId,
    kind: t.kind,
    basis: t.basis,
    signingEventId: t.signingEventId,
    on: t.on,
    amount: t.amount,
    currency: t.currency,
    providerPartyId: t.providerPartyId,
    receiverPartyId: t.receiverPartyId,
    reason: t.reason,
    counted,
    version: t.version,
  });

  /** A stage change: dated, not before the last one, and with a reason when it goes backwards, halts or ends the project. */
  async function changeStageIn(tx: Db, actor: Actor, project: ProjectRow, version: number, input: StageChangeInput) {
    const stages = await stagesOf(tx, project.cooperationId);
    const target = stages.find((s) => s.code === input.stage);
    if (!target) throw badRequest('project_stage.unknown', `No stage ${input.stage} in the stage template`, { stage: input.stage });
    if (input.stage === project.stage) throw badRequest('project_stage.unchanged', 'The project is at that stage already');
    if (input.on > today()) throw badRequest('project_stage.future_date', `A stage change dated ${input.on} lies after today`, { on: input.on });
    const last = await projectRepository.lastStageChange(tx, project.id);
    if (last && input.on < last.on) throw badRequest('project_stage.before_last', `The last stage change is dated ${last.on}`, { lastOn: last.on });
    const history = await projectRepository.stageHistory(tx, [project.id]);
    const ordinalOf = (code: string) => stages.find((s) => s.code === code && s.kind === 'step')?.ordinal;
    const lastStep = [...history].reverse().map((h) => ordinalOf(h.stage)).find((o) => o !== undefined);
    const backwards = target.kind === 'step' && lastStep !== undefined && target.ordinal < lastStep;
    const reason = reasonOf(input.reason);
    if ((backwards || target.kind !== 'step') && !reason) {
      throw badRequest('project_stage.reason_required', backwards ? 'Moving a project back a stage needs a reason' : 'Halting or ending a project needs a reason', { stage: input.stage });
    }
    const after = await projectRepository.update(tx, project.id, version, { stage: input.stage });
    if (!after) throw staleVersion(ENTITY, project.version);
    const change = await projectRepository.insertStageChange(tx, { cooperationId: project.cooperationId, projectId: project.id, stage: input.stage, on: input.on, reason, createdBy: authorId(actor) });
    await audit(tx, actor, { cooperationId: project.cooperationId, action: 'stage', entity: ENTITY, entityId: project.id, before: { stage: project.stage }, after: { stage: input.stage, on: change.on, reason }, scope: rowAuditScope(ENTITY, after) });
    await figuresChanged(tx, actor, project.cooperationId, change.on);
    return after;
  }

  async function checkTransaction(tx: Db, actor: Actor, project: ProjectRow, input: TransactionPatch & { kind: string; amount?: string; currency?: string | undefined }) {
    if (input.amount !== undefined) assertNonZero(input.amount);
    if (input.currency) assertKnownCurrency(input.currency);
    if (input.on) assertNotFuture(input.on, today());
    await assertPartiesOf(tx, project.cooperationId, [input.providerPartyId, input.receiverPartyId], 'money.party_unknown');
    if (input.kind !== 'contracted' && (input.signingEventId || input.basis)) {
      throw badRequest('money.signing_only_contracted', 'Only a contracted amount (签约额) is signed at an event or has a signing basis');
    }
    if (input.signingEventId) {
      if (!(await projectRepository.eventSeen(tx, project.cooperationId, input.signingEventId, rowScope(actor, project.cooperationId)))) throw badRequest('money.event_unknown', 'The signing event named is not one of this cooperation you can see', { signingEventId: input.signingEventId });
    }
  }

  async function addTransactionIn(tx: Db, actor: Actor, projectId: string, input: TransactionInput) {
    const project = await loadManageable(tx, actor, projectId);
    const values = { ...input, currency: input.currency ?? 'CNY', basis: input.kind === 'contracted' ? (input.basis ?? 'signing') : (input.basis ?? null), reason: reasonOf(input.reason) };
    await checkTransaction(tx, actor, project, values);
    assertSignedWithReason([values.amount], values.reason);
    const row = await projectRepository.insertTransaction(tx, { ...values, cooperationId: project.cooperationId, projectId, createdBy: authorId(actor) });
    await audit(tx, actor, { cooperationId: project.cooperationId, action: 'create', entity: MONEY_ENTITY, entityId: row.id, after: row, scope: rowAuditScope(ENTITY, project) });
    await figuresChanged(tx, actor, project.cooperationId, row.on);
    return { project, row };
  }

  /** A transaction to change, with its project, as the project is managed. */
  async function loadTransaction(tx: Db, actor: Actor, id: string) {
    return missingAs(MONEY_ENTITY, id, async () => {
      const row = await projectRepository.getTransaction(tx, id);
      if (!row) throw notFound(MONEY_ENTITY, id);
      const project = await loadManageable(tx, actor, row.projectId);
      return { row, project };
    });
  }

  return {
    stagesOf,

    async list(actor: Actor | null, cooperationId: string, filter: ProjectFilter, page: { page: number; pageSize: number }) {
      await cooperations.load(actor, cooperationId);
      const scope = rowScope(actor, cooperationId);
      const found = await projectRepository.page(db, cooperationId, scope, filter, page);
      const [items, [totals], stages] = await Promise.all([
        presentRows(actor, cooperationId, found.rows),
        projectFiguresRepository.totals(db, cooperationId, scope, filter, {}, null),
        stagesOf(db, cooperationId),
      ]);
      const can = canFor(actor, cooperationId);
      return {
        items,
        total: found.total,
        page: page.page,
        pageSize: page.pageSize,
        totals: totals ?? { key: null, projects: 0, signed: 0, contracted: [], inPlace: [] },
        stages,
        can: { create: can.edit, editStages: can.edit },
      };
    },

    /** Totals by the counting rule, of the projects the reader sees. */
    async totals(actor: Actor | null, cooperationId: string, filter: ProjectFilter, window: DateWindow, by: Grouping | null) {
      await cooperations.load(actor, cooperationId);
      return { by, groups: await projectFiguresRepository.totals(db, cooperationId, rowScope(actor, cooperationId), filter, window, by) };
    },

    async get(actor: Actor | null, id: string) {
      return presentDetail(actor, await loadReadable(actor, id));
    },

    /** Inside the caller's transaction, so ingestion and the demo create projects with everything else at once. */
    async createIn(tx: Db, actor: Actor, cooperationId: string, input: ProjectInput): Promise<ProjectRow> {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      const stages = await stagesOf(tx, cooperationId);
      await checkFields(tx, actor, cooperationId, input, stages);
      const stage = input.stage ?? stages.find((s) => s.kind === 'step')?.code ?? 'negotiating';
      if (!stages.some((s) => s.code === stage)) throw badRequest('project_stage.unknown', `No stage ${stage} in the stage template`, { stage });
      if (stages.find((s) => s.code === stage)?.kind !== 'step') throw badRequest('project_stage.reason_required', 'A project is registered at a step; halt or end it afterwards, with a reason');
      const stageOn = input.stageOn ?? today();
      if (stageOn > today()) throw badRequest('project_stage.future_date', `A stage dated ${stageOn} lies after today`, { on: stageOn });
      const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
      const ownerPartyId = ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, input.ownerPartyId, input.visibility ?? 'parties');
      const { links, fields } = splitLinks(input);
      const { stageOn: _on, latitude, longitude, ...columns } = fields;
      const row = await projectRepository.insert(tx, { ...columns, latitude: point(latitude), longitude: point(longitude), stage, ownerPartyId, cooperationId });
      await projectRepository.setLinks(tx, row, links);
      await projectRepository.insertStageChange(tx, { cooperationId, projectId: row.id, stage, on: stageOn, createdBy: authorId(actor) });
      await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: { ...row, ...links }, scope: rowAuditScope(ENTITY, row) });
      await figuresChanged(tx, actor, cooperationId);
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: ProjectInput) {
      const row = await writeTransaction(db, ENTITY, (tx) => this.createIn(tx, actor, cooperationId, input));
      return presentDetail(actor, row);
    },

    async update(actor: Actor, id: string, version: number, patch: ProjectPatch) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        const merged = {
          ...patch,
          industryCode: patch.industryCode === undefined ? before.industryCode : patch.industryCode,
          industryDivision: patch.industryDivision === undefined ? before.industryDivision : patch.industryDivision,
          latitude: patch.latitude === undefined ? (before.latitude === null ? null : Number(before.latitude)) : patch.latitude,
          longitude: patch.longitude === undefined ? (before.longitude === null ? null : Number(before.longitude)) : patch.longitude,
        };
        await checkFields(tx, actor, before.cooperationId, merged, await stagesOf(tx, before.cooperationId));
        const owner = patch.visibility === 'side' && !before.ownerPartyId ? { ownerPartyId: ownerPartyForNewRow(actor, { id: before.cooperationId, partyIds: (await cooperationRepository.partiesOf(tx, before.cooperationId)).map((p) => p.id) }, null, 'side') } : {};
        const { links, fields } = splitLinks(patch);
        const { latitude, longitude, ...columns } = fields;
        const after = await projectRepository.update(tx, id, version, { ...columns, latitude: point(latitude), longitude: point(longitude), ...owner });
        if (!after) throw staleVersion(ENTITY, before.version);
        await projectRepository.setLinks(tx, after, links);
        await followRowScope(tx, ENTITY, before, after);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after: { ...after, ...links }, scope: rowAuditScope(ENTITY, after) });
        await figuresChanged(tx, actor, before.cooperationId);
        return after;
      });
      return presentDetail(actor, row);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        const money = await projectRepository.transactions(tx, id);
        if (!(await projectRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        // The money goes with the project; the trail keeps every entry that went.
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before: { ...before, transactions: money }, scope: rowAuditScope(ENTITY, before) });
        await figuresChanged(tx, actor, before.cooperationId);
      });
    },

    changeStageIn,

    async changeStage(actor: Actor, id: string, version: number, input: StageChangeInput) {
      const row = await writeTransaction(db, ENTITY, async (tx) => changeStageIn(tx, actor, await loadManageable(tx, actor, id), version, input));
      return presentDetail(actor, row);
    },

    addTransactionIn,

    async addTransaction(actor: Actor, projectId: string, input: TransactionInput) {
      const { project } = await writeTransaction(db, MONEY_ENTITY, (tx) => addTransactionIn(tx, actor, projectId, input));
      return presentDetail(actor, project);
    },

    /** The amount, kind and currency stay: a wrong amount is corrected by a negative entry, so nothing is lost. */
    async updateTransaction(actor: Actor, id: string, version: number, patch: TransactionPatch) {
      const project = await writeTransaction(db, MONEY_ENTITY, async (tx) => {
        const { row: before, project } = await loadTransaction(tx, actor, id);
        const reason = patch.reason === undefined ? before.reason : reasonOf(patch.reason);
        await checkTransaction(tx, actor, project, { ...patch, kind: before.kind });
        assertSignedWithReason([before.amount], reason);
        const after = await projectRepository.updateTransaction(tx, id, version, { ...patch, reason });
        if (!after) throw staleVersion(MONEY_ENTITY, before.version);
        await audit(tx, actor, { cooperationId: project.cooperationId, action: 'update', entity: MONEY_ENTITY, entityId: id, before, after, scope: rowAuditScope(ENTITY, project) });
        await figuresChanged(tx, actor, project.cooperationId, before.on < after.on ? before.on : after.on);
        return project;
      });
      return presentDetail(actor, project);
    },

    /** For an entry made in error (the wrong project); the audit trail keeps it. */
    async deleteTransaction(actor: Actor, id: string, version: number) {
      await writeTransaction(db, MONEY_ENTITY, async (tx) => {
        const { row: before, project } = await loadTransaction(tx, actor, id);
        if (!(await projectRepository.deleteTransaction(tx, id, version))) throw staleVersion(MONEY_ENTITY, before.version);
        await audit(tx, actor, { cooperationId: project.cooperationId, action: 'delete', entity: MONEY_ENTITY, entityId: id, before, scope: rowAuditScope(ENTITY, project) });
        await figuresChanged(tx, actor, project.cooperationId, before.on);
      });
    },

    /**
     * Every project, in every cooperation, that passed a planned date of one of its steps since `from` without
     * reaching it, by the same rule the project page shows as late; for the daily sweep, which reads no actor.
     */
    async stagesLateSince(tx: Db, from: string, today: string) {
      const plans = await projectRepository.plansDatedWithin(tx, from, today);
      const history = await projectRepository.stageHistory(tx, [...new Set(plans.map((p) => p.project.id))]);
      const templates = new Map<string, StageDefinition[]>();
      const late = [];
      for (const plan of plans) {
        const { cooperationId } = plan.project;
        const stages = templates.get(cooperationId) ?? (await stagesOf(tx, cooperationId));
        templates.set(cooperationId, stages);
        const projectHistory = history.filter((h) => h.projectId === plan.project.id);
        if (!lateSteps(stages, plan.project, projectHistory, [plan], today).length) continue;
        late.push({ project: plan.project, stage: plan.stage, stageName: stages.find((s) => s.code === plan.stage)?.name ?? plan.stage, plannedOn: plan.plannedOn });
      }
      return late;
    },

    async stageTemplate(actor: Actor | null, cooperationId: string) {
      await cooperations.load(actor, cooperationId);
      return { items: await stagesOf(db, cooperationId), can: canFor(actor, cooperationId) };
    },

    /** The cooperation's own template: a stage projects are at, were at or plan to reach stays. */
    async replaceStageTemplate(actor: Actor, cooperationId: string, input: { code: string; name: string; kind: StageDefinition['kind']; milestone: StageDefinition['milestone'] }[]) {
      await writeTransaction(db, 'project_stage', async (tx) => {
        await cooperations.loadForManagement(tx, actor, cooperationId);
        const codes = input.map((s) => s.code);
        if (new Set(codes).size !== codes.length) throw badRequest('project_stage.duplicate_code', 'Each stage has its own code');
        if (!input.some((s) => s.kind === 'step')) throw badRequest('project_stage.no_step', 'A template needs at least one step');
        const milestones = input.map((s) => s.milestone).filter((m) => m !== null);
        if (new Set(milestones).size !== milestones.length) throw badRequest('project_stage.milestone_twice', 'Each milestone (签约, 注册, 开工, 投产) marks one stage');
        if (input.some((s) => s.kind !== 'step' && s.milestone)) throw badRequest('project_stage.milestone_on_halt', 'Only a step marks a milestone');
        const inUse = await projectRepository.stagesInUse(tx, cooperationId);
        const dropped = inUse.filter((code) => !codes.includes(code));
        if (dropped.length) throw new AppError('project_stage.in_use', 409, `Projects are at, were at or plan stages ${dropped.join(', ')}`, { stages: dropped.join(', ') });
        const before = await stagesOf(tx, cooperationId);
        const stages = input.map((s, ordinal) => ({ ...s, ordinal }));
        await projectRepository.replaceStageTemplate(tx, cooperationId, stages);
        await audit(tx, actor, { cooperationId, action: 'update', entity: 'project_stages', entityId: cooperationId, before, after: stages, scope: cooperationWideAudit });
      });
      return this.stageTemplate(actor, cooperationId);
    },

  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
