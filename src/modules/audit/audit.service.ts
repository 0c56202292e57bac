import type { Db } from '../../db/client.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { assertAdmin, assertCanReadCooperationAudit, rowScope } from '../access/policy.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { auditRepository, auditHash, GENESIS_HASH, type AuditRow } from './audit.repository.ts';

export interface AuditedChange {
  cooperationId: string | null;
  action: 'create' | 'update' | 'delete' | string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Called inside the service's transaction, so the change and its record commit together. */
export function audit(tx: Db, actor: Actor | null, change: AuditedChange): Promise<void> {
  return auditRepository.append(tx, {
    actorId: authorId(actor),
    cooperationId: change.cooperationId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBreak: { seq: number; reason: string } | null;
}

/** Walks the whole chain in pages; reports the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const page: AuditRow[] = await auditRepository.listPage(db, { afterSeq, limit: pageSize });
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBreak: { seq: row.seq, reason: 'link to the previous entry does not match' } };
      }
      if (auditHash(row.prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBreak: { seq: row.seq, reason: 'entry was altered after it was written' } };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
      checked++;
    }
    if (page.length < pageSize) return { ok: true, checked, firstBreak: null };
  }
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  page: number;
  pageSize: number;
}

const presentEntry = ({ entry, actorUsername }: { entry: AuditRow; actorUsername: string | null }) => ({
  seq: entry.seq,
  at: entry.at.toISOString(),
  actorId: entry.actorId,
  /** null: written by the system (seeding, jobs). */
  actorUsername,
  cooperationId: entry.cooperationId,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId,
  before: entry.before,
  after: entry.after,
});

/** Reading the audit trail: one cooperation's for its offices and leaders, everything for admins. */
export function createAuditService(db: Db, cooperations: CooperationService) {
  return {
    async forCooperation(actor: Actor, cooperationId: string, filter: AuditFilter) {
      const cooperation = await cooperations.load(actor, cooperationId);
      assertCanReadCooperationAudit(actor, cooperation);
      const { items, total } = await auditRepository.listForView(db, { ...filter, cooperation: { id: cooperationId, scope: rowScope(actor, cooperationId) } });
      return { items: items.map(presentEntry), total };
    },

    async all(actor: Actor, filter: AuditFilter) {
      assertAdmin(actor);
      const { items, total } = await auditRepository.listForView(db, filter);
      return { items: items.map(presentEntry), total };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
