import { z } from 'zod';
import { visibility } from '../access/access.schemas.ts';
import { APPROVAL_DECISIONS, TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES, TASK_UNIT_ROLES } from '../../db/schema/work.ts';
import { isoDate, shortText, versionField } from '../../http/common.schemas.ts';
import { milestoneSchema } from '../milestone/milestone.schemas.ts';
import { supervisionNoticeSchema } from '../supervision/supervision.schemas.ts';

const taskStatus = z.enum(TASK_STATUSES);
const taskPriority = z.enum(TASK_PRIORITIES);
const taskSource = z.enum(TASK_SOURCES);
const taskUnitRole = z.enum(TASK_UNIT_ROLES);

/** `?status=a&status=b` and `?status=a,b` both mean "a or b". */
const manyOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20)).optional();
const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

const tag = shortText(40);

const taskUnitInput = z.object({ partyId: z.uuid(), organizationId: z.uuid(), role: taskUnitRole });
const milestoneInput = z.object({ title: shortText(300), dueOn: isoDate.nullable().optional() });

export const createTaskBody = z.object({
  title: shortText(500),
  description: z.string().max(20_000).default(''),
  source: taskSource.optional(),
  agreementId: z.uuid().nullable().optional(),
  clauseIds: z.array(z.uuid()).max(50).default([]),
  joint: z.boolean().default(true),
  ownerPartyId: z.uuid().nullable().optional(),
  visibility: visibility.default('parties'),
  priority: taskPriority.default('normal'),
  tags: z.array(tag).max(20).default([]),
  startOn: isoDate.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  units: z.array(taskUnitInput).max(50).default([]),
  ownerUserIds: z.array(z.uuid()).max(20).default([]),
  milestones: z.array(milestoneInput).max(50).default([]),
});

export const updateTaskBody = z.object({
  version: versionField,
  title: shortText(500).optional(),
  description: z.string().max(20_000).optional(),
  priority: taskPriority.optional(),
  status: taskStatus.optional(),
  percent: z.number().int().min(0).max(100).optional(),
  tags: z.array(tag).max(20).optional(),
  startOn: isoDate.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  visibility: visibility.optional(),
  /** Changing these changes which sides decide on the task: refused unless an admin asks. */
  joint: z.boolean().optional(),
  ownerPartyId: z.uuid().nullable().optional(),
  units: z.array(taskUnitInput).max(50).optional(),
  ownerUserIds: z.array(z.uuid()).max(20).optional(),
  clauseIds: z.array(z.uuid()).max(50).optional(),
});

export const bulkCreateTasksBody = z.object({
  /** The default lead unit of each side for every task created. */
  leadUnits: z.array(z.object({ partyId: z.uuid(), organizationId: z.uuid() })).min(1).max(20),
  ownerUserIds: z.array(z.uuid()).max(20).default([]),
  priority: taskPriority.default('normal'),
  startOn: isoDate.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  tags: z.array(tag).max(20).default([]),
});

const LEDGER_SORTS = ['dueOn', 'createdAt', 'priority', 'title'] as const;

export const ledgerQuery = z.object({
  side: z.uuid().optional(),
  unit: z.uuid().optional(),
  status: manyOf(taskStatus),
  clauseId: z.uuid().optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  overdue: booleanFlag.optional(),
  ownerUserId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  priority: manyOf(taskPriority),
  tag: tag.optional(),
  sort: z.enum(LEDGER_SORTS).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const myTasksQuery = z.object({
  status: manyOf(taskStatus),
  overdue: booleanFlag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const unitRef = z.object({ organizationId: z.uuid(), name: z.string() });

const taskSideSchema = z.object({
  partyId: z.uuid(),
  partyName: z.string(),
  lead: unitRef.nullable(),
  co: z.array(unitRef),
});

const taskListItemSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  title: z.string(),
  source: taskSource,
  joint: z.boolean(),
  ownerPartyId: z.uuid().nullable(),
  priority: taskPriority,
  status: taskStatus,
  percent: z.number().int(),
  tags: z.array(z.string()),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  closeRequested: z.boolean(),
  visibility,
  version: z.number().int(),
  createdAt: z.string(),
  overdue: z.boolean(),
  milestoneCounts: z.object({ done: z.number().int(), total: z.number().int() }),
  sides: z.array(taskSideSchema),
  /** Whether the caller may change the task's progress (the ledger's inline status), so the UI offers only what will work. */
  can: z.object({ updateProgress: z.boolean() }),
});

export const ledgerResponse = z.object({
  items: z.array(taskListItemSchema),
  total: z.number().int(),
  countsByStatus: z.object(Object.fromEntries(TASK_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof TASK_STATUSES)[number], z.ZodNumber>),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const myTasksResponse = z.object({
  items: z.array(taskListItemSchema.extend({ cooperationName: z.string() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const approvalSchema = z.object({
  round: z.number().int(),
  partyId: z.uuid(),
  decision: z.enum(APPROVAL_DECISIONS),
  reason: z.string().nullable(),
  userId: z.uuid().nullable(),
  createdAt: z.string(),
});

const closureSchema = z.object({
  requestedAt: z.string().nullable(),
  round: z.number().int(),
  /** The sides whose approval closes the task. */
  requiredPartyIds: z.array(z.uuid()),
  /** Sides still to decide in the open round. */
  pendingPartyIds: z.array(z.uuid()),
  approvals: z.array(approvalSchema),
});

export const taskDetailSchema = taskListItemSchema.extend({
  description: z.string(),
  agreementId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  updatedAt: z.string(),
  owners: z.array(z.object({ userId: z.uuid(), username: z.string(), displayName: z.string() })),
  clauses: z.array(z.object({ id: z.uuid(), agreementId: z.uuid(), label: z.string().nullable(), title: z.string() })),
  milestones: z.array(milestoneSchema),
  closure: closureSchema,
  supervisionNotices: z.array(supervisionNoticeSchema),
  /** The side the caller would issue a 督办 notice under (its office side, the one-sided task's owner first); null when it issues none. */
  noticePartyId: z.uuid().nullable(),
  /**
   * What the caller may do, so the UI shows only the buttons that will work. `report`: file progress reports as one of
   * the task's units; `issueNotice`: issue a 督办 notice on it.
   */
  can: z.object({ edit: z.boolean(), updateProgress: z.boolean(), decideClosure: z.boolean(), report: z.boolean(), issueNotice: z.boolean() }),
});

export const bulkCreateTasksResponse = z.object({
  items: z.array(taskListItemSchema),
  /** Directions that already had a task and were left alone. */
  skippedClauseIds: z.array(z.uuid()),
});

export const closeApprovalBody = z.object({
  decision: z.enum(APPROVAL_DECISIONS),
  reason: z.string().trim().max(2000).optional(),
});
