import type { Me } from '../api/types.ts';

/**
 * Where a user starts after logging in, by what their work is: an office or an admin oversees cooperations and
 * starts at their list; a unit user's work is their tasks, so 我的工作; a leader reads one cooperation, so its page
 * when they lead in just one. Anyone with several kinds of role starts where the widest of them does.
 */
export function landingPath(me: Me): string {
  const roles = new Set(me.memberships.map((m) => m.role));
  if (me.user.isAdmin || roles.has('coordinator')) return '/cooperations';
  if (roles.has('unit')) return '/my-work';
  const cooperations = new Set(me.memberships.map((m) => m.cooperationId));
  const [only] = cooperations;
  if (cooperations.size === 1 && only) return `/cooperations/${only}`;
  return '/cooperations';
}
