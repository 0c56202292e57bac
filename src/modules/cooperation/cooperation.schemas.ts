import { z } from 'zod';
import { visibility } from '../access/access.schemas.ts';
import { COOPERATION_STATUSES, MEMBERSHIP_ROLES } from '../../db/schema/core.ts';
import { calendarKind } from '../period/period.schemas.ts';
import { regionCode } from '../region/region.schemas.ts';
import { isoDate, pageQuery, shortText, versionField } from '../../http/common.schemas.ts';

/** What the setup checklist of a cooperation names as missing. */
const SETUP_ITEMS = ['office', 'units', 'periods', 'agreement', 'tasks'] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

const cooperationStatus = z.enum(COOPERATION_STATUSES);

const partySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  ordinal: z.number().int(),
  version: z.number().int(),
  coordinatingOrganization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Whether a cooperation office (协调办) is among the side's members. */
  hasOffice: z.boolean(),
  /**
   * `edit`: change or remove this party record; `registerUnits`: register organizations in its region; `manageMembers`: add and remove its members;
   * `appointOffice`: name its first office (it has none, and the reader is another side's office); `manageTasks`: create and change this side's
   * one-sided tasks and its units on joint ones.
   */
  can: z.object({ edit: z.boolean(), registerUnits: z.boolean(), manageMembers: z.boolean(), appointOffice: z.boolean(), manageTasks: z.boolean() }),
});

const cooperationSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  summary: z.string(),
  status: cooperationStatus,
  visibility,
  version: z.number().int(),
  parties: z.array(z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() })),
  agreementCount: z.number().int(),
});

export const cooperationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  summary: z.string(),
  principles: z.array(z.string()),
  status: cooperationStatus,
  visibility,
  startedOn: z.string().nullable(),
  /** How many days ahead "due soon" looks on the dashboard. */
  dueSoonDays: z.number().int(),
  version: z.number().int(),
  parties: z.array(partySchema),
  /**
   * What is still missing before the cooperation can be worked in (a side without office or units, no reporting periods,
   * agreement or tasks), counted as far as the caller sees; null unless the caller manages the cooperation.
   */
  setup: z.array(z.object({ item: z.enum(SETUP_ITEMS), partyId: z.uuid().nullable(), partyName: z.string().nullable() })).nullable(),
  /**
   * `manage`: the caller may change the cooperation's settings (general fields, parties, periods): its offices and admins. `delete`: the caller
   * may delete it (admins). `readIndicators`: the indicator pages are open to the reader. `createTasks`: create (joint) tasks and change them in bulk.
   * `issueNotices`: issue 督办 notices (a side's office). `readAudit`: read its audit trail and 督办 overview (offices, leaders, admins).
   * `importTasks`: import a task ledger file (offices, and units for their own tasks' progress).
   */
  can: z.object({ manage: z.boolean(), delete: z.boolean(), readIndicators: z.boolean(), createTasks: z.boolean(), issueNotices: z.boolean(), readAudit: z.boolean(), importTasks: z.boolean() }),
});

export const cooperationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: cooperationStatus.optional(),
  ...pageQuery,
});

export const cooperationListResponse = z.object({
  items: z.array(cooperationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The other sides' offices named at creation: an existing user of a unit in that side's region, per side. */
export const firstOffices = z.array(z.object({ regionCode, username: shortText(64) })).max(20).default([]);

const partyInput = z.object({
  regionCode,
  name: shortText(100).optional(),
  coordinatingOrganizationId: z.uuid().nullable().optional(),
});

export const createCooperationBody = z.object({
  name: shortText(200),
  summary: z.string().max(5000).default(''),
  principles: z.array(shortText(100)).max(50).default([]),
  status: cooperationStatus.default('active'),
  visibility: visibility.default('parties'),
  startedOn: isoDate.nullable().optional(),
  parties: z.array(partyInput).min(2, 'a cooperation has at least two parties').max(20),
  offices: firstOffices,
  /** Reporting periods of this kind are generated for the current year; none when left out. */
  periods: calendarKind.optional(),
});

export const updateCooperationBody = z.object({
  version: versionField,
  name: shortText(200).optional(),
  summary: z.string().max(5000).optional(),
  principles: z.array(shortText(100)).max(50).optional(),
  status: cooperationStatus.optional(),
  visibility: visibility.optional(),
  startedOn: isoDate.nullable().optional(),
  dueSoonDays: z.number().int().min(1, 'at least 1 day').max(90, 'at most 90 days').optional(),
});

export const addPartyBody = partyInput;
export const updatePartyBody = z.object({
  version: versionField,
  regionCode: regionCode.optional(),
  name: shortText(100).optional(),
  coordinatingOrganizationId: z.uuid().nullable().optional(),
  ordinal: z.number().int().min(0).max(1000).optional(),
});

export const partyOrderBody = z.object({
  /** Every party of the cooperation, once each, in the order wanted. */
  partyIds: z.array(z.uuid()).min(2).max(20),
});

export const partyParams = z.object({ id: z.uuid(), partyId: z.uuid() });

export const membershipSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  partyId: z.uuid(),
  role: z.enum(MEMBERSHIP_ROLES),
  /** `remove`: the caller may remove it (that side's office, or an admin). */
  can: z.object({ remove: z.boolean() }),
});
export const addMembershipBody = z.object({
  username: shortText(64),
  partyId: z.uuid(),
  role: z.enum(MEMBERSHIP_ROLES),
});
export const membershipParams = z.object({ id: z.uuid(), membershipId: z.uuid() });
