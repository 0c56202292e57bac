import { request } from './client.ts';
import type { Items } from './types.ts';

/** Shapes and calls of the task ledger, milestones, closing and 督办; src/modules/task, milestone and supervision are the source of truth. */

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const LEDGER_SORTS = ['dueOn', 'createdAt', 'priority', 'title'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type LedgerSort = (typeof LEDGER_SORTS)[number];
export type ApprovalDecision = 'approved' | 'returned';

interface UnitRef {
  organizationId: string;
  name: string;
}

export interface TaskSide {
  partyId: string;
  partyName: string;
  lead: UnitRef | null;
  co: UnitRef[];
}

export interface TaskListItem {
  id: string;
  cooperationId: string;
  title: string;
  source: 'clause' | 'meeting' | 'manual';
  joint: boolean;
  ownerPartyId: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  percent: number;
  tags: string[];
  startOn: string | null;
  dueOn: string | null;
  doneAt: string | null;
  closeRequested: boolean;
  version: number;
  createdAt: string;
  overdue: boolean;
  milestoneCounts: { done: number; total: number };
  sides: TaskSide[];
  can: { updateProgress: boolean };
}

export interface Ledger {
  items: TaskListItem[];
  total: number;
  countsByStatus: Record<TaskStatus, number>;
  page: number;
  pageSize: number;
}

export interface MyTasks {
  items: (TaskListItem & { cooperationName: string })[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Milestone {
  id: string;
  taskId: string;
  title: string;
  dueOn: string | null;
  doneAt: string | null;
  ordinal: number;
  version: number;
}

/** A milestone as its form sends it. */
export interface MilestoneInput {
  title: string;
  dueOn: string | null;
}

interface ClosureApproval {
  round: number;
  partyId: string;
  decision: ApprovalDecision;
  reason: string | null;
  userId: string | null;
  createdAt: string;
}

/** A unit a 督办 notice is addressed to, and who signed (签收) for it when. */
interface NoticeRecipient {
  partyId: string;
  partyName: string;
  organizationId: string;
  organizationName: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
}

export interface SupervisionNotice {
  id: string;
  taskId: string;
  /** Per issuing side and year: 青督〔2026〕3号. */
  number: string;
  deadline: string;
  body: string;
  issuedBy: string | null;
  issuedPartyId: string | null;
  recipients: NoticeRecipient[];
  /** When the last recipient signed; null while any has not. */
  acknowledgedAt: string | null;
  version: number;
  createdAt: string;
  /** The server offers signing only to a user of a recipient unit that has not signed yet. */
  can: { acknowledge: boolean };
}

/** The latest notice to a unit on a task, as the 督办 page shows it on the unit's row. */
export interface SupervisionRowNotice {
  id: string;
  number: string;
  deadline: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
}

export interface TaskDetail extends TaskListItem {
  description: string;
  agreementId: string | null;
  updatedAt: string;
  owners: { userId: string; username: string; displayName: string }[];
  clauses: { id: string; agreementId: string; label: string | null; title: string }[];
  milestones: Milestone[];
  closure: {
    requestedAt: string | null;
    round: number;
    requiredPartyIds: string[];
    pendingPartyIds: string[];
    approvals: ClosureApproval[];
  };
  supervisionNotices: SupervisionNotice[];
  /** The side the caller would issue a 督办 notice under; null when it issues none. */
  noticePartyId: string | null;
  /** `report`: file progress reports as one of the task's units; `issueNotice`: issue a 督办 notice on it. */
  can: { edit: boolean; updateProgress: boolean; decideClosure: boolean; report: boolean; issueNotice: boolean };
}

export interface TaskUnitInput {
  partyId: string;
  organizationId: string;
  role: 'lead' | 'co';
}

/** The body of `POST /cooperations/:id/tasks` as the new-task form fills it; the server defaults the rest. */
export interface CreateTaskBody {
  title: string;
  description: string;
  agreementId: string | null;
  clauseIds: string[];
  joint: boolean;
  ownerPartyId: string | null;
  priority: TaskPriority;
  tags: string[];
  startOn: string | null;
  dueOn: string | null;
  units: TaskUnitInput[];
}

/** What the edit form may change in `PATCH /tasks/:id`; a field left out stays as it is. */
export interface TaskPatch {
  status?: TaskStatus;
  percent?: number;
  title?: string;
  description?: string;
  priority?: TaskPriority;
  tags?: string[];
  startOn?: string | null;
  dueOn?: string | null;
  units?: TaskUnitInput[];
  clauseIds?: string[];
}

export interface BulkCreateTasksBody {
  leadUnits: { partyId: string; organizationId: string }[];
  priority: TaskPriority;
  dueOn: string | null;
}

export interface BulkCreateTasksResult {
  items: TaskListItem[];
  /** Directions that already had a task and were left alone. */
  skippedClauseIds: string[];
}

export interface Organization {
  id: string;
  name: string;
  regionCode: string;
}

export interface LedgerQuery {
  side?: string;
  unit?: string;
  status?: TaskStatus[];
  clauseId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
  ownerUserId?: string;
  q?: string;
  priority?: TaskPriority[];
  tag?: string;
  sort?: LedgerSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export type SupervisionReason = 'overdue' | 'due_soon' | 'not_reported' | 'returned';

export interface SupervisionCounts {
  overdue: number;
  dueSoon: number;
  notReported: number;
  returned: number;
}

export interface SupervisionTask {
  id: string;
  title: string;
  status: TaskStatus;
  dueOn: string | null;
  /** Days past due (positive) or left (zero or negative), null without a due date. */
  daysOverdue: number | null;
  reasons: SupervisionReason[];
  role: 'lead' | 'co' | null;
  notice: SupervisionRowNotice | null;
}

export interface SupervisionUnit {
  organizationId: string | null;
  organizationName: string | null;
  partyId: string | null;
  partyName: string | null;
  counts: SupervisionCounts;
  tasks: SupervisionTask[];
}

export interface SupervisionOverview {
  asOf: string;
  withinDays: number;
  period: { id: string; label: string; dueOn: string } | null;
  totals: SupervisionCounts;
  units: SupervisionUnit[];
}

/** Arrays go as "a,b", which the server reads as "a or b"; false flags are left out rather than sent. */
function ledgerParams(query: LedgerQuery): Record<string, string | number | undefined> {
  return {
    ...query,
    status: query.status?.join(','),
    priority: query.priority?.join(','),
    overdue: query.overdue ? 'true' : undefined,
  };
}

const id = encodeURIComponent;

export const tasksApi = {
  ledger: (cooperationId: string, query: LedgerQuery) => request<Ledger>('GET', `/cooperations/${id(cooperationId)}/tasks`, undefined, ledgerParams(query)),
  mine: (query: { overdue?: boolean; page?: number; pageSize?: number }) =>
    request<MyTasks>('GET', '/my/tasks', undefined, { ...query, overdue: query.overdue ? 'true' : undefined }),
  task: (taskId: string) => request<TaskDetail>('GET', `/tasks/${id(taskId)}`),
  create: (cooperationId: string, body: CreateTaskBody) => request<TaskDetail>('POST', `/cooperations/${id(cooperationId)}/tasks`, body),
  /** One joint task per direction of the agreement that has none yet. */
  createPerDirection: (agreementId: string, body: BulkCreateTasksBody) =>
    request<BulkCreateTasksResult>('POST', `/agreements/${id(agreementId)}/tasks/bulk`, body),
  update: (taskId: string, version: number, patch: TaskPatch) =>
    request<TaskDetail>('PATCH', `/tasks/${id(taskId)}`, { version, ...patch }),
  requestClose: (taskId: string) => request<TaskDetail>('POST', `/tasks/${id(taskId)}/close-request`),
  decideClose: (taskId: string, decision: ApprovalDecision, reason?: string) =>
    request<TaskDetail>('POST', `/tasks/${id(taskId)}/close-approvals`, { decision, reason }),
  delete: (task: { id: string; version: number }) => request<void>('DELETE', `/tasks/${id(task.id)}`, undefined, { version: task.version }),
  markMilestone: (milestone: Milestone, done: boolean) =>
    request<{ milestone: Milestone }>('PATCH', `/milestones/${id(milestone.id)}`, { version: milestone.version, done }),
  addMilestone: (taskId: string, body: MilestoneInput) => request<{ milestone: Milestone }>('POST', `/tasks/${id(taskId)}/milestones`, body),
  editMilestone: (milestone: Milestone, body: MilestoneInput) =>
    request<{ milestone: Milestone }>('PATCH', `/milestones/${id(milestone.id)}`, { version: milestone.version, ...body }),
  moveMilestone: (milestone: Milestone, direction: 'up' | 'down') =>
    request<{ items: Milestone[] }>('POST', `/milestones/${id(milestone.id)}/move`, { version: milestone.version, direction }),
  deleteMilestone: (milestone: Milestone) => request<unknown>('DELETE', `/milestones/${id(milestone.id)}`, undefined, { version: milestone.version }),
  supervision: (cooperationId: string, query: { partyId?: string; withinDays?: number }) =>
    request<SupervisionOverview>('GET', `/cooperations/${id(cooperationId)}/supervision`, undefined, query),
  notices: (taskId: string) => request<Items<SupervisionNotice>>('GET', `/tasks/${id(taskId)}/supervision-notices`),
  issueNotice: (taskId: string, deadline: string, body: string, recipientOrganizationIds: string[]) =>
    request<SupervisionNotice>('POST', `/tasks/${id(taskId)}/supervision-notices`, { deadline, body, recipientOrganizationIds }),
  /** The units of one region, for the ledger's unit filter and the unit pickers of new tasks. */
  organizationsIn: (regionCode: string) => request<Items<Organization>>('GET', '/organizations', undefined, { regionCode, pageSize: 200 }),
  acknowledgeNotice: (noticeId: string) => request<SupervisionNotice>('POST', `/supervision-notices/${id(noticeId)}/acknowledge`),
};
