import type { Db } from '../../db/client.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { assertAdmin, assertCanReadCooperationAudit, auditReader, cooperationWideAudit, type AuditScope, type AuditScopeType, type ScopedRow } from '../access/policy.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { auditRepository, auditHash, GENESIS_HASH, type AuditFilter, type AuditRow } from './audit.repository.ts';

interface Change {
  action: 'create' | 'update' | 'delete' | string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** A change inside a cooperation names who may read its entry there: those who may read the row it is about. One outside any (users, regions) is read by admins only and needs none. */
export type AuditedChange = Change & ({ cooperationId: string; scope: AuditScope } | { cooperationId: null; scope?: AuditScope | undefined });

/**
 * Where an evidence file lies in the store is the server's own business: it
 * leaves neither in the log nor, for entries written before this rule, in an
 * answer. The stored entry keeps it there, so its hash still holds.
 */
function withoutStorageKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStorageKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'storageKey').map(([key, v]) => [key, withoutStorageKeys(v)]));
}

/** Called inside the service's transaction, so the change and its record commit together. */
export function audit(tx: Db, actor: Actor | null, change: AuditedChange): Promise<void> {
  return auditRepository.append(tx, {
    actorId: authorId(actor),
    cooperationId: change.cooperationId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: withoutStorageKeys(change.before ?? null),
    after: withoutStorageKeys(change.after ?? null),
    scope: change.scope ?? cooperationWideAudit,
  });
}

/**
 * A live row's entries (its own and those of what hangs under it) are read as
 * the row is now: called where its visibility or side may change, inside that
 * change's transaction. A deleted row's entries keep its scope at deletion.
 */
export async function followRowScope(
  tx: Db,
  type: AuditScopeType,
  before: Omit<ScopedRow, 'id'>,
  after: ScopedRow,
): Promise<void> {
  if (before.visibility === after.visibility && before.ownerPartyId === after.ownerPartyId) return;
  await auditRepository.rescope(tx, type, after);
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


/** The words a row is known by — a task's title, a cooperation's name — from what it became, or what it was. */
function subjectOf(entry: AuditRow): string | null {
  for (const state of [entry.after, entry.before]) {
    if (typeof state !== 'object' || state === null) continue;
    for (const key of ['title', 'name', 'label', 'displayName', 'username']) {
      const value: unknown = (state as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) return value;
    }
  }
  return null;
}

const presentEntry = ({ entry, actorUsername, actorName, scopeTitle }: { entry: AuditRow; actorUsername: string | null; actorName: string | null; scopeTitle: string | null }) => ({
  seq: entry.seq,
  at: entry.at.toISOString(),
  actorId: entry.actorId,
  /** null: written by the system (seeding, jobs). */
  actorUsername,
  actorName,
  subject: subjectOf(entry) ?? scopeTitle,
  cooperationId: entry.cooperationId,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId,
  before: withoutStorageKeys(entry.before),
  after: withoutStorageKeys(entry.after),
});

/** Reading the audit trail: one cooperation's for its offices and leaders, everything for admins. */
export function createAuditService(db: Db, cooperations: CooperationService) {
  return {
    async forCooperation(actor: Actor, cooperationId: string, filter: AuditFilter) {
      const cooperation = await cooperations.load(actor, cooperationId);
      assertCanReadCooperationAudit(actor, cooperation);
      const { items, total } = await auditRepository.listForView(db, { ...filter, cooperation: { id: cooperationId, reader: auditReader(actor, cooperationId) } });
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
