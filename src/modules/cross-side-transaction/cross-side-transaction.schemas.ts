import { z } from 'zod';
import { CROSS_SIDE_KINDS } from '../../db/schema/projects.ts';
import { decimalText, isoDate, labelText, pageQuery, shortText, versionField } from '../../http/common.schemas.ts';
import { visibility } from '../access/access.schemas.ts';
import { currencyCode } from '../project/project.schemas.ts';

const signedAmount = decimalText(2);
const signedQuantity = decimalText(4);

export const crossSideTransactionSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  on: z.string(),
  kind: z.enum(CROSS_SIDE_KINDS),
  fromPartyId: z.uuid().nullable(),
  toPartyId: z.uuid().nullable(),
  fromOrganizationId: z.uuid().nullable(),
  toOrganizationId: z.uuid().nullable(),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string(),
  agreementId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});

const crossSideTotalsGroupSchema = z.object({
  key: z.string().nullable(),
  unit: z.string().nullable(),
  currency: z.string(),
  entries: z.number().int(),
  quantity: z.string().nullable(),
  amount: z.string().nullable(),
});

export const crossSideListSchema = z.object({
  items: z.array(crossSideTransactionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Per quarter, of every entry the filters select. */
  totals: z.array(crossSideTotalsGroupSchema),
  can: z.object({ create: z.boolean() }),
});

const filterQuery = {
  kind: z.enum(CROSS_SIDE_KINDS).optional(),
  fromPartyId: z.uuid().optional(),
  toPartyId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const crossSideListQuery = z.object({ ...filterQuery, page: pageQuery.page, pageSize: pageQuery.pageSize.default(50) });

const CROSS_SIDE_GROUPINGS = ['kind', 'year', 'quarter'] as const;
export const crossSideTotalsQuery = z.object({ ...filterQuery, by: z.enum(CROSS_SIDE_GROUPINGS).optional() });
export const crossSideTotalsSchema = z.object({ by: z.enum(CROSS_SIDE_GROUPINGS).nullable(), groups: z.array(crossSideTotalsGroupSchema) });

const fields = {
  on: isoDate,
  kind: z.enum(CROSS_SIDE_KINDS),
  fromPartyId: z.uuid().nullable(),
  toPartyId: z.uuid().nullable(),
  fromOrganizationId: z.uuid().nullable(),
  toOrganizationId: z.uuid().nullable(),
  quantity: signedQuantity.nullable(),
  unit: shortText(20).nullable(),
  amount: signedAmount.nullable(),
  currency: currencyCode,
  agreementId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  note: labelText(500).nullable(),
  /** Required for a negative quantity or amount (a correction). */
  reason: labelText(500).nullable(),
  visibility,
};

export const createCrossSideBody = z
  .object(fields)
  .partial()
  .extend({ on: isoDate, kind: z.enum(CROSS_SIDE_KINDS), currency: currencyCode.default('CNY'), visibility: visibility.default('parties'), ownerPartyId: z.uuid().nullable().optional() });

export const updateCrossSideBody = z.object(fields).partial().extend({ version: versionField });
