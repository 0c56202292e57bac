import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, isNull, lt, type SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, auditLog, users } from '../../db/schema/core.ts';
import { tasks } from '../../db/schema/work.ts';
import { auditScopeCondition, type AuditReader, type AuditScope, type AuditScopeType, type ScopedRow } from '../access/policy.ts';

export interface AuditEntry {
  actorId: string | null;
  cooperationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  scope: AuditScope;
}

export type AuditRow = typeof auditLog.$inferSelect;
/** What the hash covers: the entry, not who may read it. */
type HashedEntry = Pick<AuditRow, 'at' | 'actorId' | 'cooperationId' | 'action' | 'entity' | 'entityId' | 'before' | 'after'>;

export const GENESIS_HASH = '0'.repeat(64);
/** The first key of the advisory locks that serialise appends to a chain (the second names the chain). */
const AUDIT_CHAIN_LOCK = 7_353_202;
export const PLATFORM_CHAIN = 'platform';

/** The chain an entry joins: its cooperation's, or the platform's for users, regions and the like. */
export const chainOf = (entry: { cooperationId: string | null }): string => entry.cooperationId ?? PLATFORM_CHAIN;

/** Key order must not change a hash: JSON with sorted keys. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, row: HashedEntry): string {
  return createHash('sha256')
    .update(prevHash)
    .update(
      canonical({
        at: row.at,
        actorId: row.actorId,
        cooperationId: row.cooperationId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
      }),
    )
    .digest('hex');
}

/** JSON round-trip so the hashed values equal what jsonb gives back. */
const jsonValue = (v: unknown): unknown => (v === undefined ? null : JSON.parse(canonical(v)));

/** What the audit views filter by: the API's query. */
export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const auditRepository = {
  async append(tx: Db, entry: AuditEntry): Promise<void> {
    // One lock per chain, held to commit: appends to one cooperation's chain run one after another, other
    // cooperations' do not wait. Two chains whose names hash alike share a lock, which only serialises them.
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}, hashtext(${chainOf(entry)}))`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(and(eq(auditLog.chain, 'cooperation'), entry.cooperationId ? eq(auditLog.cooperationId, entry.cooperationId) : isNull(auditLog.cooperationId)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    // Milliseconds only: what timestamptz keeps must be what was hashed.
    const at = new Date();
    const row = {
      at,
      actorId: entry.actorId,
      cooperationId: entry.cooperationId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: jsonValue(entry.before),
      after: jsonValue(entry.after),
    };
    const { subject, heldBy } = entry.scope;
    await tx.insert(auditLog).values({
      ...row,
      prevHash,
      hash: auditHash(prevHash, row),
      scopeType: subject?.type ?? null,
      scopeId: subject?.id ?? null,
      scopeVisibility: subject?.visibility ?? null,
      scopePartyId: subject?.ownerPartyId ?? null,
      heldByUserId: heldBy?.userId ?? null,
      heldByOrganizationId: heldBy?.organizationId ?? null,
      heldByPartyId: heldBy?.partyId ?? null,
    });
  },

  /** A live row's entries are read as the row is: when its visibility or side changes, so does theirs. */
  async rescope(tx: Db, type: AuditScopeType, row: ScopedRow): Promise<void> {
    await tx
      .update(auditLog)
      .set({ scopeVisibility: row.visibility, scopePartyId: row.ownerPartyId })
      .where(and(eq(auditLog.scopeType, type), eq(auditLog.scopeId, row.id)));
  },

  async listPage(db: Db, filter: { afterSeq: number; limit: number; where?: SQL }): Promise<AuditRow[]> {
    const conditions = [gt(auditLog.seq, filter.afterSeq)];
    if (filter.where) conditions.push(filter.where);
    return db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(asc(auditLog.seq))
      .limit(filter.limit);
  },

  /** Newest first, with the actor's username; one cooperation's entries as far as the reader may see them (`auditScopeCondition`), or all. */
  async listForView(
    db: Db,
    filter: AuditFilter & { cooperation?: { id: string; reader: AuditReader } | undefined },
  ) {
    const conditions: (SQL | undefined)[] = [];
    if (filter.cooperation) {
      conditions.push(eq(auditLog.cooperationId, filter.cooperation.id));
      conditions.push(auditScopeCondition(filter.cooperation.reader, auditLog));
    }
    if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
    if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
    if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
    if (filter.from) conditions.push(gte(auditLog.at, new Date(filter.from)));
    if (filter.to) conditions.push(lt(auditLog.at, new Date(filter.to)));
    const where = and(...conditions);
    const [items, [total]] = await Promise.all([
      db
        .select({ entry: auditLog, actorUsername: users.username, actorName: users.displayName, scopeTitle: sql<string | null>`coalesce(${tasks.title}, ${agreements.title})` })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        // The task or agreement an entry belongs to names it when the row has no name of its own (a report, a
        // milestone); the reader sees the entry only if they may see that row, so its title is theirs to read.
        .leftJoin(tasks, and(eq(auditLog.scopeType, 'task'), eq(tasks.id, auditLog.scopeId)))
        .leftJoin(agreements, and(eq(auditLog.scopeType, 'agreement'), eq(agreements.id, auditLog.scopeId)))
        .where(where)
        .orderBy(desc(auditLog.seq))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
};
