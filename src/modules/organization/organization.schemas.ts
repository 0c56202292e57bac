import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../../db/schema/core.ts';
import { regionCode } from '../region/region.schemas.ts';
import { MAX_VERSION, pageQuery, shortText, versionField } from '../../http/common.schemas.ts';

export const organizationKind = z.enum(ORGANIZATION_KINDS);

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: organizationKind,
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.uuid().nullable(),
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
});

export const deleteQuery = z.object({ version: z.coerce.number().int().min(1).max(MAX_VERSION) });
