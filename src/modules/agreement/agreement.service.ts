import { AppError, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { canReadRow } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { agreementRepository, type AgreementRow, type NewAgreement } from './agreement.repository.ts';

const ENTITY = 'agreement';

export type CreateAgreementInput = Omit<NewAgreement, 'id' | 'cooperationId' | 'currentTextVersion' | 'version' | 'createdAt' | 'updatedAt'> & {
  text: string;
};

const presentVersion = (v: { number: number; note: string; createdAt: Date }) => ({
  number: v.number,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
});

export function createAgreementService(db: Db, cooperations: CooperationService) {
  async function loadReadable(actor: Actor | null, id: string): Promise<AgreementRow> {
    const row = await agreementRepository.get(db, id);
    if (!row) throw notFound(ENTITY, id);
    await cooperations.load(actor, row.cooperationId);
    if (!canReadRow(actor, row.cooperationId, row.visibility)) throw notFound(ENTITY, id);
    return row;
  }

  async function assertParentValid(tx: Db, cooperationId: string, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    if (parentId === selfId) throw new AppError('agreement.parent_cycle', 400, 'An agreement cannot be its own parent');
    const parent = await agreementRepository.get(tx, parentId);
    if (!parent || parent.cooperationId !== cooperationId) throw notFound('agreement', parentId);
    // 1+N is one level deep in practice; walking up still guards against cycles.
    let cursor: AgreementRow | undefined = parent;
    for (let depth = 0; cursor?.parentId && depth < 20; depth++) {
      if (cursor.parentId === selfId) throw new AppError('agreement.parent_cycle', 400, 'That parent would make a cycle');
      cursor = await agreementRepository.get(tx, cursor.parentId);
    }
  }

  async function present(row: AgreementRow) {
    const [current, versions, clauseCount] = await Promise.all([
      agreementRepository.getVersion(db, row.id, row.currentTextVersion),
      agreementRepository.versions(db, row.id),
      agreementRepository.clauseCount(db, row.id),
    ]);
    return { ...row, clauseCount, text: current?.text ?? '', textVersions: versions.map(presentVersion) };
  }

  return {
    loadReadable,

    async list(actor: Actor | null, cooperationId: string) {
      await cooperations.load(actor, cooperationId);
      const rows = await agreementRepository.listByCooperation(db, cooperationId);
      return rows.filter((r) => canReadRow(actor, cooperationId, r.visibility));
    },

    async get(actor: Actor | null, id: string) {
      return present(await loadReadable(actor, id));
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
      await assertParentValid(tx, cooperationId, input.parentId);
      const { text, ...fields } = input;
      const row = await agreementRepository.insert(tx, { ...fields, cooperationId, currentTextVersion: 1 });
      await agreementRepository.insertVersion(tx, { cooperationId, agreementId: row.id, number: 1, text, note: '', createdBy: authorId(actor) });
      await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: { ...row, textLength: text.length } });
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: CreateAgreementInput) {
      const row = await writeTransaction(db, ENTITY, (tx) => this.createIn(tx, actor, cooperationId, input));
      return present(row);
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<NewAgreement>) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await agreementRepository.get(tx, id);
        if (!before) throw notFound(ENTITY, id);
        await cooperations.loadForManagement(tx, actor, before.cooperationId);
        if (patch.parentId !== undefined) await assertParentValid(tx, before.cooperationId, patch.parentId, id);
        const after = await agreementRepository.update(tx, id, version, patch);
        if (!after) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after });
        return after;
      });
      return present(row);
    },

    /** An amendment is a new text version; the earlier versions stay readable. */
    async amend(actor: Actor, id: string, version: number, text: string, note: string) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await agreementRepository.get(tx, id);
        if (!before) throw notFound(ENTITY, id);
        await cooperations.loadForManagement(tx, actor, before.cooperationId);
        const number = before.currentTextVersion + 1;
        const after = await agreementRepository.update(tx, id, version, { currentTextVersion: number });
        if (!after) throw staleVersion(ENTITY, before.version);
        await agreementRepository.insertVersion(tx, { cooperationId: before.cooperationId, agreementId: id, number, text, note, createdBy: authorId(actor) });
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'amend', entity: ENTITY, entityId: id, before: { currentTextVersion: before.currentTextVersion }, after: { currentTextVersion: number, note } });
        return after;
      });
      return present(row);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await agreementRepository.get(tx, id);
        if (!before) throw notFound(ENTITY, id);
        await cooperations.loadForManagement(tx, actor, before.cooperationId);
        if (await agreementRepository.hasChildren(tx, id)) {
          throw new AppError('agreement.has_children', 409, 'Delete or move the agreements signed under this one first');
        }
        if (!(await agreementRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before });
      });
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
