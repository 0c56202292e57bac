import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../../db/schema/core.ts';
import { regionCode } from '../region/region.schemas.ts';
import { pageQuery, shortText, versionField } from '../../http/common.schemas.ts';

const organizationKind = z.enum(ORGANIZATION_KINDS);

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: organizationKind,
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.uuid().nullable(),
  /** The user told of the unit's overdue tasks and reports besides its own users. */
  leaderUserId: z.uuid().nullable(),
  version: z.number().int(),
});

export const organizationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCode.optional(),
  kind: organizationKind.optional(),
  ...pageQuery,
});

export const organizationListResponse = z.object({
  items: z.array(organizationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const createOrganizationBody = z.object({
  name: shortText(200),
  kind: organizationKind,
  regionCode,
  parentId: z.uuid().nullable().optional(),
});

export const updateOrganizationBody = z.object({
  version: versionField,
  name: shortText(200).optional(),
  kind: organizationKind.optional(),
  parentId: z.uuid().nullable().optional(),
  leaderUserId: z.uuid().nullable().optional(),
});

export const mergeOrganizationBody = z.object({
  version: versionField.describe('The version of the duplicate, the unit that goes'),
  intoId: z.uuid().describe('The unit kept; everything naming the duplicate moves to it'),
  intoVersion: versionField.describe('The version of the kept unit as read'),
});

export const unitSchema = organizationSchema.extend({
  partyId: z.uuid(),
  leader: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  tasks: z.number().int().describe("Task units naming it in this cooperation"),
  reports: z.number().int().describe('Reports it wrote in this cooperation'),
  users: z.number().int().describe('Users belonging to it'),
  can: z.object({ edit: z.boolean() }),
});

