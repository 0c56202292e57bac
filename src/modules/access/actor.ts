import type { MEMBERSHIP_ROLES } from '../../db/schema/core.ts';

export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export interface Membership {
  cooperationId: string;
  partyId: string;
  role: MembershipRole;
}

export type ApiTokenScope = 'read' | 'write';

/** Who is asking: resolved once per request from the session or API token. */
export interface Actor {
  userId: string;
  username: string;
  isAdmin: boolean;
  /** Appointed a cooperation office by an administrator: may register cooperations before being the office of one. */
  isOffice?: boolean;
  organizationId: string | null;
  memberships: Membership[];
  /** Signed in with a temporary password an administrator gave: nothing but choosing a new one is open (auth-plugin). */
  mustChangePassword?: boolean;
  /** Set when the request came with an API token: it reaches only this cooperation, and `read` cannot write. */
  token?: { id: string; cooperationId: string; scope: ApiTokenScope };
}

/** Writes made by the system itself (seeding, jobs) are audited under no user. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  isAdmin: true,
  organizationId: null,
  memberships: [],
};

/** The user to record as author; system writes have none. */
export const authorId = (actor: Actor | null): string | null => (actor && actor !== SYSTEM_ACTOR ? actor.userId : null);
