import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '../../db/schema/core.ts';
import { API_TOKEN_SCOPES } from '../../db/schema/platform.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isAdmin: z.boolean(),
  locale: z.enum(['zh-CN', 'en']),
  organizationId: z.uuid().nullable(),
  /** Signed in with a temporary password: the user must choose their own before anything else. */
  mustChangePassword: z.boolean(),
  /** Sent back with a change of one's own profile (PATCH /me). */
  version: z.number().int(),
});

export const loginResponse = z.object({ token: z.string(), user: userSchema });

export const meResponse = z.object({
  user: userSchema,
  memberships: z.array(
    z.object({
      cooperationId: z.uuid(),
      cooperationName: z.string(),
      partyId: z.uuid(),
      partyName: z.string(),
      role: z.enum(MEMBERSHIP_ROLES),
    }),
  ),
  /** The unit or office the user belongs to, named, so a page need not look it up. */
  organization: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() }).nullable(),
  /** Set when the caller is an API token: the one cooperation it acts in, and whether it may write. */
  apiToken: z.object({ id: z.uuid(), cooperationId: z.uuid(), scope: z.enum(API_TOKEN_SCOPES) }).nullable(),
  /**
   * What the web offers across cooperations, from the policy: registering a cooperation (by hand or by importing a
   * text), the admin area, 我的工作 (only to those who have work of their own), the national overview; and the page to start at.
   */
  can: z.object({ register: z.boolean(), administer: z.boolean(), myWork: z.boolean(), overview: z.boolean() }),
  landing: z.discriminatedUnion('page', [
    z.object({ page: z.literal('cooperations') }),
    z.object({ page: z.literal('overview') }),
    z.object({ page: z.literal('my-work') }),
    z.object({ page: z.literal('dashboard'), cooperationId: z.uuid() }),
  ]),
  limits: z.object({ uploadMaxBytes: z.number().int().describe('The largest evidence file the server takes') }),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256).describe('The password the caller signs in with now'),
  newPassword: z.string().min(1).max(256).describe('At least 10 characters, at least 4 different ones'),
});

export const changePasswordResponse = z.object({
  sessionsEnded: z.number().int().describe("The caller's other sessions, ended; this one stays signed in"),
});
