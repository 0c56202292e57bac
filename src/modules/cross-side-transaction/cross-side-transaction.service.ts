import { badRequest, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { canManageCooperation, ownerPartyForNewRow, rowAuditScope, rowScope } from '../access/policy.ts';
import { audit, followRowScope } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { assertKnownCurrency, assertNotFuture, assertSignedWithReason } from '../project/money-rules.ts';
import { projectFiguresRepository } from '../project/project-figures.repository.ts';
import type { FiguresChanged } from '../project/project-figures.service.ts';
import { projectRepository } from '../project/project.repository.ts';
import { crossSideTransactionRepository, type CrossSideFilter, type CrossSideTransactionRow, type NewCrossSideTransaction } from './cross-side-transaction.repository.ts';
import { cooperationRowLoader } from '../cooperation/cooperation-row.ts';

const ENTITY = 'cross_side_transaction';

export type CrossSideInput = Omit<NewCrossSideTransaction, 'id' | 'cooperationId' | 'version' | 'createdAt' | 'updatedAt'>;

export function createCrossSideTransactionService(db: Db, deps: { cooperations: CooperationService; today: () => string; figuresChanged?: FiguresChanged }) {
  const canFor = (actor: Actor | null, cooperationId: string) => ({ edit: canManageCooperation(actor, cooperationId) });

  const { readable: loadReadable, manageable: loadManageable } = cooperationRowLoader(db, deps.cooperations, ENTITY, crossSideTransactionRepository.get);

  /** The entry as it will be stored: a measure, known currency, not in the future, two different sides, real links. */
  async function check(tx: Db, actor: Actor, cooperationId: string, entry: Partial<CrossSideInput>) {
    if (entry.currency) assertKnownCurrency(entry.currency);
    if (entry.on) assertNotFuture(entry.on, deps.today());
    if ((entry.amount ?? null) === null && (entry.quantity ?? null) === null) throw badRequest('cross_side.measure_required', 'An entry records a quantity, an amount or both');
    if (entry.quantity && !entry.unit) throw badRequest('cross_side.unit_required', 'A quantity needs its unit (张, 兆瓦时, 人次…)');
    assertSignedWithReason([entry.amount, entry.quantity], entry.reason);
    const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
    for (const party of [entry.fromPartyId, entry.toPartyId]) if (party && !partyIds.includes(party)) throw badRequest('cross_side.party_unknown', 'A side named is not a party of this cooperation', { partyId: party });
    if (entry.fromPartyId && entry.fromPartyId === entry.toPartyId) throw badRequest('cross_side.same_side', 'Trade between the sides goes from one side to another');
    const scope = rowScope(actor, cooperationId);
    if (entry.agreementId && !(await crossSideTransactionRepository.agreementSeen(tx, cooperationId, entry.agreementId, scope))) throw badRequest('cross_side.link_unknown', 'The agreement named is not one of this cooperation you can see');
    if (entry.projectId && !(await crossSideTransactionRepository.projectSeen(tx, cooperationId, entry.projectId, scope))) throw badRequest('cross_side.link_unknown', 'The project named is not one of this cooperation you can see');
    const organizations = [entry.fromOrganizationId, entry.toOrganizationId].filter((o): o is string => !!o);
    const known = await projectRepository.organizationIdsExisting(tx, organizations);
    if (organizations.some((o) => !known.includes(o))) throw badRequest('cross_side.organization_unknown', 'A unit named does not exist');
  }

  const present = (actor: Actor | null, row: CrossSideTransactionRow) => {
    const { createdAt: _c, updatedAt: _u, ...fields } = row;
    return { ...fields, can: canFor(actor, row.cooperationId) };
  };

  return {
    async list(actor: Actor | null, cooperationId: string, filter: CrossSideFilter, page: { page: number; pageSize: number }) {
      await deps.cooperations.load(actor, cooperationId);
      const scope = rowScope(actor, cooperationId);
      const [found, totals] = await Promise.all([
        crossSideTransactionRepository.page(db, cooperationId, scope, filter, page),
        projectFiguresRepository.crossSideTotals(db, cooperationId, scope, filter, filter, 'quarter'),
      ]);
      return { items: found.rows.map((r) => present(actor, r)), total: found.total, page: page.page, pageSize: page.pageSize, totals: totals.map(({ organizations: _o, ...g }) => g), can: { create: canFor(actor, cooperationId).edit } };
    },

    async totals(actor: Actor | null, cooperationId: string, filter: CrossSideFilter, by: 'kind' | 'year' | 'quarter' | null) {
      await deps.cooperations.load(actor, cooperationId);
      const groups = await projectFiguresRepository.crossSideTotals(db, cooperationId, rowScope(actor, cooperationId), filter, filter, by);
      return { by, groups: groups.map(({ organizations: _o, ...g }) => g) };
    },

    async get(actor: Actor | null, id: string) {
      return present(actor, await loadReadable(actor, id));
    },

    async createIn(tx: Db, actor: Actor, cooperationId: string, input: CrossSideInput): Promise<CrossSideTransactionRow> {
      await deps.cooperations.loadForManagement(tx, actor, cooperationId);
      await check(tx, actor, cooperationId, input);
      const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
      const ownerPartyId = ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, input.ownerPartyId, input.visibility ?? 'parties');
      const row = await crossSideTransactionRepository.insert(tx, { ...input, reason: input.reason?.trim() || null, ownerPartyId, cooperationId });
      await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: row, scope: rowAuditScope(ENTITY, row) });
      await deps.figuresChanged?.(tx, actor, cooperationId, row.on);
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: CrossSideInput) {
      return present(actor, await writeTransaction(db, ENTITY, (tx) => this.createIn(tx, actor, cooperationId, input)));
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<CrossSideInput>) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        const merged = { ...before, ...patch };
        await check(tx, actor, before.cooperationId, merged);
        const partyIds = (await cooperationRepository.partiesOf(tx, before.cooperationId)).map((p) => p.id);
        const owner = patch.visibility === 'side' && !before.ownerPartyId ? { ownerPartyId: ownerPartyForNewRow(actor, { id: before.cooperationId, partyIds }, null, 'side') } : {};
        const after = await crossSideTransactionRepository.update(tx, id, version, { ...patch, ...owner });
        if (!after) throw staleVersion(ENTITY, before.version);
        await followRowScope(tx, ENTITY, before, after);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after, scope: rowAuditScope(ENTITY, after) });
        await deps.figuresChanged?.(tx, actor, before.cooperationId, before.on < after.on ? before.on : after.on);
        return after;
      });
      return present(actor, row);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        if (!(await crossSideTransactionRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before, scope: rowAuditScope(ENTITY, before) });
        await deps.figuresChanged?.(tx, actor, before.cooperationId, before.on);
      });
    },
  };
}
