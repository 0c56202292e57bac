import { request } from './client.ts';
import type { Locale, MembershipRole, Page } from './types.ts';

/** Calls of the admin area's users and of an office registering a person of its side; src/modules/user is the source of truth. */

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organizationId: string | null;
  organizationName: string | null;
  organizationRegionName: string | null;
  locale: Locale;
  isAdmin: boolean;
  /** Appointed a cooperation office: may create cooperations and import texts. */
  isOffice: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccountFields {
  username: string;
  displayName: string;
  email?: string | null;
  organizationId?: string | null;
  locale: Locale;
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  organizationId?: string | null;
  locale?: Locale;
  isOffice?: boolean;
}

/** The temporary password is in this answer only. */
export interface UserWithPassword {
  user: AdminUser;
  temporaryPassword: string | null;
}

const id = encodeURIComponent;

export const usersApi = {
  list: (q: string, page: number, pageSize: number) => request<Page<AdminUser>>('GET', '/users', undefined, { q, page, pageSize }),
  create: (fields: AccountFields & { password?: string; isOffice?: boolean }) => request<UserWithPassword>('POST', '/users', fields),
  update: (user: AdminUser, patch: UserPatch) => request<AdminUser>('PATCH', `/users/${id(user.id)}`, { version: user.version, ...patch }),
  disable: (user: AdminUser) => request<AdminUser>('POST', `/users/${id(user.id)}/disable`, { version: user.version }),
  enable: (user: AdminUser) => request<AdminUser>('POST', `/users/${id(user.id)}/enable`, { version: user.version }),
  resetPassword: (user: AdminUser) => request<UserWithPassword & { temporaryPassword: string }>('POST', `/users/${id(user.id)}/password-reset`, { version: user.version }),
  createMember: (cooperationId: string, fields: AccountFields & { organizationId: string; partyId: string; role: MembershipRole }) =>
    request<{ user: AdminUser; membershipId: string; temporaryPassword: string }>('POST', `/cooperations/${id(cooperationId)}/member-users`, fields),
};
