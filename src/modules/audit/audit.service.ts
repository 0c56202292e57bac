import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { assertAdmin, assertCanReadCooperationAudit, auditReader } from '../access/policy.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { auditRepository, type AuditFilter, type AuditRow } from './audit.repository.ts';
import { withoutStorageKeys } from './audit.recorder.ts';

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
