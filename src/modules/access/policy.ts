import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { badRequest, forbidden, notFound } from '../../app-error.ts';
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
  // An API token reaches its own cooperation and nothing else, public or not.
  if (actor.token) return { memberOf: [actor.token.cooperationId], includePublic: false };
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
  const tokenElsewhere = !!actor?.token && actor.token.cooperationId !== cooperation.id;
  if (!tokenElsewhere && (cooperation.visibility === 'public' || isMember(actor, cooperation.id))) return;
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
  if (actor?.token) throw forbidden('An API token works inside its cooperation only');
  if (actor?.isAdmin) return;
  if (actor?.memberships.some((m) => m.role === 'coordinator')) return;
  throw forbidden('Only a cooperation office or an administrator may register this');
}

/**
 * A row inside a visible cooperation: everyone sees rows marked public,
 * members see what is shared with the parties, and a 'side' row is seen by
 * its owning side only (never by observers; an owner-less side row by admins only).
 */
export function canReadRow(actor: Actor | null, cooperationId: string, rowVisibility: string, ownerPartyId?: string | null): boolean {
  if (rowVisibility === 'public') return true;
  if (rowVisibility === 'side') return !!actor?.isAdmin || (!!ownerPartyId && seesSide(actor, cooperationId, ownerPartyId));
  return isMember(actor, cooperationId);
}

/** Whether the actor sees one side's own ('side') rows: admins, and that side's members except observers. */
export function seesSide(actor: Actor | null, cooperationId: string, partyId: string): boolean {
  if (actor?.isAdmin) return true;
  return !!actor && actor.memberships.some((m) => m.cooperationId === cooperationId && m.partyId === partyId && m.role !== 'observer');
}

/** The sides of a cooperation whose 'side' rows the actor sees. */
export function sidesSeen(actor: Actor | null, cooperationId: string): string[] {
  if (!actor) return [];
  return [...new Set(actor.memberships.filter((m) => m.cooperationId === cooperationId && m.role !== 'observer').map((m) => m.partyId))];
}

/** What rows of one cooperation the actor sees, as data: `canReadRow` for lists. */
export interface RowScope {
  all: boolean;
  member: boolean;
  sides: string[];
}

export function rowScope(actor: Actor | null, cooperationId: string): RowScope {
  return { all: !!actor?.isAdmin, member: isMember(actor, cooperationId), sides: sidesSeen(actor, cooperationId) };
}

/** `canReadRow` as an SQL condition on a table's visibility and owner columns; undefined means every row. */
export function rowScopeCondition(scope: RowScope, columns: { visibility: PgColumn; ownerPartyId: PgColumn }): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [eq(columns.visibility, 'public')];
  if (scope.member) parts.push(eq(columns.visibility, 'parties'));
  if (scope.sides.length) parts.push(and(eq(columns.visibility, 'side'), inArray(columns.ownerPartyId, scope.sides)) ?? sql`false`);
  return or(...parts);
}

/** A row the actor must be able to see: otherwise it answers 404, as if it did not exist. */
export function assertCanReadRow(
  actor: Actor | null,
  entity: string,
  row: { id: string; cooperationId: string; visibility: string; ownerPartyId?: string | null },
): void {
  if (!canReadRow(actor, row.cooperationId, row.visibility, row.ownerPartyId)) throw notFound(entity, row.id);
}

/**
 * The side a new row is registered for: the one asked for (a party where the
 * actor is a coordinator, or any party for an admin), else the actor's own
 * coordinating side. A 'side' row without a side would be seen by no one.
 */
export function ownerPartyForNewRow(
  actor: Actor,
  cooperation: { id: string; partyIds: string[] },
  requested: string | null | undefined,
  visibility: string,
): string | null {
  const own = actor.memberships.filter((m) => m.cooperationId === cooperation.id && m.role === 'coordinator').map((m) => m.partyId);
  if (requested) {
    if (!cooperation.partyIds.includes(requested)) throw notFound('party', requested);
    if (!actor.isAdmin && !own.includes(requested)) throw forbidden('A cooperation office registers rows for its own side only');
    return requested;
  }
  const owner = own[0] ?? null;
  if (!owner && visibility === 'side') throw badRequest('visibility.owner_required', "Name the side (ownerPartyId) a 'side' row belongs to");
  return owner;
}

/** One side's own settings (its party record, its members) are changed by that side's office or an admin. */
export function assertCanManageSide(actor: Actor | null, cooperation: { id: string; visibility: string }, partyId: string): void {
  assertCanManageCooperation(actor, cooperation);
  if (actor?.isAdmin) return;
  if (actor?.memberships.some((m) => m.cooperationId === cooperation.id && m.partyId === partyId && m.role === 'coordinator')) return;
  throw forbidden("Only that side's cooperation office may change this");
}

/** Read-only API tokens never write, whatever the user behind them may do. */
export function assertTokenMayWrite(actor: Actor | null): void {
  if (actor?.token && actor.token.scope !== 'write') throw forbidden('This API token is read-only');
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
  return canReadRow(actor, task.cooperationId, task.visibility, task.ownerPartyId);
}

/**
 * What a notification is about (a task, a report, …): the same rule as for
 * tasks, so a reminder never tells someone about a row they could not open.
 */
export function canReadSubject(
  actor: Actor | null,
  cooperationId: string,
  subject: { visibility: string; partyId?: string | null | undefined },
): boolean {
  return canReadTask(actor, { cooperationId, visibility: subject.visibility, joint: subject.visibility !== 'side', ownerPartyId: subject.partyId ?? null });
}

/** The audit trail of a cooperation: its cooperation offices and leaders, and platform admins. */
export function assertCanReadCooperationAudit(actor: Actor | null, cooperation: { id: string; visibility: string }): void {
  assertCanReadCooperation(actor, cooperation);
  if (actor?.isAdmin) return;
  const roles = rolesIn(actor, cooperation.id);
  if (roles.includes('coordinator') || roles.includes('leader')) return;
  throw forbidden('Only the cooperation offices, leaders and administrators may read the audit trail');
}

/**
 * Audit entries of a cooperation about a one-sided ('side') row are seen
 * only by that side: `rowScope` as a condition on the logged before/after
 * states, whose owning side is their ownerPartyId or partyId.
 */
export function auditScopeCondition(scope: RowScope, columns: { before: PgColumn; after: PgColumn }): SQL | undefined {
  if (scope.all) return undefined;
  const sides = sql`array[${sql.join([sql`''`, ...scope.sides.map((s) => sql`${s}`)], sql`, `)}]::text[]`;
  const seen = (state: PgColumn) =>
    sql`((${state} ->> 'visibility') is distinct from 'side' or coalesce(${state} ->> 'ownerPartyId', ${state} ->> 'partyId') = any(${sides}))`;
  return and(seen(columns.before), seen(columns.after));
}
