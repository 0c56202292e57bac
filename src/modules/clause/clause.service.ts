import { AppError, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { rowAuditScope, rowScope } from '../access/policy.ts';
import { agreementRepository } from '../agreement/agreement.repository.ts';
import { referencedByTasks, type AgreementService } from '../agreement/agreement.service.ts';
import { audit } from '../audit/audit.recorder.ts';
import { buildClauseTree, subtreeIds, wouldCycle } from './clause-tree.ts';
import { clauseRepository, type ClauseRow, type NewClause } from './clause.repository.ts';

const ENTITY = 'clause';

export type ClauseInput = Pick<NewClause, 'level' | 'title'> &
  Partial<Pick<NewClause, 'parentId' | 'label' | 'body' | 'ordinal' | 'spanStart' | 'spanEnd'>>;

function assertSpan(span: { spanStart?: number | null | undefined; spanEnd?: number | null | undefined }) {
  const { spanStart, spanEnd } = span;
  if ((spanStart === null || spanStart === undefined) !== (spanEnd === null || spanEnd === undefined)) {
    throw new AppError('clause.invalid_span', 400, 'spanStart and spanEnd go together');
  }
  if (typeof spanStart === 'number' && typeof spanEnd === 'number' && spanEnd < spanStart) {
    throw new AppError('clause.invalid_span', 400, 'spanEnd must not be before spanStart');
  }
}

/** A re-marked span must lie in the text in force, or it would point at nothing. */
async function assertSpanInText(tx: Db, agreementId: string, spanEnd: number) {
  const agreement = await agreementRepository.get(tx, agreementId);
  const text = agreement ? await agreementRepository.getVersion(tx, agreementId, agreement.currentTextVersion) : undefined;
  if (spanEnd > (text?.text.length ?? 0)) throw new AppError('clause.invalid_span', 400, 'The span runs past the end of the text');
}

const strip = (row: ClauseRow) => ({
  id: row.id,
  agreementId: row.agreementId,
  parentId: row.parentId,
  level: row.level,
  label: row.label,
  title: row.title,
  body: row.body,
  ordinal: row.ordinal,
  spanStart: row.spanStart,
  spanEnd: row.spanEnd,
  version: row.version,
});

export function createClauseService(db: Db, agreements: AgreementService) {
  /** The agreement the clause belongs to, after checking the actor may change it. */
  async function manageable(tx: Db, actor: Actor, agreementId: string) {
    return agreements.loadManageable(tx, actor, agreementId);
  }

  /** The clause to change and its agreement, whose visibility its audit entries follow. */
  async function loadClause(tx: Db, actor: Actor, id: string) {
    const clause = await clauseRepository.get(tx, id);
    if (!clause) throw notFound(ENTITY, id);
    const agreement = await missingAs(ENTITY, id, () => manageable(tx, actor, clause.agreementId));
    return { before: clause, scope: rowAuditScope('agreement', agreement) };
  }

  async function assertParent(tx: Db, agreementId: string, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    const parent = await clauseRepository.get(tx, parentId);
    if (!parent || parent.agreementId !== agreementId) throw notFound(ENTITY, parentId);
    if (selfId && wouldCycle(await clauseRepository.listByAgreement(tx, agreementId), selfId, parentId)) {
      throw new AppError('clause.cycle', 400, 'A clause cannot be moved beneath itself');
    }
  }

  return {
    async tree(actor: Actor | null, agreementId: string) {
      await agreements.loadReadable(actor, agreementId);
      return buildClauseTree((await clauseRepository.listByAgreement(db, agreementId)).map(strip));
    },

    /** The tree with what the web may offer on it: clauses are edited by whoever edits their agreement. */
    async treeWithRights(actor: Actor | null, agreementId: string) {
      const agreement = await agreements.loadReadable(actor, agreementId);
      const items = buildClauseTree((await clauseRepository.listByAgreement(db, agreementId)).map(strip));
      return { items, can: agreements.canFor(actor, agreement.cooperationId) };
    },

    /** Inside the caller's transaction: ingestion and seeding write whole trees at once. */
    async createIn(tx: Db, actor: Actor, agreementId: string, input: ClauseInput): Promise<ClauseRow> {
      const agreement = await manageable(tx, actor, agreementId);
      assertSpan(input);
      await assertParent(tx, agreementId, input.parentId);
      const ordinal = input.ordinal ?? (await clauseRepository.nextOrdinal(tx, agreementId, input.parentId ?? null));
      const row = await clauseRepository.insert(tx, { ...input, ordinal, agreementId, cooperationId: agreement.cooperationId });
      await audit(tx, actor, { cooperationId: agreement.cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: row, scope: rowAuditScope('agreement', agreement) });
      return row;
    },

    async create(actor: Actor, agreementId: string, input: ClauseInput) {
      return strip(await writeTransaction(db, ENTITY, (tx) => this.createIn(tx, actor, agreementId, input)));
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<NewClause>) {
      return strip(
        await writeTransaction(db, ENTITY, async (tx) => {
          const { before, scope } = await loadClause(tx, actor, id);
          const span = { spanStart: patch.spanStart === undefined ? before.spanStart : patch.spanStart, spanEnd: patch.spanEnd === undefined ? before.spanEnd : patch.spanEnd };
          assertSpan(span);
          if (typeof patch.spanEnd === 'number') await assertSpanInText(tx, before.agreementId, patch.spanEnd);
          const after = await clauseRepository.update(tx, id, version, patch);
          if (!after) throw staleVersion(ENTITY, before.version);
          await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after, scope });
          return after;
        }),
      );
    },

    /** Re-nests a clause (drag in the tree): new parent and place among its siblings. */
    async move(actor: Actor, id: string, version: number, parentId: string | null, ordinal: number) {
      return strip(
        await writeTransaction(db, ENTITY, async (tx) => {
          const { before, scope } = await loadClause(tx, actor, id);
          await assertParent(tx, before.agreementId, parentId, id);
          const after = await clauseRepository.update(tx, id, version, { parentId, ordinal });
          if (!after) throw staleVersion(ENTITY, before.version);
          await audit(tx, actor, { cooperationId: before.cooperationId, action: 'move', entity: ENTITY, entityId: id, before, after, scope });
          return after;
        }),
      );
    },

    /** Sets the order of all children of one parent; the list must name exactly those children. */
    async reorder(actor: Actor, agreementId: string, parentId: string | null, orderedIds: string[]) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const agreement = await manageable(tx, actor, agreementId);
        const siblings = (await clauseRepository.listByAgreement(tx, agreementId)).filter((c) => c.parentId === parentId);
        const expected = new Set(siblings.map((s) => s.id));
        if (orderedIds.length !== expected.size || new Set(orderedIds).size !== orderedIds.length || !orderedIds.every((id) => expected.has(id))) {
          throw new AppError('clause.reorder_mismatch', 400, 'orderedIds must list every child of that parent exactly once', {
            expected: [...expected],
          });
        }
        for (const [ordinal, id] of orderedIds.entries()) await clauseRepository.setOrdinal(tx, id, ordinal);
        await audit(tx, actor, { cooperationId: agreement.cooperationId, action: 'reorder', entity: 'agreement', entityId: agreementId, before: siblings.map((s) => s.id), after: orderedIds, scope: rowAuditScope('agreement', agreement) });
      });
      return this.tree(actor, agreementId);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const { before, scope } = await loadClause(tx, actor, id);
        const removed = subtreeIds(await clauseRepository.listByAgreement(tx, before.agreementId), id);
        const tasks = await clauseRepository.taskCountFor(tx, removed, rowScope(actor, before.cooperationId));
        if (tasks.all > 0) throw referencedByTasks('clause.has_tasks', 'serve this clause or a clause beneath it', tasks);
        if (!(await clauseRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before, scope });
      });
    },
  };
}

export type ClauseService = ReturnType<typeof createClauseService>;
