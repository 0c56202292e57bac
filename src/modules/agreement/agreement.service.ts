import { AppError, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { assertCanReadRow, canManageCooperation, ownerPartyForNewRow, rowAuditScope, rowScope } from '../access/policy.ts';
import { audit, followRowScope } from '../audit/audit.recorder.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { agreementRepository, type AgreementRow, type NewAgreement } from './agreement.repository.ts';
import { cooperationRowLoader } from '../cooperation/cooperation-row.ts';

const ENTITY = 'agreement';

export type CreateAgreementInput = Omit<NewAgreement, 'id' | 'cooperationId' | 'currentTextVersion' | 'version' | 'createdAt' | 'updatedAt'> & {
  text: string;
};

/** The side a new or newly one-sided agreement belongs to, checked against the cooperation's parties. */
async function ownerFor(tx: Db, actor: Actor, cooperationId: string, requested: string | null | undefined, visibility: string) {
  const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
  return ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, requested, visibility);
}

/** What the web offers on an agreement and its clauses: editing is the cooperation offices' (and admins'). */
const canFor = (actor: Actor | null, cooperationId: string) => ({ edit: canManageCooperation(actor, cooperationId) });

const presentVersion = (v: { number: number; note: string; createdAt: Date }) => ({
  number: v.number,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
});

/**
 * A row that tasks refer to cannot be deleted. The refusal tells how many of
 * them the reader sees, and that others exist only as "tasks you cannot see".
 */
export function referencedByTasks(code: string, what: string, counts: { all: number; visible: number }): AppError {
  const hidden = counts.all > counts.visible ? ', with tasks you cannot see' : '';
  return new AppError(code, 409, `${counts.visible} task(s)${hidden} ${what}`, { tasks: counts.visible });
}

export function createAgreementService(db: Db, cooperations: CooperationService) {
  const { readable: loadReadable, manageable: loadManageable } = cooperationRowLoader(db, cooperations, ENTITY, agreementRepository.get);

  async function assertParentValid(tx: Db, actor: Actor, cooperationId: string, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    if (parentId === selfId) throw new AppError('agreement.parent_cycle', 400, 'An agreement cannot be its own parent');
    const parent = await agreementRepository.get(tx, parentId);
    if (!parent || parent.cooperationId !== cooperationId) throw notFound('agreement', parentId);
    assertCanReadRow(actor, 'agreement', parent);
    // 1+N is one level deep in practice; walking up still guards against cycles.
    let cursor: AgreementRow | undefined = parent;
    for (let depth = 0; cursor?.parentId && depth < 20; depth++) {
      if (cursor.parentId === selfId) throw new AppError('agreement.parent_cycle', 400, 'That parent would make a cycle');
      cursor = await agreementRepository.get(tx, cursor.parentId);
    }
  }

  async function present(actor: Actor | null, row: AgreementRow) {
    const [current, versions, clauseCount] = await Promise.all([
      agreementRepository.getVersion(db, row.id, row.currentTextVersion),
      agreementRepository.versions(db, row.id),
      agreementRepository.clauseCount(db, row.id),
    ]);
    return { ...row, clauseCount, text: current?.text ?? '', textVersions: versions.map(presentVersion), can: canFor(actor, row.cooperationId) };
  }

  return {
    loadReadable,
    loadManageable,

    canFor,

    async list(actor: Actor | null, cooperationId: string) {
      await cooperations.load(actor, cooperationId);
      const can = canFor(actor, cooperationId);
      const rows = await agreementRepository.listByCooperation(db, cooperationId, rowScope(actor, cooperationId));
      return { items: rows.map((row) => ({ ...row, can })), can: { create: can.edit } };
    },

    async get(actor: Actor | null, id: string) {
      return present(actor, await loadReadable(actor, id));
    },

    async getVersion(actor: Actor | null, id: string, number: number) {
      await loadReadable(actor, id);
      const version = await agreementRepository.getVersion(db, id, number);
      if (!version) throw notFound('agreement_version', `${id}#${number}`);
      return { ...presentVersion(version), text: version.text };
    },

    /** Inside the caller's transaction, so ingestion can create agreements with everything else at once. */
    async createIn(tx: Db, actor: Actor, cooperationId: string, input: CreateAgreementInput): Promise<AgreementRow> {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      await assertParentValid(tx, actor, cooperationId, input.parentId);
      const { text, ...fields } = input;
      const ownerPartyId = await ownerFor(tx, actor, cooperationId, input.ownerPartyId, input.visibility ?? 'parties');
      const row = await agreementRepository.insert(tx, { ...fields, ownerPartyId, cooperationId, currentTextVersion: 1 });
      await agreementRepository.insertVersion(tx, { cooperationId, agreementId: row.id, number: 1, text, note: '', createdBy: authorId(actor) });
      await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: { ...row, textLength: text.length }, scope: rowAuditScope(ENTITY, row) });
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: CreateAgreementInput) {
      const row = await writeTransaction(db, ENTITY, (tx) => this.createIn(tx, actor, cooperationId, input));
      return present(actor, row);
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<NewAgreement>) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        // Made one-sided without a side yet: it becomes the changing office's own.
        const owner = patch.visibility === 'side' && !before.ownerPartyId ? { ownerPartyId: await ownerFor(tx, actor, before.cooperationId, null, 'side') } : {};
        if (patch.parentId !== undefined) await assertParentValid(tx, actor, before.cooperationId, patch.parentId, id);
        const after = await agreementRepository.update(tx, id, version, { ...patch, ...owner });
        if (!after) throw staleVersion(ENTITY, before.version);
        await followRowScope(tx, ENTITY, before, after);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after, scope: rowAuditScope(ENTITY, after) });
        return after;
      });
      return present(actor, row);
    },

    /** An amendment is a new text version; the earlier versions stay readable. */
    async amend(actor: Actor, id: string, version: number, text: string, note: string) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        const number = before.currentTextVersion + 1;
        const after = await agreementRepository.update(tx, id, version, { currentTextVersion: number });
        if (!after) throw staleVersion(ENTITY, before.version);
        await agreementRepository.insertVersion(tx, { cooperationId: before.cooperationId, agreementId: id, number, text, note, createdBy: authorId(actor) });
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'amend', entity: ENTITY, entityId: id, before: { currentTextVersion: before.currentTextVersion }, after: { currentTextVersion: number, note }, scope: rowAuditScope(ENTITY, after) });
        return after;
      });
      return present(actor, row);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadManageable(tx, actor, id);
        if (await agreementRepository.hasChildren(tx, id)) {
          throw new AppError('agreement.has_children', 409, 'Delete or move the agreements signed under this one first');
        }
        const tasks = await agreementRepository.dependentTaskCount(tx, id, rowScope(actor, before.cooperationId));
        if (tasks.all > 0) throw referencedByTasks('agreement.has_tasks', 'refer to this agreement or its clauses', tasks);
        if (!(await agreementRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before, scope: rowAuditScope(ENTITY, before) });
      });
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
