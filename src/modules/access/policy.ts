import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError, badRequest, forbidden, notFound } from '../../app-error.ts';
import type { AUDIT_SCOPE_TYPES, VISIBILITIES } from '../../db/schema/core.ts';
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
  if (managesCooperation(actor, cooperation.id)) return;
  throw forbidden('Only the cooperation offices of the parties may change this cooperation');
}

/** The cooperation's offices (协调办) and platform admins run a cooperation. */
const managesCooperation = (actor: Actor | null, cooperationId: string): boolean =>
  !!actor?.isAdmin || rolesIn(actor, cooperationId).includes('coordinator');

/** A read-only API token acts for its user on reads only. */
const isReadOnlyToken = (actor: Actor | null): boolean => !!actor?.token && actor.token.scope !== 'write';

/** `assertCanManageCooperation` as a flag for the web (a read-only token manages nothing): whether to offer editing at all. */
export function canManageCooperation(actor: Actor | null, cooperationId: string): boolean {
  return !isReadOnlyToken(actor) && managesCooperation(actor, cooperationId);
}

export function assertAdmin(actor: Actor | null): void {
  if (!actor?.isAdmin) throw forbidden('Only a platform administrator may do this');
}

/** Deleting a whole cooperation (with everything of every side in it): an administrator, signed in or with a write token. */
export const canDeleteCooperation = (actor: Actor | null): boolean => !isReadOnlyToken(actor) && !!actor?.isAdmin;

/** `assertAdmin` as a flag for the web: whether to offer the admin area (users). A token never carries administrator rights. */
export const canAdminister = (actor: Actor | null): boolean => !!actor?.isAdmin && !actor.token;

/** `assertCanRegister` as a flag for the web: whether to offer importing a text or setting up a cooperation. */
export const canRegister = (actor: Actor | null): boolean =>
  !!actor && !actor.token && (actor.isAdmin || !!actor.isOffice || actor.memberships.some((m) => m.role === 'coordinator'));

/**
 * Creating cooperations and units: admins, users an admin appointed cooperation offices, and coordinators of any
 * cooperation (who register new agreements).
 */
export function assertCanRegister(actor: Actor | null): void {
  if (actor?.token) throw forbidden('An API token works inside its cooperation only');
  if (actor?.isAdmin || actor?.isOffice) return;
  if (actor?.memberships.some((m) => m.role === 'coordinator')) return;
  throw forbidden('Only a cooperation office or an administrator may register this');
}

/**
 * Whom a new cooperation makes an office (协调办) of which side: its creator
 * of the side whose region holds the creator's own unit (`ownSideId`), never
 * of another city's. An administrator manages every cooperation and speaks
 * for no side, so becomes none. A creator whose unit is on none of the sides
 * would register a cooperation it could not work in.
 */
export function creatorOfficeSide(actor: Actor, ownSideId: string | null): string | null {
  if (actor.isAdmin) return null;
  if (ownSideId) return ownSideId;
  throw new AppError('cooperation.no_own_side', 403, "Your unit's region is none of the parties; a cooperation office creates cooperations of its own region, an administrator any");
}

/**
 * Naming another side's office when a cooperation is created: that side has
 * none yet, so its creator may propose one, but only a user whose own unit is
 * in that side's region (`unitOnSide`) and never the creator itself, who
 * would then see that side's own rows.
 */
export function assertCanAppointFirstOffice(
  actor: Actor,
  appointee: { userId: string; unitOnSide: boolean },
  /** Sent back with a refusal, so the form shows it at that side. */
  named: { regionCode: string; username: string },
): void {
  if (appointee.userId === actor.userId) throw badRequest('cooperation.office_self', 'You are the office of your own side only', named);
  if (!appointee.unitOnSide) throw badRequest('cooperation.office_elsewhere', "A side's office is a user of a unit in that side's region", named);
}

/**
 * A side that has no office yet (one left out when the cooperation was created or imported) gets its first one
 * from an office of another side, as at creation: only the coordinator role, and only until the side has an office,
 * which from then on grants its own side's roles itself.
 */
export function canAppointFirstOffice(actor: Actor | null, cooperationId: string, partyId: string, sideHasOffice: boolean): boolean {
  return !sideHasOffice && canManageCooperation(actor, cooperationId) && !canManageSide(actor, cooperationId, partyId);
}

