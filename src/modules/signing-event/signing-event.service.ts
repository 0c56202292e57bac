import { AppError, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { canManageCooperation, ownerPartyForNewRow, rowAuditScope, rowScope, type RowScope } from '../access/policy.ts';
import { audit, followRowScope } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { projectFiguresRepository, type MoneyAmount } from '../project/project-figures.repository.ts';
import { projectRepository } from '../project/project.repository.ts';
import type { ProjectService } from '../project/project.service.ts';
import { milestoneOrdinal, type StageDefinition } from '../../contract/stage-template.ts';
import { signingEventRepository, type NewSigningEvent, type SigningEventRow } from './signing-event.repository.ts';
import { cooperationRowLoader } from '../cooperation/cooperation-row.ts';

const ENTITY = 'signing_event';

export type SigningEventInput = Omit<NewSigningEvent, 'id' | 'cooperationId' | 'version' | 'createdAt' | 'updatedAt'>;

/** 资金到位率 in the currency most was contracted in. */
function fundsRate(contracted: MoneyAmount[], inPlace: MoneyAmount[]): number | null {
  const main = [...contracted].sort((a, b) => Number(b.amount) - Number(a.amount))[0];
  if (!main || Number(main.amount) <= 0) return null;
  const placed = inPlace.filter((m) => m.currency === main.currency).reduce((n, m) => n + Number(m.amount), 0);
  return placed / Number(main.amount);
}

/** Whether a project at `stage` has reached the step that marks `milestone`. */
function reached(stages: StageDefinition[], stage: string, milestone: StageDefinition['milestone']): boolean {
  const from = milestoneOrdinal(stages, milestone);
  const at = stages.find((s) => s.code === stage);
  return from !== null && !!at && at.kind === 'step' && at.ordinal >= from;
}

export function createSigningEventService(db: Db, deps: { cooperations: CooperationService; projects: ProjectService }) {
  const canFor = (actor: Actor | null, cooperationId: string) => ({ edit: canManageCooperation(actor, cooperationId) });

  /** The figures of events, over the projects the reader sees. */
  async function figuresOf(cooperationId: string, scope: RowScope, eventIds: string[]) {
    const [groups, byStage, stages] = await Promise.all([
      projectFiguresRepository.totals(db, cooperationId, scope, {}, {}, 'event'),
      projectFiguresRepository.anchoredByStage(db, cooperationId, scope, eventIds),
      deps.projects.stagesOf(db, cooperationId),
    ]);
    return new Map(
      eventIds.map((id) => {
        const group = groups.find((g) => g.key === id);
        const rows = byStage.filter((r) => r.eventId === id);
        const projects = rows.reduce((n, r) => n + r.projects, 0);
        const share = (milestone: StageDefinition['milestone']) => (projects ? rows.filter((r) => reached(stages, r.stage, milestone)).reduce((n, r) => n + r.projects, 0) / projects : null);
        const contracted = group?.contracted ?? [];
        const inPlace = group?.inPlace ?? [];
        return [id, { projects, contracted, inPlace, fulfilmentRate: share('registered'), startRate: share('started'), fundsRate: fundsRate(contracted, inPlace) }];
      }),
    );
  }

  const { readable: loadReadable, manageable: loadManageable } = cooperationRowLoader(db, deps.cooperations, ENTITY, signingEventRepository.get);

  const present = (actor: Actor | null, row: SigningEventRow, figures: Awaited<ReturnType<typeof figuresOf>>) => {
    const { createdAt: _c, updatedAt: _u, ...fields } = row;
    return { ...fields, figures: figures.get(row.id) ?? { projects: 0, contracted: [], inPlace: [], fulfilmentRate: null, startRate: null, fundsRate: null }, can: canFor(actor, row.cooperationId) };
  };

  async function presentDetail(actor: Actor | null, row: SigningEventRow) {
    const scope = rowScope(actor, row.cooperationId);
    const [figures, named] = await Promise.all([figuresOf(row.cooperationId, scope, [row.id]), projectFiguresRepository.eventProjects(db, row.cooperationId, scope, row.id)]);
    const [rows, money] = await Promise.all([
      Promise.all(named.ids.map((id) => projectRepository.get(db, id))),
      projectFiguresRepository.perProject(db, row.cooperationId, named.ids),
    ]);
    const projects = rows
      .filter((p) => !!p)
      .map((p) => ({
        id: p.id,
        name: p.name,
        stage: p.stage,
        countsHere: named.anchored.includes(p.id),
        contracted: named.contracted.filter((c) => c.projectId === p.id).map(({ currency, amount }) => ({ currency, amount })),
        inPlace: money.inPlace.filter((c) => c.projectId === p.id).map(({ currency, amount }) => ({ currency, amount })),
      }))
      .sort((a, b) => Number(b.countsHere) - Number(a.countsHere) || a.name.localeCompare(b.name, 'zh-CN'));
    return { ...present(actor, row, figures), projects };
  }

  return {
    async list(actor: Actor | null, cooperationId: string) {
      await deps.cooperations.load(actor, cooperationId);
      const scope = rowScope(actor, cooperationId);
      const rows = await signingEventRepository.listByCooperation(db, cooperationId, scope);
      const figures = await figuresOf(cooperationId, scope, rows.map((r) => r.id));
      return { items: rows.map((r) => present(actor, r, figures)), can: { create: canFor(actor, cooperationId).edit } };
    },

    async get(actor: Actor | null, id: string) {
      return presentDetail(actor, await loadReadable(actor, id));
    },

    async createIn(tx: Db, actor: Actor, cooperationId: string, input: SigningEventInput): Promise<SigningEventRow> {
      await deps.cooperations.loadForManagement(tx, actor, cooperationId);
      const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
      const ownerPartyId = ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, input.ownerPartyId, input.visibility ?? 'parties');
      const row = await signingEventRepository.insert(tx, { ...input, ownerPartyId, cooperationId });
      await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: row, scope: rowAuditScope(ENTITY, row) });
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: SigningEventInput) {
      const row = await writeTransaction(db, ENTITY, (tx) => this.createIn(tx, actor, cooperationId, input));
      return presentDetail(actor, row);
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<SigningEventInput>) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        const partyIds = (await cooperationRepository.partiesOf(tx, before.cooperationId)).map((p) => p.id);
        const owner = patch.visibility === 'side' && !before.ownerPartyId ? { ownerPartyId: ownerPartyForNewRow(actor, { id: before.cooperationId, partyIds }, null, 'side') } : {};
        const after = await signingEventRepository.update(tx, id, version, { ...patch, ...owner });
        if (!after) throw staleVersion(ENTITY, before.version);
        await followRowScope(tx, ENTITY, before, after);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after, scope: rowAuditScope(ENTITY, after) });
        return after;
      });
      return presentDetail(actor, row);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        const entries = await signingEventRepository.entryCount(tx, id);
        if (entries) throw new AppError('signing_event.has_signings', 409, `${entries} money entries name this event; move or delete them first`, { entries });
        if (!(await signingEventRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before, scope: rowAuditScope(ENTITY, before) });
      });
    },
  };
}

export type SigningEventService = ReturnType<typeof createSigningEventService>;
