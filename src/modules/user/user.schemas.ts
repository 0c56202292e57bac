import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '../../db/schema/core.ts';
import { pageQuery, shortText, versionField } from '../../http/common.schemas.ts';

const locale = z.enum(['zh-CN', 'en']);

/** Login names: latin letters, digits, dot, dash and underscore, starting with a letter or digit (qd.fgw, sz-kj-02). */
const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore, starting with a letter or digit');

const email = z.email().max(254);

export const userViewSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  organizationRegionName: z.string().nullable(),
  locale,
  isAdmin: z.boolean(),
  /** Appointed a cooperation office: may create cooperations and import texts. */
  isOffice: z.boolean(),
  disabled: z.boolean(),
  /** Set after a temporary password: the user must choose their own at the next login. */
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const userListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Part of the username, name or mail address'),
  ...pageQuery,
});

export const userListResponse = z.object({
  items: z.array(userViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const accountFields = {
  username,
  displayName: shortText(100),
  email: email.nullable().optional(),
  organizationId: z.uuid().nullable().optional(),
  locale: locale.default('zh-CN'),
};

export const createUserBody = z.object({
  ...accountFields,
  isOffice: z.boolean().default(false).describe('A cooperation office (协调办): may create cooperations and import texts'),
  password: z.string().min(1).max(256).optional().describe('At least 10 characters, at least 4 different ones; left out, a temporary password is made up and answered once'),
});

export const updateUserBody = z.object({
  version: versionField,
  displayName: shortText(100).optional(),
  email: email.nullable().optional(),
  organizationId: z.uuid().nullable().optional(),
  locale: locale.optional(),
  isOffice: z.boolean().optional(),
});

export const versionBody = z.object({ version: versionField });

/** What a user changes of their own account on the account page. */
export const updateOwnProfileBody = z.object({
  version: versionField,
  email: email.nullable().optional(),
  locale: locale.optional(),
});

export const userWithPasswordResponse = z.object({
  user: userViewSchema,
  temporaryPassword: z.string().nullable().describe('Shown once, never stored in clear: null when the administrator chose the password'),
});

export const createMemberUserBody = z.object({
  ...accountFields,
  organizationId: z.uuid().describe("The user's unit, in the side's own region"),
  partyId: z.uuid(),
  role: z.enum(MEMBERSHIP_ROLES),
});

export const memberUserResponse = z.object({
  user: userViewSchema,
  membershipId: z.uuid(),
  temporaryPassword: z.string(),
});