/** The sides, in any cooperation, whose office (协调办) the actor is. */
export const coordinatingPartyIds = (actor: Actor | null): string[] =>
  actor ? [...new Set(actor.memberships.filter((m) => m.role === 'coordinator').map((m) => m.partyId))] : [];

/**
 * An organization is kept by its own region's side: it is registered, renamed
 * and re-kinded by an office of a side whose region holds the organization's
 * region (`ownRegion`), or by an admin. Another region's office may not, and
 * an API token never registers anything.
 */
export function assertCanKeepOrganization(actor: Actor | null, ownRegion: boolean): void {
  assertCanRegister(actor);
  if (actor?.isAdmin || ownRegion) return;
  throw forbidden("Only the cooperation office of the organization's own region, or an administrator, may register or change it");
}

/** `assertCanKeepOrganization` as a flag for the web: whether to offer registering a unit in a region. */
export function canKeepOrganizations(actor: Actor | null, ownRegion: boolean): boolean {
  if (!actor || actor.token) return false;
  return actor.isAdmin || (ownRegion && actor.memberships.some((m) => m.role === 'coordinator'));
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
function seesSide(actor: Actor | null, cooperationId: string, partyId: string): boolean {
  if (actor?.isAdmin) return true;
  return !!actor && actor.memberships.some((m) => m.cooperationId === cooperationId && m.partyId === partyId && m.role !== 'observer');
}

/** The sides of a cooperation whose 'side' rows the actor sees. */
function sidesSeen(actor: Actor | null, cooperationId: string): string[] {
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

/** What rows of many cooperations at once the actor sees (counts on a list of cooperations), as data. */
export interface RowScopeAcross {
  all: boolean;
  /** Cooperations whose 'parties' rows the actor sees. */
  memberOf: string[];
  /** Sides whose 'side' rows the actor sees. */
  sides: string[];
}

export function rowScopeAcross(actor: Actor | null): RowScopeAcross {
  if (!actor) return { all: false, memberOf: [], sides: [] };
  return {
    all: actor.isAdmin,
    memberOf: [...new Set(actor.memberships.map((m) => m.cooperationId))],
    sides: [...new Set(actor.memberships.filter((m) => m.role !== 'observer').map((m) => m.partyId))],
  };
}

/** `canReadRow` as an SQL condition over rows of many cooperations; undefined means every row. */
export function rowScopeAcrossCondition(
  scope: RowScopeAcross,
  columns: { cooperationId: PgColumn; visibility: PgColumn; ownerPartyId: PgColumn },
): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [eq(columns.visibility, 'public')];
  if (scope.memberOf.length) parts.push(and(eq(columns.visibility, 'parties'), inArray(columns.cooperationId, scope.memberOf)) ?? sql`false`);
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

/**
 * A side's party record (its region, display name, coordinating organization;
 * removing it): that side's office or an admin. A side with no office yet (a
 * party just added, the other city of an import) is kept by the cooperation's
 * offices until it has one; otherwise only an administrator could ever name
 * its coordinating organization. Its members are not: appointing a side's
 * office stays with that side or an administrator (assertCanManageSide).
 */
export function canEditParty(actor: Actor | null, cooperationId: string, partyId: string, sideHasOffice: boolean): boolean {
  if (!canManageCooperation(actor, cooperationId)) return false;
  if (actor?.isAdmin || !sideHasOffice) return true;
  return coordinatedSides(actor, cooperationId).includes(partyId);
}

export function assertCanEditParty(actor: Actor | null, cooperation: { id: string; visibility: string }, partyId: string, sideHasOffice: boolean): void {
  assertCanManageCooperation(actor, cooperation);
  if (!canEditParty(actor, cooperation.id, partyId, sideHasOffice)) throw forbidden("Only that side's cooperation office may change its party record");
}

/** `assertCanManageSide` as a flag for the web: whether to offer adding and removing that side's members. */
export function canManageSide(actor: Actor | null, cooperationId: string, partyId: string): boolean {
  if (!canManageCooperation(actor, cooperationId)) return false;
  return !!actor?.isAdmin || coordinatedSides(actor, cooperationId).includes(partyId);
}

/** Who works in a cooperation (its memberships) is shown to its members, not to the public reading a public one. */
export function assertCanSeeMembers(actor: Actor | null, cooperation: { id: string; visibility: string }): void {
  assertCanReadCooperation(actor, cooperation);
  if (!isMember(actor, cooperation.id)) throw forbidden('Only members of the cooperation see who works in it');
}

/**
 * What a person does for all their cooperations at once (their sessions,
 * notification channels, API tokens) is done signed in, never through an API
 * token: a token acts inside its one cooperation only.
 */
export function assertNotApiToken(actor: Actor | null, what: string): void {
  if (actor?.token) throw forbidden(`An API token works inside its cooperation only; ${what} needs a signed-in user`);
}

/**
 * The user's own rows that span cooperations (notifications, memberships):
 * all of them for the signed-in user, only those of its cooperation for an
 * API token. `cooperationId` null means no narrowing.
 */
export function personalScope(actor: Actor): { userId: string; cooperationId: string | null } {
  return { userId: actor.userId, cooperationId: actor.token?.cooperationId ?? null };
}

/** Issuing API tokens for a cooperation: its cooperation offices (协调办) and admins, signed in. */
export function assertCanIssueApiToken(actor: Actor | null, cooperationId: string): void {
  assertNotApiToken(actor, 'managing API tokens');
  if (managesCooperation(actor, cooperationId)) return;
  throw forbidden('Only a cooperation office of this cooperation may issue API tokens for it');
}

/** Read-only API tokens never write, whatever the user behind them may do. */
export function assertTokenMayWrite(actor: Actor | null): void {
  if (isReadOnlyToken(actor)) throw forbidden('This API token is read-only');
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
  if (!canReadCooperationAudit(actor, cooperation.id)) throw forbidden('Only the cooperation offices, leaders and administrators may read the audit trail');
}

/** The offices, leaders and administrators oversee a cooperation: its audit trail and its 督办 overview are theirs to read. */
export function canReadCooperationAudit(actor: Actor | null, cooperationId: string): boolean {
  if (actor?.isAdmin) return true;
  const roles = rolesIn(actor, cooperationId);
  return roles.includes('coordinator') || roles.includes('leader');
}

/**
 * Who may read an audit entry: whoever may read the row it is about, written
 * with the entry and kept in step with a live row's visibility. `subject` is the
 * row whose visibility decides (`canReadRow`): a task for its milestones,
 * reports, comments, evidence and 督办 notices; an agreement for its clauses;
 * null for what every reader of the cooperation's audit sees (parties,
 * memberships, periods). `heldBy` is set while the row is not shared: a
 * draft report is its unit's (`canReadReport`), an API token its user's.
 */
export interface AuditScope {
  subject: ({ type: AuditScopeType } & ScopedRow) | null;
  heldBy: { userId: string | null; organizationId: string | null; partyId: string | null } | null;
}

export type AuditScopeType = (typeof AUDIT_SCOPE_TYPES)[number];

/** A row whose visibility audit entries follow. */
export interface ScopedRow {
  id: string;
  visibility: (typeof VISIBILITIES)[number];
  ownerPartyId: string | null;
}

export const cooperationWideAudit: AuditScope = { subject: null, heldBy: null };

export const rowAuditScope = (type: AuditScopeType, row: ScopedRow): AuditScope => ({
  subject: { type, id: row.id, visibility: row.visibility, ownerPartyId: row.ownerPartyId },
  heldBy: null,
});

/** A report's entries as the report is seen: as far as its task, and a draft only by those who write it. */
export function reportAuditScope(report: Pick<ReportAccess, 'partyId' | 'organizationId' | 'authorId' | 'status'>, task: ScopedRow): AuditScope {
  return {
    ...rowAuditScope('task', task),
    heldBy: report.status === 'draft' ? { userId: report.authorId, organizationId: report.organizationId, partyId: report.partyId } : null,
  };
}

/** Someone's own row (an API token): theirs and the admins'. */
export const personalAuditScope = (userId: string): AuditScope => ({ subject: null, heldBy: { userId, organizationId: null, partyId: null } });

/** What the reader brings to `auditScopeCondition`. */
export interface AuditReader {
  rows: RowScope;
  userId: string | null;
  organizationId: string | null;
  /** Sides of the cooperation the reader is on, in any role (`isOnSide`). */
  sidesOn: string[];
}

export function auditReader(actor: Actor | null, cooperationId: string): AuditReader {
  return {
    rows: rowScope(actor, cooperationId),
    userId: actor?.userId ?? null,
    organizationId: actor?.organizationId ?? null,
    sidesOn: actor ? [...new Set(actor.memberships.filter((m) => m.cooperationId === cooperationId).map((m) => m.partyId))] : [],
  };
}

/** `AuditScope` as an SQL condition on the audit trail's scope columns: `canReadRow` on the subject, `canWriteReport` on what is held. */
export function auditScopeCondition(
  reader: AuditReader,
  columns: { scopeVisibility: PgColumn; scopePartyId: PgColumn; heldByUserId: PgColumn; heldByOrganizationId: PgColumn; heldByPartyId: PgColumn },
): SQL | undefined {
  if (reader.rows.all) return undefined;
  const subjectSeen = or(isNull(columns.scopeVisibility), rowScopeCondition(reader.rows, { visibility: columns.scopeVisibility, ownerPartyId: columns.scopePartyId }));
  const held: (SQL | undefined)[] = [and(isNull(columns.heldByUserId), isNull(columns.heldByOrganizationId))];
  if (reader.userId) held.push(eq(columns.heldByUserId, reader.userId));
  if (reader.organizationId && reader.sidesOn.length) {
    held.push(and(eq(columns.heldByOrganizationId, reader.organizationId), inArray(columns.heldByPartyId, reader.sidesOn)));
  }
  return and(subjectSeen, or(...held));
}

/** Tasks across cooperations ("my work"): those of the cooperations the actor belongs to, as far as it sees them there. */
export function taskScopeAcross(actor: Actor): { cooperationIds: string[] | null; scope: RowScope } {
  if (actor.token) return { cooperationIds: [actor.token.cooperationId], scope: rowScope(actor, actor.token.cooperationId) };
  if (actor.isAdmin) return { cooperationIds: null, scope: { all: true, member: true, sides: [] } };
  const visible = actor.memberships.filter((m) => m.role !== 'observer').map((m) => m.partyId);
  return { cooperationIds: [...new Set(actor.memberships.map((m) => m.cooperationId))], scope: { all: false, member: true, sides: [...new Set(visible)] } };
}

/** The sides the actor speaks for as cooperation office (协调办) in a cooperation. */
export function coordinatedSides(actor: Actor | null, cooperationId: string): string[] {
  if (!actor) return [];
  return actor.memberships.filter((m) => m.cooperationId === cooperationId && m.role === 'coordinator').map((m) => m.partyId);
}

interface TaskOwnership {
  cooperationId: string;
  joint: boolean;
  ownerPartyId: string | null;
}

/** Why the actor may not manage the task, or null when it may. */
function taskManagementRefusal(actor: Actor | null, task: TaskOwnership): string | null {
  if (isReadOnlyToken(actor)) return 'This API token is read-only';
  if (actor?.isAdmin) return null;
  const sides = coordinatedSides(actor, task.cooperationId);
  if (!sides.length) return 'Only the cooperation offices may create or change tasks';
  if (!task.joint && task.ownerPartyId && !sides.includes(task.ownerPartyId)) return "Only the owner side's cooperation office may change a one-sided task";
  return null;
}

/** Creating, editing, deleting tasks and issuing 督办: coordinators of any side; of a one-sided task, its owner side's. */
export function assertCanManageTask(actor: Actor | null, task: TaskOwnership): void {
  const refusal = taskManagementRefusal(actor, task);
  if (refusal) throw forbidden(refusal);
}

export const canManageTask = (actor: Actor | null, task: TaskOwnership): boolean => taskManagementRefusal(actor, task) === null;

/**
 * The units of a task (牵头单位, 配合单位) are each side's own: a cooperation
 * office adds, replaces and removes the units of its own side only; an admin
 * those of any side. `partyIds` are the sides whose units the change touches.
 */
export function assertCanChangeUnitsOf(actor: Actor | null, cooperationId: string, partyIds: string[]): void {
  if (actor?.isAdmin) return;
  const own = coordinatedSides(actor, cooperationId);
  const others = partyIds.filter((p) => !own.includes(p));
  if (others.length) throw new AppError('task.other_side_units', 403, "A cooperation office changes its own side's units only", { partyIds: others });
}

/**
 * The sides of a task decide on it together, so changing them (a side joining
 * or leaving a task, a joint task becoming one-sided) is not one side's call:
 * until both sides can approve such a change in the system, only an admin makes it.
 */
export function assertCanChangeTaskSides(actor: Actor | null): void {
  if (actor?.isAdmin) return;
  throw new AppError('task.sides_need_both', 403, 'Changing which sides take part in a task needs all of its sides; an administrator records it');
}

/** Progress on a task (status, milestones): those who manage it and the users of its lead and co-operating units. */
export function canWorkOnTask(actor: Actor | null, task: TaskOwnership, unitOrganizationIds: string[]): boolean {
  if (!actor || isReadOnlyToken(actor)) return false;
  if (canManageTask(actor, task)) return true;
  return rolesIn(actor, task.cooperationId).includes('unit') && !!actor.organizationId && unitOrganizationIds.includes(actor.organizationId);
}

export function assertCanWorkOnTask(actor: Actor | null, task: TaskOwnership, unitOrganizationIds: string[]): void {
  if (!canWorkOnTask(actor, task, unitOrganizationIds)) {
    throw forbidden('Only the cooperation offices and the lead and co-operating units of this task may update its progress');
  }
}

/**
 * Deciding on a closing request or a report: a coordinator of one of the
 * sides whose approval is needed; answers that side. A platform admin speaks
 * for no side.
 */
export function approvingSide(actor: Actor | null, cooperationId: string, requiredSides: string[]): string {
  assertTokenMayWrite(actor);
  const side = coordinatedSides(actor, cooperationId).find((p) => requiredSides.includes(p));
  if (!side) throw forbidden('Only the cooperation office of a side that must approve may decide this');
  return side;
}

/**
 * The side a 督办 notice is issued under, which numbers it: the actor's office
 * side, the one-sided task's owner first. An administrator speaks for no side
 * and issues none.
 */
export function issuingSide(actor: Actor | null, task: TaskOwnership): string {
  assertCanManageTask(actor, task);
  const side = noticeSideOf(actor, task);
  if (!side) throw forbidden("Only a side's cooperation office issues 督办 notices, in its own side's name");
  return side;
}

/** The side the actor would issue a 督办 notice on the task under, or null when it may issue none: the task page offers the form from it. */
export function noticeSideOf(actor: Actor | null, task: TaskOwnership): string | null {
  if (!canManageTask(actor, task)) return null;
  const sides = coordinatedSides(actor, task.cooperationId);
  return (task.ownerPartyId && sides.includes(task.ownerPartyId) ? task.ownerPartyId : sides[0]) ?? null;
}

/**
 * Whether the actor reports on the task as one of its units (a unit user of a lead or co-operating unit on that
 * unit's side); an office reports for its side's unit through the same form only where it also is such a user.
 */
export function reportsAsUnit(actor: Actor | null, task: TaskOwnership, units: { partyId: string; organizationId: string }[]): boolean {
  if (!actor?.organizationId || isReadOnlyToken(actor)) return false;
  const unitSides = actor.memberships.filter((m) => m.cooperationId === task.cooperationId && m.role === 'unit').map((m) => m.partyId);
  return units.some((u) => u.organizationId === actor.organizationId && unitSides.includes(u.partyId));
}

/**
 * Whom a side's office may address a notice to: the task's units on its own
 * side; on a joint task, also the other sides' units on it (those sides take
 * part in the task). A one-sided task's notices stay on its side.
 */
export function assertCanAddressNotice(issuingPartyId: string, task: { joint: boolean }, recipients: { partyId: string }[]): void {
  if (task.joint || recipients.every((r) => r.partyId === issuingPartyId)) return;
  throw new AppError('supervision.recipient_forbidden', 403, "A notice on a one-sided task is addressed to that side's own units only");
}

/**
 * Signing (签收) a notice for one of its recipient units: a unit user of that
 * unit, on that unit's side. Not the issuer, not an office, not an administrator.
 */
export function canAcknowledgeFor(
  actor: Actor | null,
  notice: { cooperationId: string; issuedBy: string | null },
  recipient: { partyId: string; organizationId: string },
): boolean {
  if (!actor || isReadOnlyToken(actor) || actor.userId === notice.issuedBy) return false;
  if (!actor.organizationId || actor.organizationId !== recipient.organizationId) return false;
  return actor.memberships.some((m) => m.cooperationId === notice.cooperationId && m.partyId === recipient.partyId && m.role === 'unit');
}

export const notRecipient = () => new AppError('supervision.not_recipient', 403, 'Only a user of a unit the notice is addressed to may sign it');

/** What the report rules need to know about a progress report. */
export interface ReportAccess {
  cooperationId: string;
  partyId: string;
  organizationId: string;
  authorId: string | null;
  status: string;
}

/** Writing a report (editing a draft, submitting, attaching evidence, revising): its author and the users of its unit on its side. */
export function canWriteReport(actor: Actor | null, report: ReportAccess): boolean {
  if (!actor) return false;
  if (report.authorId === actor.userId) return true;
  return !!actor.organizationId && actor.organizationId === report.organizationId && isOnSide(actor, report.cooperationId, report.partyId);
}

export function assertCanWriteReport(actor: Actor | null, report: ReportAccess): void {
  if (!canWriteReport(actor, report)) throw forbidden('Only the unit that wrote this report may change it');
}

/** Reviewing a submitted report: the office of a side whose decision this round still awaits. */
export function canReviewReport(actor: Actor | null, report: ReportAccess, awaitingSides: string[]): boolean {
  if (isReadOnlyToken(actor) || report.status !== 'submitted') return false;
  return coordinatedSides(actor, report.cooperationId).some((p) => awaitingSides.includes(p));
}

/** Correcting an approved report through a revision: those who write it, once, while no revision is under way. */
export function canReviseReport(actor: Actor | null, report: ReportAccess, revisionStarted: boolean): boolean {
  return !isReadOnlyToken(actor) && report.status === 'approved' && !revisionStarted && canWriteReport(actor, report);
}

/** A draft stays with the unit writing it (and admins); once submitted, both sides see it as far as they see the task. */
export function canReadReport(actor: Actor | null, report: ReportAccess, task: { cooperationId: string; visibility: string; joint: boolean; ownerPartyId: string | null }): boolean {
  if (!canReadTask(actor, task)) return false;
  if (report.status !== 'draft') return true;
  return !!actor?.isAdmin || canWriteReport(actor, report);
}

/**
 * The side and unit a new report speaks for: the actor's own organization
 * when it is a lead or co-operating unit of the task on the actor's side; or,
 * for a side's cooperation office, the unit it names (default: that side's
 * lead unit, else the office itself when the side has no unit on the task).
 */
export function reportingUnitFor(
  actor: Actor | null,
  task: TaskOwnership,
  units: { partyId: string; organizationId: string; role: string }[],
  requestedOrganizationId?: string | undefined,
): { partyId: string; organizationId: string } {
  const refusal = forbidden("Only the task's lead and co-operating units, or their side's cooperation office, may report on it");
  if (!actor) throw refusal;
  const reporting = actor.memberships.filter((m) => m.cooperationId === task.cooperationId && (m.role === 'unit' || m.role === 'coordinator'));
  if (actor.organizationId && (!requestedOrganizationId || requestedOrganizationId === actor.organizationId)) {
    const own = units.find((u) => u.organizationId === actor.organizationId && reporting.some((m) => m.partyId === u.partyId));
    if (own) return { partyId: own.partyId, organizationId: own.organizationId };
  }
  for (const side of coordinatedSides(actor, task.cooperationId)) {
    const sideUnits = units.filter((u) => u.partyId === side);
    const chosen = requestedOrganizationId ? sideUnits.find((u) => u.organizationId === requestedOrganizationId) : (sideUnits.find((u) => u.role === 'lead') ?? sideUnits[0]);
    if (chosen) return { partyId: side, organizationId: chosen.organizationId };
    const sideTakesPart = task.joint || task.ownerPartyId === side;
    if (!sideUnits.length && sideTakesPart && actor.organizationId && !requestedOrganizationId) return { partyId: side, organizationId: actor.organizationId };
  }
  throw refusal;
}

/**
 * Comments on a task or report: members of the cooperation who see the
 * subject and work on it; leaders and observers read, the public reads what is public.
 */
export function assertCanComment(actor: Actor | null, cooperationId: string): void {
  const refusal = commentRefusal(actor, cooperationId);
  if (refusal) throw forbidden(refusal);
}

/** Whether a comment would be taken: the list says so, so a leader's page offers no box the server would refuse. */
export const canComment = (actor: Actor | null, cooperationId: string): boolean => !isReadOnlyToken(actor) && commentRefusal(actor, cooperationId) === null;

function commentRefusal(actor: Actor | null, cooperationId: string): string | null {
  if (!actor || !isMember(actor, cooperationId)) return 'Only members of the cooperation may comment';
  if (actor.isAdmin) return null;
  const roles = rolesIn(actor, cooperationId);
  return roles.includes('coordinator') || roles.includes('unit') ? null : 'Leaders and observers read; they do not comment';
}

/** What the indicator rules need to know about an indicator. */
interface IndicatorOwnership {
  cooperationId: string;
  visibility: string;
  ownerPartyId: string | null;
}

/**
 * Indicators, their targets and the actuals an office enters are kept by the cooperation offices (协调办);
 * one side's own ('side') indicator by that side's office only. Units give actuals through their reports.
 */
export function canManageIndicator(actor: Actor | null, indicator: IndicatorOwnership): boolean {
  if (isReadOnlyToken(actor) || !actor) return false;
  if (actor.isAdmin) return true;
  const sides = coordinatedSides(actor, indicator.cooperationId);
  if (!sides.length) return false;
  return indicator.visibility !== 'side' || (!!indicator.ownerPartyId && sides.includes(indicator.ownerPartyId));
}

export function assertCanManageIndicator(actor: Actor | null, indicator: IndicatorOwnership): void {
  if (!canManageIndicator(actor, indicator)) throw forbidden('Only the cooperation offices (of its own side, for a one-sided indicator) may change this indicator');
}

/**
 * A report speaks for its task's readers, who all review it: it may carry the value of an indicator only when
 * everyone who sees the task sees the indicator too (a shared one, or a one-sided one on its own side's task).
 */
export function reportMayCarryIndicator(task: { visibility: string; ownerPartyId: string | null }, indicator: { visibility: string; ownerPartyId: string | null }): boolean {
  if (indicator.visibility !== 'side') return indicator.visibility === 'public' || task.visibility !== 'public';
  return task.visibility === 'side' && task.ownerPartyId === indicator.ownerPartyId;
}

/** The indicator pages of the app: the cooperation's members (offices, units, leaders, observers) and admins; the public reads the portal. */
export const canReadIndicators = (actor: Actor | null, cooperationId: string): boolean => isMember(actor, cooperationId);

/** Where the web starts a user after login: a page of the app, decided by what the user's roles are for. */
export type Landing = { page: 'cooperations' } | { page: 'overview' } | { page: 'my-work' } | { page: 'dashboard'; cooperationId: string };

/**
 * 我的工作 lists the tasks a user owns or whose unit leads or co-operates: it has rows only for those who do the
 * work (offices and units) and for administrators, who see every task. Leaders and observers read, so it is not offered.
 */
export const canHaveOwnWork = (actor: Actor | null): boolean => !!actor && (actor.isAdmin || actor.memberships.some((m) => m.role === 'coordinator' || m.role === 'unit'));

/**
 * The national overview (the map and table of cooperations) is offered to those who oversee or read cooperations:
 * members of one, appointed offices (who register theirs) and admins. A token reads its own cooperation only.
 */
export const canSeeOverview = (actor: Actor | null): boolean => !!actor && !actor.token && (actor.isAdmin || !!actor.isOffice || actor.memberships.length > 0);

/**
 * Where a user starts, by what their work is: an office or an admin oversees cooperations and starts at the
 * national overview; a unit user's work is their tasks, so 我的工作; a leader reads where their cooperation
 * stands, so its dashboard when they are in just one and the overview when in several. Anyone with several kinds
 * of role starts where the widest of them does.
 */
export function landingFor(actor: Actor | null): Landing {
  if (!actor) return { page: 'cooperations' };
  const roles = new Set(actor.memberships.map((m) => m.role));
  if (actor.isAdmin || actor.isOffice || roles.has('coordinator')) return { page: 'overview' };
  if (roles.has('unit')) return { page: 'my-work' };
  const cooperations = [...new Set(actor.memberships.map((m) => m.cooperationId))];
  const [only] = cooperations;
  if (cooperations.length === 1 && only) return { page: 'dashboard', cooperationId: only };
  return cooperations.length ? { page: 'overview' } : { page: 'cooperations' };
}

/**
 * Importing a task ledger (任务台账) from a file: those who may create or change tasks (the offices) and those who
 * may update the progress of their own units' tasks; each row is then held to the same rules as an edit by hand.
 */
export function canImportTasks(actor: Actor | null, cooperationId: string): boolean {
  if (!actor || isReadOnlyToken(actor)) return false;
  if (canManageTask(actor, { cooperationId, joint: true, ownerPartyId: null })) return true;
  return rolesIn(actor, cooperationId).includes('unit') && !!actor.organizationId;
}

export function assertCanImportTasks(actor: Actor | null, cooperationId: string): void {
  if (!canImportTasks(actor, cooperationId)) throw forbidden('Only the cooperation offices and the units working on its tasks may import a task ledger');
}
