import { badRequest, conflict, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { TASK_STATUSES } from '../../db/schema/work.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import {
  assertCanChangeTaskSides,
  assertCanChangeUnitsOf,
  assertCanManageTask,
  assertCanReadCooperation,
  assertCanReadRow,
  assertCanWorkOnTask,
  canManageTask,
  canReadRow,
  canReadTask,
  canWorkOnTask,
  coordinatedSides,
  noticeSideOf,
  reportsAsUnit,
  rowAuditScope,
  rowScope,
  taskScopeAcross,
} from '../access/policy.ts';
import { agreementRepository } from '../agreement/agreement.repository.ts';
import { audit, followRowScope } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { milestoneRepository } from '../milestone/milestone.repository.ts';
import { presentMilestone } from '../milestone/milestone.presenter.ts';
import { presentNotices } from '../supervision/supervision-notice.presenter.ts';
import { supervisionRepository } from '../supervision/supervision.repository.ts';
import type { TaskNotifications } from './task-notifications.ts';
import { taskClosureRepository } from './task-closure.repository.ts';
import { closingSides, sidesOfNewTask, sidesWithChangedUnits } from './task-sides.ts';
import {
  taskRepository,
  type LedgerFilter,
  type LedgerPage,
  type NewTask,
  type TaskPriority,
  type TaskRow,
  type TaskStatus,
  type TaskUnitInput,
} from './task.repository.ts';
import { percentIsStated, percentOf } from './task-progress.ts';
import { isClosed, isOverdue } from './task-status.ts';
import { regionLiesWithin } from './unit-side.ts';
import { isoOrNull } from '../../lib/present.ts';

const ENTITY = 'task';

export interface TaskServiceDeps {
  /** The business day (YYYY-MM-DD) that "overdue" is judged against. */
  today(): string;
  notifications: TaskNotifications;
  /** Deletes an evidence file from storage; a file already gone is not an error. */
  removeStoredFile(key: string): Promise<void>;
}

export interface CreateTaskInput {
  title: string;
  description: string;
  source?: NewTask['source'] | undefined;
  agreementId?: string | null | undefined;
  clauseIds: string[];
  joint: boolean;
  ownerPartyId?: string | null | undefined;
  visibility: TaskRow['visibility'];
  priority: TaskPriority;
  tags: string[];
  startOn?: string | null | undefined;
  dueOn?: string | null | undefined;
  units: TaskUnitInput[];
  ownerUserIds: string[];
  /** `doneAt` is for carrying over work already reached (seeding, imports); the API creates open milestones. */
  milestones: { title: string; dueOn?: string | null | undefined; doneAt?: Date | null | undefined }[];
}

export interface UpdateTaskInput {
  title?: string | undefined;
  description?: string | undefined;
  priority?: TaskPriority | undefined;
  status?: TaskStatus | undefined;
  percent?: number | undefined;
  tags?: string[] | undefined;
  startOn?: string | null | undefined;
  dueOn?: string | null | undefined;
  visibility?: TaskRow['visibility'] | undefined;
  joint?: boolean | undefined;
  ownerPartyId?: string | null | undefined;
  units?: TaskUnitInput[] | undefined;
  ownerUserIds?: string[] | undefined;
  clauseIds?: string[] | undefined;
}

export interface BulkCreateInput {
  leadUnits: { partyId: string; organizationId: string }[];
  ownerUserIds: string[];
  priority: TaskPriority;
  tags: string[];
  startOn?: string | null | undefined;
  dueOn?: string | null | undefined;
}

export interface LedgerQuery {
  side?: string | undefined;
  unit?: string | undefined;
  status?: TaskStatus[] | undefined;
  clauseId?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  overdue?: boolean | undefined;
  ownerUserId?: string | undefined;
  q?: string | undefined;
  priority?: TaskPriority[] | undefined;
  tag?: string | undefined;
  sort: LedgerPage['sort'];
  order: LedgerPage['order'];
  page: number;
  pageSize: number;
}

