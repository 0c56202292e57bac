import type { Db } from '../../db/client.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { cooperationWideAudit, type AuditScope, type AuditScopeType, type ScopedRow } from '../access/policy.ts';
import { auditRepository } from './audit.repository.ts';

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
export function withoutStorageKeys(value: unknown): unknown {
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
