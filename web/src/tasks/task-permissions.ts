import type { Me } from '../api/types.ts';

/** Whether the user is a cooperation office (协调办) of the cooperation: reviewing and 督办 are theirs. */
export function isCoordinator(me: Me, cooperationId: string): boolean {
  return me.memberships.some((m) => m.cooperationId === cooperationId && m.role === 'coordinator');
}

/** Whether to offer creating tasks in the cooperation: the server lets its cooperation offices and platform admins. */
export function mayCreateTasks(me: Me, cooperationId: string): boolean {
  return me.user.isAdmin || isCoordinator(me, cooperationId);
}

/** The sides a one-sided task may belong to: every side for an admin, otherwise those whose cooperation office the user is. */
export function ownerSidesFor(me: Me, cooperationId: string, partyIds: readonly string[]): string[] {
  if (me.user.isAdmin) return [...partyIds];
  const own = me.memberships.filter((m) => m.cooperationId === cooperationId && m.role === 'coordinator').map((m) => m.partyId);
  return partyIds.filter((partyId) => own.includes(partyId));
}