/** Fields a lead or co-operating unit may change; everything else is the cooperation offices'. */
const PROGRESS_FIELDS = new Set<keyof UpdateTaskInput>(['status', 'percent']);

const unique = <T>(values: T[]) => [...new Set(values)];

function assertDates(startOn: string | null | undefined, dueOn: string | null | undefined) {
  if (startOn && dueOn && dueOn < startOn) {
    throw badRequest('task.invalid_dates', 'The due date is before the start date', { startOn, dueOn });
  }
}

interface UnitWithNames {
  taskId: string;
  partyId: string;
  partyName: string;
  organizationId: string;
  organizationName: string;
  role: 'lead' | 'co';
}

/** Units per side: the lead unit (牵头单位) and the co-operating units (配合单位). */
function groupSides(units: UnitWithNames[], sides: { id: string; name: string }[]) {
  return sides.map((side) => {
    const own = units.filter((u) => u.partyId === side.id);
    const lead = own.find((u) => u.role === 'lead');
    return {
      partyId: side.id,
      partyName: side.name,
      lead: lead ? { organizationId: lead.organizationId, name: lead.organizationName } : null,
      co: own.filter((u) => u.role === 'co').map((u) => ({ organizationId: u.organizationId, name: u.organizationName })),
    };
  });
}

