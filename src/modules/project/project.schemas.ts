import { z } from 'zod';
import { PROJECT_KINDS } from '../../db/schema/core.ts';
import { MONEY_KINDS, SIGNING_BASES, STAGE_KINDS, STAGE_MILESTONES } from '../../db/schema/projects.ts';
import { decimalText, isoDate, labelText, pageQuery, shortText, versionField } from '../../http/common.schemas.ts';
import { visibility } from '../access/access.schemas.ts';
import { regionCode } from '../region/region.schemas.ts';
import { INDUSTRY_CODES } from '../../contract/industry-codes.ts';

const money = decimalText(2, { negative: false });
/** An amount that may be a correction: negative, with a reason. */
const signedMoney = decimalText(2);
/** Three capital letters; whether ISO 4217 knows it is the service's check (money.unknown_currency). */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code');
const coordinate = (limit: number) => z.number().min(-limit).max(limit);
const stageCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a stage code: lower-case letters, digits and _');

export const moneyAmountSchema = z.object({ currency: z.string(), amount: z.string() });

const totalsGroupSchema = z.object({
  key: z.string().nullable(),
  projects: z.number().int(),
  signed: z.number().int(),
  contracted: z.array(moneyAmountSchema),
  inPlace: z.array(moneyAmountSchema),
});

export const stageSchema = z.object({
  code: z.string(),
  name: z.string(),
  ordinal: z.number().int(),
  kind: z.enum(STAGE_KINDS),
  milestone: z.enum(STAGE_MILESTONES).nullable(),
});

export const stageTemplateSchema = z.object({ items: z.array(stageSchema), can: z.object({ edit: z.boolean() }) });

export const updateStageTemplateBody = z.object({
  stages: z
    .array(z.object({ code: stageCode, name: shortText(40), kind: z.enum(STAGE_KINDS).default('step'), milestone: z.enum(STAGE_MILESTONES).nullable().default(null) }))
    .min(2)
    .max(20),
});

const projectSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  investor: z.string().nullable(),
  investorPartyId: z.uuid().nullable(),
  hostPartyId: z.uuid().nullable(),
  hostRegionCode: z.string().nullable(),
  hostOrganizationId: z.uuid().nullable(),
  industryCode: z.string().nullable(),
  industryDivision: z.string().nullable(),
  investment: z.string().nullable(),
  currency: z.string(),
  stage: z.string(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  responsibleOrganizationId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  version: z.number().int(),
  /** Where and when the project counts as signed (the counting rule); null: not signed yet. */
  signedOn: z.string().nullable(),
  signingEventId: z.uuid().nullable(),
  contracted: z.array(moneyAmountSchema),
  inPlace: z.array(moneyAmountSchema),
  /** Steps planned before today and not reached. */
  late: z.array(z.object({ stage: z.string(), plannedOn: z.string() })),
  can: z.object({ edit: z.boolean() }),
});

const projectTransactionSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: z.enum(MONEY_KINDS),
  basis: z.enum(SIGNING_BASES).nullable(),
  signingEventId: z.uuid().nullable(),
  on: z.string(),
  amount: z.string(),
  currency: z.string(),
  providerPartyId: z.uuid().nullable(),
  receiverPartyId: z.uuid().nullable(),
  reason: z.string().nullable(),
  /** Whether the counting rule counts this entry (contracted entries only; funds in place always count). */
  counted: z.boolean(),
  version: z.number().int(),
});

export const projectDetailSchema = projectSchema.extend({
  investors: z.array(z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() })),
  clauses: z.array(z.object({ id: z.uuid(), label: z.string().nullable(), title: z.string(), agreementId: z.uuid() })),
  tasks: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
  stagePlans: z.array(z.object({ stage: z.string(), plannedOn: z.string() })),
  stageHistory: z.array(z.object({ stage: z.string(), on: z.string(), reason: z.string().nullable() })),
  transactions: z.array(projectTransactionSchema),
  /** The signing events the entries name, as far as the reader sees them. */
  events: z.array(z.object({ id: z.uuid(), name: z.string(), heldOn: z.string() })),
  stages: z.array(stageSchema),
});

