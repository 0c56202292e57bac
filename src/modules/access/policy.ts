import { forbidden, notFound } from '../../app-error.ts';
import type { Actor, MembershipRole } from './actor.ts';

/**
 * The one place that says who may see and change what. Services call these
 * before acting; repositories take `visibleCooperationScope` to filter lists,
 * so a row a user may not see never leaves the database.
 */

export interface CooperationScope {
  /** null: every cooperation (platform admin). */
  memberOf: string[] | null;
  includePublic: boolean;
}

export function visibleCooperationScope(actor: Actor | null): CooperationScope {
  if (!actor) return { memberOf: [], includePublic: true };
  if (actor.isAdmin) return { memberOf: null, includePublic: true };
  return { memberOf: [...new Set(actor.memberships.map((m) => m.cooperationId))], includePublic: true };
}

export function rolesIn(actor: Actor | null, cooperationId: string): MembershipRole[] {
  if (!actor) return [];
  return actor.memberships.filter((m) => m.cooperationId === cooperationId).map((m) => m.role);
}

export function isMember(actor: Actor | null, cooperationId: string): boolean {
  return !!actor && (actor.isAdmin || rolesIn(actor, cooperationId).length > 0);
}

/** Reading a cooperation: its members, admins, and anyone when it is public. */
export function assertCanReadCooperation(
  actor: Actor | null,
  cooperation: { id: string; visibility: string },
): void {
  if (cooperation.visibility === 'public' || isMember(actor, cooperation.id)) return;
  // Not revealing that the cooperation exists.
  throw notFound('cooperation', cooperation.id);
}

/** Structure of a cooperation (parties, agreements, clauses) is kept by the cooperation offices. */
export function assertCanManageCooperation(actor: Actor | null, cooperation: { id: string; visibility: string }): void {
  assertCanReadCooperation(actor, cooperation);
  if (actor?.isAdmin || rolesIn(actor, cooperation.id).includes('coordinator')) return;
  throw forbidden('Only the cooperation offices of the parties may change this cooperation');
}

export function assertAdmin(actor: Actor | null): void {
  if (!actor?.isAdmin) throw forbidden('Only a platform administrator may do this');
}

/** Creating cooperations and units: admins, and coordinators of any cooperation (who register new agreements). */
export function assertCanRegister(actor: Actor | null): void {
  if (actor?.isAdmin) return;
  if (actor?.memberships.some((m) => m.role === 'coordinator')) return;
  throw forbidden('Only a cooperation office or an administrator may register this');
}

/**
 * A row inside a visible cooperation: members see what is shared with the
 * parties; everyone else sees only rows marked public.
 */
export function canReadRow(actor: Actor | null, cooperationId: string, rowVisibility: string): boolean {
  return rowVisibility === 'public' || isMember(actor, cooperationId);
}

/** Whether the actor is on the given side of a cooperation, in any role. */
export function isOnSide(actor: Actor | null, cooperationId: string, partyId: string): boolean {
  return !!actor && actor.memberships.some((m) => m.cooperationId === cooperationId && m.partyId === partyId);
}

/**
 * Tasks: shared with the parties by default; a one-sided task marked 'side'
 * is seen only by its owner side (and platform admins).
 */
export function canReadTask(
  actor: Actor | null,
  task: { cooperationId: string; visibility: string; joint: boolean; ownerPartyId: string | null },
): boolean {
  if (task.visibility === 'side') {
    if (actor?.isAdmin) return true;
    return !!task.ownerPartyId && isOnSide(actor, task.cooperationId, task.ownerPartyId);
  }
  return canReadRow(actor, task.cooperationId, task.visibility);
}