/** The sides a list row shows: those with units, in the cooperation's order (units arrive ordered by side). */
function sidesWithUnits(units: UnitWithNames[]) {
  const seen = new Map<string, string>();
  for (const u of units) if (!seen.has(u.partyId)) seen.set(u.partyId, u.partyName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export function createTaskService(db: Db, cooperations: CooperationService, deps: TaskServiceDeps) {
  /** The task row after the read checks; a task the actor may not see is answered as missing. */
  async function loadReadable(actor: Actor | null, id: string, tx: Db = db): Promise<TaskRow> {
    return missingAs(ENTITY, id, async () => {
      const row = await taskRepository.get(tx, id);
      if (!row) throw notFound(ENTITY, id);
      const cooperation = await cooperationRepository.get(tx, row.cooperationId);
      if (!cooperation) throw notFound(ENTITY, id);
      assertCanReadCooperation(actor, cooperation);
      if (!canReadTask(actor, row)) throw notFound(ENTITY, id);
      return row;
    });
  }

  async function assertShape(
    tx: Db,
    cooperationId: string,
    shape: { joint: boolean; ownerPartyId: string | null; visibility: TaskRow['visibility'] },
  ) {
    const partyRows = await taskRepository.partiesOf(tx, cooperationId);
    if (shape.joint && shape.ownerPartyId) throw badRequest('task.owner_side_on_joint', 'A joint task belongs to all sides; ownerPartyId is for one-sided tasks');
    if (!shape.joint && !shape.ownerPartyId) throw badRequest('task.owner_side_required', 'A one-sided task needs its owner side (ownerPartyId)');
    if (shape.ownerPartyId && !partyRows.some((p) => p.id === shape.ownerPartyId)) throw notFound('party', shape.ownerPartyId);
    if (shape.visibility === 'side' && shape.joint) {
      throw badRequest('task.side_visibility_needs_owner', "Only a one-sided task can be kept to its owner side ('side')");
    }
    return partyRows;
  }

  /** Each unit is of a side of this cooperation and lies in that side's region; one lead per side. */
  async function assertUnits(
    tx: Db,
    partyRows: { id: string; regionCode: string; name: string }[],
    shape: { joint: boolean; ownerPartyId: string | null },
    units: TaskUnitInput[],
  ) {
    const seen = new Set<string>();
    const leads = new Set<string>();
    for (const unit of units) {
      if (!partyRows.some((p) => p.id === unit.partyId)) throw notFound('party', unit.partyId);
      if (seen.has(unit.organizationId)) throw badRequest('task.duplicate_unit', 'A unit is named twice on the task', { organizationId: unit.organizationId });
      seen.add(unit.organizationId);
      if (unit.role === 'lead') {
        if (leads.has(unit.partyId)) throw badRequest('task.duplicate_lead', 'A side has one lead unit (牵头单位) per task', { partyId: unit.partyId });
        leads.add(unit.partyId);
      }
      if (!shape.joint && unit.partyId !== shape.ownerPartyId) {
        throw badRequest('task.unit_wrong_side', 'A one-sided task has units of its owner side only', { partyId: unit.partyId });
      }
    }
    const found = await taskRepository.organizationsIn(tx, [...seen]);
    for (const unit of units) {
      const organization = found.find((o) => o.id === unit.organizationId);
      if (!organization) throw notFound('organization', unit.organizationId);
      const party = partyRows.find((p) => p.id === unit.partyId);
      if (party && !regionLiesWithin(organization.regionCode, party.regionCode)) {
        throw badRequest('task.unit_wrong_side', `The unit does not belong to the side ${party.name}`, {
          organizationId: unit.organizationId,
          partyId: unit.partyId,
        });
      }
    }
  }

  async function assertOwners(tx: Db, cooperationId: string, userIds: string[]): Promise<string[]> {
    const wanted = unique(userIds);
    const members = await taskRepository.membersAmong(tx, cooperationId, wanted);
    const outsiders = wanted.filter((id) => !members.includes(id));
    if (outsiders.length) throw badRequest('task.owner_not_member', 'Task owners must hold a role in the cooperation', { userIds: outsiders });
    return wanted;
  }

  async function assertClauses(tx: Db, actor: Actor, cooperationId: string, clauseIds: string[]): Promise<string[]> {
    const wanted = unique(clauseIds);
    const found = await taskRepository.clausesIn(tx, cooperationId, wanted);
    const missing = wanted.find((id) => !found.some((c) => c.id === id));
    if (missing) throw notFound('clause', missing);
    // A clause of an agreement kept to the other side does not exist for the caller.
    for (const agreementId of unique(found.map((c) => c.agreementId))) {
      const agreement = await agreementRepository.get(tx, agreementId);
      if (agreement && !canReadRow(actor, agreement.cooperationId, agreement.visibility, agreement.ownerPartyId)) {
        throw notFound('clause', found.find((c) => c.agreementId === agreementId)?.id);
      }
    }
    return wanted;
  }

  function presentList<
    T extends { cooperationId: string; joint: boolean; ownerPartyId: string | null; doneAt: Date | null; createdAt: Date; closeRequestedAt: Date | null; status: TaskStatus; units: UnitWithNames[] },
  >(actor: Actor | null, rows: T[]) {
    return rows.map(({ closeRequestedAt, units, ...row }) => ({
      ...row,
      doneAt: isoOrNull(row.doneAt),
      createdAt: row.createdAt.toISOString(),
      closeRequested: !!closeRequestedAt && !isClosed(row.status),
      sides: groupSides(units, sidesWithUnits(units)),
      can: { updateProgress: canWorkOnTask(actor, row, units.map((u) => u.organizationId)) },
    }));
  }

  async function presentDetail(actor: Actor | null, row: TaskRow) {
    const today = deps.today();
    const scope = rowScope(actor, row.cooperationId);
    const [units, owners, clauseRows, agreementId, milestoneRows, approvals, notices, partyRows] = await Promise.all([
      taskRepository.unitsOf(db, [row.id]),
      taskRepository.ownersOf(db, row.id),
      taskRepository.clausesOf(db, row.id, scope),
      taskRepository.visibleAgreementId(db, row.agreementId, scope),
      milestoneRepository.listByTask(db, row.id),
      taskClosureRepository.approvalsOf(db, row.id),
      supervisionRepository.noticesOfTasks(db, [row.id]),
      taskRepository.partiesOf(db, row.cooperationId),
    ]);
    const required = closingSides(row);
    const open = !!row.closeRequestedAt && !isClosed(row.status);
    const approvedNow = approvals.filter((a) => a.round === row.closeRound && a.decision === 'approved').map((a) => a.partyId);
    const pending = open ? required.filter((p) => !approvedNow.includes(p)) : [];
    const shownSides = row.joint ? partyRows : partyRows.filter((p) => p.id === row.ownerPartyId);
    const noticePartyId = noticeSideOf(actor, row);
    return {
      id: row.id,
      cooperationId: row.cooperationId,
      agreementId,
      title: row.title,
      description: row.description,
      source: row.source,
      joint: row.joint,
      ownerPartyId: row.ownerPartyId,
      priority: row.priority,
      status: row.status,
      percent: row.percent,
      tags: row.tags,
      startOn: row.startOn,
      dueOn: row.dueOn,
      doneAt: isoOrNull(row.doneAt),
      closeRequested: open,
      visibility: row.visibility,
      version: row.version,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      overdue: isOverdue(row, today),
      milestoneCounts: { done: milestoneRows.filter((m) => m.doneAt).length, total: milestoneRows.length },
      sides: groupSides(units, shownSides),
      owners,
      clauses: clauseRows.map(({ id, agreementId, label, title }) => ({ id, agreementId, label, title })),
      milestones: milestoneRows.map(presentMilestone),
      closure: {
        requestedAt: isoOrNull(row.closeRequestedAt),
        round: row.closeRound,
        requiredPartyIds: required,
        pendingPartyIds: pending,
        approvals: approvals.map((a) => ({
          round: a.round,
          partyId: a.partyId,
          decision: a.decision,
          reason: a.reason,
          userId: a.userId,
          createdAt: a.createdAt.toISOString(),
        })),
      },
      supervisionNotices: await presentNotices(db, actor, notices),
      noticePartyId,
      can: {
        edit: canManageTask(actor, row),
        updateProgress: canWorkOnTask(actor, row, units.map((u) => u.organizationId)),
        decideClosure: coordinatedSides(actor, row.cooperationId).some((p) => pending.includes(p)),
        report: reportsAsUnit(actor, row, units),
        issueNotice: noticePartyId !== null && !isClosed(row.status),
      },
    };
  }

  async function createIn(tx: Db, actor: Actor, cooperationId: string, input: CreateTaskInput): Promise<TaskRow> {
    await cooperations.loadForManagement(tx, actor, cooperationId);
    const ownerPartyId = input.ownerPartyId ?? null;
    const partyRows = await assertShape(tx, cooperationId, { joint: input.joint, ownerPartyId, visibility: input.visibility });
    assertCanManageTask(actor, { cooperationId, joint: input.joint, ownerPartyId });
    assertDates(input.startOn, input.dueOn);
    await assertUnits(tx, partyRows, { joint: input.joint, ownerPartyId }, input.units);
    const ownerUserIds = await assertOwners(tx, cooperationId, input.ownerUserIds);
    const clauseIds = await assertClauses(tx, actor, cooperationId, input.clauseIds);
    if (input.agreementId) {
      const agreement = await agreementRepository.get(tx, input.agreementId);
      if (!agreement || agreement.cooperationId !== cooperationId) throw notFound('agreement', input.agreementId);
      assertCanReadRow(actor, 'agreement', agreement);
    }
    const reached = input.milestones.filter((m) => m.doneAt).length;
    const row = await taskRepository.insert(tx, {
      cooperationId,
      agreementId: input.agreementId ?? null,
      title: input.title,
      description: input.description,
      source: input.source ?? (clauseIds.length ? 'clause' : 'manual'),
      joint: input.joint,
      ownerPartyId,
      sides: sidesOfNewTask({ joint: input.joint, ownerPartyId }, input.units.map((u) => u.partyId), partyRows.map((p) => p.id)),
      priority: input.priority,
      tags: unique(input.tags),
      startOn: input.startOn ?? null,
      dueOn: input.dueOn ?? null,
      visibility: input.visibility,
      createdBy: authorId(actor),
      // The rule milestone changes follow: percent is the share reached, and reaching one starts the task.
      percent: percentOf({ total: input.milestones.length, done: reached }, 0),
      ...(reached ? { status: 'in_progress' as const } : {}),
    });
    await taskRepository.replaceUnits(tx, cooperationId, row.id, input.units);
    await taskRepository.replaceOwners(tx, cooperationId, row.id, ownerUserIds);
    await taskRepository.replaceClauses(tx, cooperationId, row.id, clauseIds);
    for (const [ordinal, milestone] of input.milestones.entries()) {
      assertMilestoneDate(row, milestone.dueOn);
      await milestoneRepository.insert(tx, { cooperationId, taskId: row.id, title: milestone.title, dueOn: milestone.dueOn ?? null, doneAt: milestone.doneAt ?? null, ordinal });
    }
    await audit(tx, actor, {
      cooperationId,
      action: 'create',
      entity: ENTITY,
      entityId: row.id,
      after: { ...row, units: input.units, ownerUserIds, clauseIds, milestones: input.milestones },
      scope: rowAuditScope(ENTITY, row),
    });
    await deps.notifications.assigned(tx, actor, row, unique(input.units.map((u) => u.organizationId)));
    return row;
  }

  /** A change to one task inside the caller's transaction: the rules every edit follows (the API's, an imported ledger's). */
  async function updateIn(tx: Db, actor: Actor, id: string, version: number, patch: UpdateTaskInput): Promise<TaskRow> {
    const before = await loadReadable(actor, id, tx);
    const units = await taskRepository.unitsOf(tx, [id]);
    const changed = (Object.keys(patch) as (keyof UpdateTaskInput)[]).filter((k) => patch[k] !== undefined);
    if (changed.some((k) => !PROGRESS_FIELDS.has(k))) assertCanManageTask(actor, before);
    else assertCanWorkOnTask(actor, before, units.map((u) => u.organizationId));
    const fields: Partial<NewTask> = {};
    if (patch.status !== undefined && patch.status !== before.status) {
      if (patch.status === 'done') throw conflict('task.close_requires_approval', 'A task is closed by the approval of its sides: request closing instead');
      // Cancelling and reopening a closed task are decisions of the cooperation offices.
      if (patch.status === 'cancelled' || isClosed(before.status)) assertCanManageTask(actor, before);
      fields.status = patch.status;
      if (before.status === 'done') fields.doneAt = null;
      if (isClosed(before.status)) fields.closeRequestedAt = null;
    }
    if (patch.percent !== undefined) {
      if (!percentIsStated(await milestoneRepository.counts(tx, id))) {
        throw badRequest('task.percent_derived', 'The percent of a task with milestones follows its milestones');
      }
      fields.percent = patch.percent;
    }
    const startOn = patch.startOn !== undefined ? patch.startOn : before.startOn;
    const dueOn = patch.dueOn !== undefined ? patch.dueOn : before.dueOn;
    assertDates(startOn, dueOn);
    const visibility = patch.visibility ?? before.visibility;
    const joint = patch.joint ?? before.joint;
    const ownerPartyId = patch.ownerPartyId !== undefined ? patch.ownerPartyId : patch.joint ? null : before.ownerPartyId;
    const reshaped = joint !== before.joint || ownerPartyId !== before.ownerPartyId;
    if (reshaped) assertCanChangeTaskSides(actor);
    const partyRows = await assertShape(tx, before.cooperationId, { joint, ownerPartyId, visibility });
    const nextUnits = patch.units ?? units;
    if (patch.units || reshaped) await assertUnits(tx, partyRows, { joint, ownerPartyId }, nextUnits);
    if (patch.units) assertCanChangeUnitsOf(actor, before.cooperationId, sidesWithChangedUnits(units, patch.units));
    if (reshaped) {
      fields.joint = joint;
      fields.ownerPartyId = ownerPartyId;
      fields.sides = sidesOfNewTask({ joint, ownerPartyId }, nextUnits.map((u) => u.partyId), partyRows.map((p) => p.id));
    } else if (patch.units) {
      // A side given units on a task it does not take part in would join its decisions, which is not one side's call.
      const joining = partyRows.filter((p) => !before.sides.includes(p.id) && patch.units?.some((u) => u.partyId === p.id));
      if (joining.length) {
        assertCanChangeTaskSides(actor);
        fields.sides = partyRows.filter((p) => before.sides.includes(p.id) || joining.includes(p)).map((p) => p.id);
      }
    }
    const ownerUserIds = patch.ownerUserIds && (await assertOwners(tx, before.cooperationId, patch.ownerUserIds));
    const clauseIds = patch.clauseIds && (await assertClauses(tx, actor, before.cooperationId, patch.clauseIds));
    if (patch.title !== undefined) fields.title = patch.title;
    if (patch.description !== undefined) fields.description = patch.description;
    if (patch.priority !== undefined) fields.priority = patch.priority;
    if (patch.tags !== undefined) fields.tags = unique(patch.tags);
    if (patch.startOn !== undefined) fields.startOn = patch.startOn;
    if (patch.dueOn !== undefined) fields.dueOn = patch.dueOn;
    if (patch.visibility !== undefined) fields.visibility = patch.visibility;
    const after = await taskRepository.update(tx, id, version, fields);
    if (!after) throw staleVersion(ENTITY, before.version);
    if (patch.units) {
      await taskRepository.replaceUnits(tx, before.cooperationId, id, patch.units);
      const added = unique(patch.units.map((u) => u.organizationId)).filter((o) => !units.some((u) => u.organizationId === o));
      if (added.length) await deps.notifications.assigned(tx, actor, after, added);
    }
    if (ownerUserIds) await taskRepository.replaceOwners(tx, before.cooperationId, id, ownerUserIds);
    if (clauseIds) {
      // The caller names the clauses it sees; those of agreements kept from it stay as they were.
      const kept = await taskRepository.hiddenClauseIdsOf(tx, id, rowScope(actor, before.cooperationId));
      await taskRepository.replaceClauses(tx, before.cooperationId, id, unique([...clauseIds, ...kept]));
    }
    await followRowScope(tx, ENTITY, before, after);
    await audit(tx, actor, {
      cooperationId: before.cooperationId,
      action: 'update',
      entity: ENTITY,
      entityId: id,
      before: { ...before, ...(patch.units ? { units } : {}) },
      after: { ...after, ...(patch.units ? { units: patch.units } : {}), ...(ownerUserIds ? { ownerUserIds } : {}), ...(clauseIds ? { clauseIds } : {}) },
      scope: rowAuditScope(ENTITY, after),
    });
    return after;
  }

  return {
    loadReadable,
    presentDetail,
    createIn,
    updateIn,
    today: deps.today,

    /** Refuses, as missing, a task the actor may not see; for routes that act on it through another module. */
    async assertReadable(actor: Actor, id: string): Promise<void> {
      await loadReadable(actor, id);
    },

    async get(actor: Actor | null, id: string) {
      return presentDetail(actor, await loadReadable(actor, id));
    },

    /** The ledger (任务台账) of one cooperation: a filtered page, its total and counts per status. */
    async ledger(actor: Actor | null, cooperationId: string, query: LedgerQuery) {
      const filter: LedgerFilter = {
        partyId: query.side,
        organizationId: query.unit,
        statuses: query.status,
        clauseId: query.clauseId,
        dueFrom: query.dueFrom,
        dueTo: query.dueTo,
        overdue: query.overdue,
        ownerUserId: query.ownerUserId,
        q: query.q,
        priorities: query.priority,
        tag: query.tag,
      };
      // The access check and the side's lookup run beside the queries, not before them: one round trip instead of
      // three, and nothing leaves unless the check passes (its refusal wins over an unknown side).
      const [result, , party] = await Promise.all([
        taskRepository.ledger(db, cooperationId, rowScope(actor, cooperationId), filter, query, deps.today()),
        cooperations.load(actor, cooperationId),
        query.side ? cooperationRepository.getParty(db, cooperationId, query.side) : null,
      ]);
      if (query.side && !party) throw notFound('party', query.side);
      const countsByStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, result.countsByStatus[s] ?? 0])) as Record<TaskStatus, number>;
      return { items: presentList(actor, result.items), total: result.total, countsByStatus, page: query.page, pageSize: query.pageSize };
    },

    /** "My work": what I own or my unit leads or co-operates on, across cooperations. */
    async mine(actor: Actor, query: { status?: TaskStatus[] | undefined; overdue?: boolean | undefined; page: number; pageSize: number }) {
      const result = await taskRepository.mine(
        db,
        { userId: actor.userId, organizationId: actor.organizationId },
        taskScopeAcross(actor),
        { statuses: query.status, overdue: query.overdue },
        query,
        deps.today(),
      );
      return { items: presentList(actor, result.items), total: result.total, page: query.page, pageSize: query.pageSize };
    },

    async create(actor: Actor, cooperationId: string, input: CreateTaskInput) {
      const row = await writeTransaction(db, ENTITY, (tx) => createIn(tx, actor, cooperationId, input));
      return presentDetail(actor, row);
    },

    /** One task per direction-level clause of an agreement, each linked to its clause, with the given lead unit per side. */
    async createPerDirection(actor: Actor, agreementId: string, input: BulkCreateInput) {
      const { created, skippedClauseIds } = await writeTransaction(db, ENTITY, async (tx) => {
        const agreement = await missingAs('agreement', agreementId, async () => {
          const row = await agreementRepository.get(tx, agreementId);
          if (!row) throw notFound('agreement', agreementId);
          const cooperation = await cooperationRepository.get(tx, row.cooperationId);
          if (cooperation) assertCanReadCooperation(actor, cooperation);
          assertCanReadRow(actor, 'agreement', row);
          return row;
        });
        await cooperations.loadForManagement(tx, actor, agreement.cooperationId);
        const leadUnits = input.leadUnits.map((u) => ({ ...u, role: 'lead' as const }));
        // Checked once up front, so a wrong unit is refused even when every direction already has its task.
        const partyRows = await assertShape(tx, agreement.cooperationId, { joint: true, ownerPartyId: null, visibility: 'parties' });
        await assertUnits(tx, partyRows, { joint: true, ownerPartyId: null }, leadUnits);
        const directions = await taskRepository.directionsOf(tx, agreementId);
        const rows: TaskRow[] = [];
        for (const direction of directions.filter((d) => !d.hasTask)) {
          rows.push(
            await createIn(tx, actor, agreement.cooperationId, {
              title: direction.title,
              description: '',
              source: 'clause',
              agreementId,
              clauseIds: [direction.id],
              joint: true,
              visibility: 'parties',
              priority: input.priority,
              tags: input.tags,
              startOn: input.startOn,
              dueOn: input.dueOn,
              units: leadUnits,
              ownerUserIds: input.ownerUserIds,
              milestones: [],
            }),
          );
        }
        return { created: rows, skippedClauseIds: directions.filter((d) => d.hasTask).map((d) => d.id) };
      });
      const rows = await taskRepository.listByIds(db, created.map((r) => r.id), deps.today());
      return { items: presentList(actor, rows), skippedClauseIds };
    },

    async update(actor: Actor, id: string, version: number, patch: UpdateTaskInput) {
      const row = await writeTransaction(db, ENTITY, (tx) => updateIn(tx, actor, id, version, patch));
      return presentDetail(actor, row);
    },

    async delete(actor: Actor, id: string, version: number) {
      const storageKeys = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadReadable(actor, id, tx);
        assertCanManageTask(actor, before);
        const deleted = await taskRepository.delete(tx, id, version);
        if (!deleted) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before, scope: rowAuditScope(ENTITY, before) });
        return deleted.storageKeys;
      });
      // Only after the commit: a rolled-back delete keeps its records, and they must keep their files. A file that
      // cannot be removed now stays behind as an unreferenced blob; the task is gone either way, so the answer is success.
      await Promise.allSettled(storageKeys.map((key) => deps.removeStoredFile(key)));
    },
  };
}

/** A milestone falls due on or after the task starts. */
export function assertMilestoneDate(task: Pick<TaskRow, 'startOn'>, dueOn: string | null | undefined) {
  if (dueOn && task.startOn && dueOn < task.startOn) {
    throw badRequest('milestone.invalid_dates', 'A milestone cannot fall due before its task starts', { startOn: task.startOn, dueOn });
  }
}

export type TaskService = ReturnType<typeof createTaskService>;