export const projectListSchema = z.object({
  items: z.array(projectSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Totals of every project the filters select (not only this page), by the counting rule. */
  totals: totalsGroupSchema,
  stages: z.array(stageSchema),
  can: z.object({ create: z.boolean(), editStages: z.boolean() }),
});

const projectFilterQuery = {
  investorPartyId: z.uuid().optional(),
  hostPartyId: z.uuid().optional(),
  industryCode: z.enum(INDUSTRY_CODES).optional(),
  stage: stageCode.optional(),
  signingEventId: z.uuid().optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
};

export const projectListQuery = z.object({
  ...projectFilterQuery,
  page: pageQuery.page,
  pageSize: pageQuery.pageSize.default(50),
});

const GROUPINGS = ['investorSide', 'hostSide', 'industry', 'stage', 'event', 'year'] as const;

export const projectTotalsQuery = z.object({
  ...projectFilterQuery,
  by: z.enum(GROUPINGS).optional(),
  /** Entries dated from (inclusive). */
  from: isoDate.optional(),
  /** Entries dated up to (inclusive): "as of". */
  to: isoDate.optional(),
});

export const projectTotalsSchema = z.object({ by: z.enum(GROUPINGS).nullable(), groups: z.array(totalsGroupSchema) });

const projectFields = {
  kind: z.enum(PROJECT_KINDS),
  investor: labelText(300).nullable(),
  investorPartyId: z.uuid().nullable(),
  hostPartyId: z.uuid().nullable(),
  hostRegionCode: regionCode.nullable(),
  hostOrganizationId: z.uuid().nullable(),
  industryCode: z.enum(INDUSTRY_CODES).nullable(),
  industryDivision: z.string().regex(/^\d{2}$/, 'a two-digit 大类').nullable(),
  investment: money.nullable(),
  currency: currencyCode,
  address: labelText(300).nullable(),
  latitude: coordinate(90).nullable(),
  longitude: coordinate(180).nullable(),
  responsibleOrganizationId: z.uuid().nullable(),
  contactName: labelText(100).nullable(),
  contactPhone: z.string().trim().max(40).regex(/^[\d\s+()\-转]*$/, 'a telephone number').nullable(),
  visibility,
  investorOrganizationIds: z.array(z.uuid()).max(50),
  clauseIds: z.array(z.uuid()).max(200),
  taskIds: z.array(z.uuid()).max(200),
  stagePlans: z.array(z.object({ stage: stageCode, plannedOn: isoDate })).max(20),
};

const projectFieldsSchema = z.object(projectFields).partial();

export const createProjectBody = projectFieldsSchema.extend({
  name: shortText(300),
  kind: projectFields.kind.default('investment'),
  currency: currencyCode.default('CNY'),
  visibility: visibility.default('parties'),
  /** The stage the project is at when registered (its first history entry), dated `stageOn` (default today). */
  stage: stageCode.optional(),
  stageOn: isoDate.optional(),
  /** The side the project belongs to; defaults to the caller's own side. */
  ownerPartyId: z.uuid().nullable().optional(),
});

export const updateProjectBody = projectFieldsSchema.extend({ version: versionField, name: shortText(300).optional() });

export const stageChangeBody = z.object({
  version: versionField,
  stage: stageCode,
  on: isoDate,
  /** Required for a change backwards and for halting or ending a project. */
  reason: labelText(500).nullable().optional(),
});

export const createTransactionBody = z.object({
  kind: z.enum(MONEY_KINDS),
  /** Contracted entries only: signing (default), expansion or transfer. */
  basis: z.enum(SIGNING_BASES).optional(),
  signingEventId: z.uuid().nullable().optional(),
  on: isoDate,
  amount: signedMoney,
  currency: currencyCode.default('CNY'),
  providerPartyId: z.uuid().nullable().optional(),
  receiverPartyId: z.uuid().nullable().optional(),
  /** Required for a negative entry (a correction). */
  reason: labelText(500).nullable().optional(),
});

export const updateTransactionBody = z.object({
  version: versionField,
  basis: z.enum(SIGNING_BASES).optional(),
  signingEventId: z.uuid().nullable().optional(),
  on: isoDate.optional(),
  providerPartyId: z.uuid().nullable().optional(),
  receiverPartyId: z.uuid().nullable().optional(),
  reason: labelText(500).nullable().optional(),
});
