import { badRequest, conflict, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import {
  approvingSide,
  assertCanWriteReport,
  assertTokenMayWrite,
  canReadReport,
  canReadTask,
  canReviewReport,
  canReviseReport,
  canWriteReport,
  coordinatedSides,
  isOnSide,
  reportAuditScope,
  reportingUnitFor,
  rowAuditScope,
  rowScope,
} from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import type { IndicatorService } from '../indicator/indicator.service.ts';
import { milestoneRepository } from '../milestone/milestone.repository.ts';
import type { NotifyRequest } from '../notification/notification.service.ts';
import { periodRepository, type PeriodRow } from '../period/period.repository.ts';
import { supervisionRepository } from '../supervision/supervision.repository.ts';
import { businessToday } from '../task/business-date.ts';
import { settleProgress } from '../task/task-progress.ts';
import { assertOpen, isClosed } from '../task/task-status.ts';
import { decidingSides, reportSides } from '../task/task-sides.ts';
import { taskRepository, type TaskRow } from '../task/task.repository.ts';
import type { TaskService } from '../task/task.service.ts';
import { reportRepository, type ApprovalEntry, type ApprovalRow, type ReportRow } from './report.repository.ts';

const ENTITY = 'report';

export interface ReportContent {
  narrative: string;
  percent: number;
  milestonesReached: string[];
  figures: { name: string; value: number; unit: string }[];
  /** Values of the indicators the unit answers for (责任单位); official once the report is approved. */
  indicatorValues: { indicatorId: string; value: number }[];
}

export interface CreateReportInput extends ReportContent {
  periodId: string;
  organizationId?: string | undefined;
}

export interface ReviewInput {
  decision: 'approved' | 'returned';
  reason?: string | undefined;
}

export type InboxState = 'to_submit' | 'to_review' | 'returned';

export interface Notifier {
  notify(tx: Db, request: NotifyRequest): Promise<unknown>;
}

export interface ReportServiceDeps {
  tasks: TaskService;
  indicators: Pick<IndicatorService, 'assertReportValues' | 'applyApprovedReport' | 'namesFor'>;
  timeZone: string;
  notifier: Notifier | null;
  /** Proposes closing a task once an approved report says it is complete. */
  proposeTaskClosing: ((tx: Db, actor: Actor, task: TaskRow) => Promise<void>) | null;
}

/** Round n is the n-th submission: one more than the number of times it was returned. */
const roundOf = (history: ApprovalRow[]) => 1 + history.filter((a) => a.decision === 'returned').length;

const FINAL_STATES: ReportRow['status'][] = ['approved', 'superseded'];
const locked = () => conflict('report.locked', 'An approved report is locked; start a revision to correct it');

export function createReportService(db: Db, deps: ReportServiceDeps) {
  /** The report and its task after the read checks; what the actor may not see answers 404. */
  async function loadReadable(tx: Db, actor: Actor, id: string, lock: boolean): Promise<{ report: ReportRow; task: TaskRow }> {
    const report = lock ? await reportRepository.getForUpdate(tx, id) : await reportRepository.get(tx, id);
    if (!report) throw notFound(ENTITY, id);
    const task = await missingAs(ENTITY, id, () => deps.tasks.loadReadable(actor, report.taskId, tx));
    if (!canReadReport(actor, report, task)) throw notFound(ENTITY, id);
    return { report, task };
  }

  async function checkMilestones(tx: Db, taskId: string, ids: string[]): Promise<void> {
    const known = new Set((await milestoneRepository.listByTask(tx, taskId)).map((m) => m.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw badRequest('report.milestone_invalid', 'Milestones reached must be milestones of this task', { unknown });
  }

  /**
   * A report binds the same sides as closing its task would; a submitted one, those fixed when it was submitted.
   * `known` saves the queries when the caller already has the history and whether a revision was started.
   */
  async function present(actor: Actor, report: ReportRow, task: TaskRow, known?: { history: ApprovalEntry[]; revisionStarted: boolean }) {
    const sides = reportSides(report, task);
    const [reviews, names, revisionStarted, indicatorNames] = await Promise.all([
      known?.history ?? reportRepository.approvalsOf(db, [report.id]),
      reportRepository.namesOf(db, report),
      known ? known.revisionStarted : reportRepository.successorOf(db, report.id).then((r) => r !== undefined),
      deps.indicators.namesFor(actor, report.cooperationId, report.indicatorValues.map((v) => v.indicatorId)),
    ]);
    const round = roundOf(reviews);
    const decidedThisRound = new Set(reviews.filter((a) => a.round === round).map((a) => a.partyId));
    const awaitingSides = report.status === 'submitted' ? sides.filter((p) => !decidedThisRound.has(p)) : [];
    return {
      id: report.id,
      cooperationId: report.cooperationId,
      taskId: report.taskId,
      periodId: report.periodId,
      periodLabel: names.periodLabel,
      partyId: report.partyId,
      organizationId: report.organizationId,
      organizationName: names.organizationName,
      author: report.authorId && names.author ? { id: report.authorId, ...names.author } : null,
      revision: report.revision,
      supersedesId: report.supersedesId,
      revisionReason: report.revisionReason,
      status: report.status,
      narrative: report.narrative,
      percent: report.percent,
      milestonesReached: report.milestonesReached,
      figures: report.figures,
      // A value for an indicator the reader does not see (made one-sided since) is left out with its name.
      indicatorValues: report.indicatorValues.flatMap((v) => {
        const named = indicatorNames.get(v.indicatorId);
        return named ? [{ indicatorId: v.indicatorId, name: named.name, unit: named.unit, value: v.value }] : [];
      }),
      returnReason: report.returnReason,
      submittedAt: report.submittedAt?.toISOString() ?? null,
      approvedAt: report.approvedAt?.toISOString() ?? null,
      round,
      decidingSides: sides,
      awaitingSides,
      reviews: reviews.map((a) => ({
        round: a.round,
        partyId: a.partyId,
        decision: a.decision,
        reason: a.reason,
        userId: a.userId,
        userName: a.userName,
        decidedAt: a.createdAt.toISOString(),
      })),
      version: report.version,
      createdAt: report.createdAt.toISOString(),
      updatedAt: report.updatedAt.toISOString(),
      can: {
        edit: (report.status === 'draft' || report.status === 'returned') && canWriteReport(actor, report),
        review: canReviewReport(actor, report, awaitingSides),
        revise: canReviseReport(actor, report, revisionStarted),
      },
    };
  }

  async function tell(tx: Db, request: NotifyRequest): Promise<void> {
    if (deps.notifier) await deps.notifier.notify(tx, request);
  }

  /** Reports are seen as far as their task is: notifications use the task's visibility and owner side. */
  const subjectOf = (report: ReportRow, task: TaskRow) => ({ type: 'report', id: report.id, visibility: task.visibility, partyId: task.ownerPartyId });

  async function tellUnit(tx: Db, actor: Actor, report: ReportRow, task: TaskRow, kind: string, title: string, body: string) {
    const unitUsers = await reportRepository.unitUserIds(tx, report.cooperationId, report.partyId, report.organizationId);
    await tell(tx, {
      cooperationId: report.cooperationId,
      userIds: [...unitUsers, ...(report.authorId ? [report.authorId] : [])],
      exceptUserIds: [actor.userId],
      kind,
      title,
      body,
      link: `/reports/${report.id}`,
      subject: subjectOf(report, task),
    });
  }

  /** Applies an approved report to its task: percent, milestones reached, and a closing proposal when it is complete. */
  async function applyToTask(tx: Db, actor: Actor, report: ReportRow): Promise<void> {
    const before = await taskRepository.getForUpdate(tx, report.taskId);
    if (!before) throw notFound('task', report.taskId);
    const now = new Date();
    const done = await milestoneRepository.markDone(tx, before.id, report.milestonesReached, now);
    for (const milestoneId of done) {
      await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: 'milestone', entityId: milestoneId, after: { doneAt: now, byReport: report.id }, scope: rowAuditScope('task', before) });
    }
    const { task: after, complete } = await settleProgress(tx, before, { stated: report.percent, started: true });
    await audit(tx, actor, { cooperationId: before.cooperationId, action: 'update', entity: 'task', entityId: before.id, before, after: { ...after, byReport: report.id }, scope: rowAuditScope('task', before) });
    const open = !isClosed(after.status) && !after.closeRequestedAt;
    if (complete && open && deps.proposeTaskClosing) await deps.proposeTaskClosing(tx, actor, after);
  }

  return {
    async listForTask(actor: Actor, taskId: string) {
      const task = await deps.tasks.loadReadable(actor, taskId);
      const all = await reportRepository.listByTask(db, taskId);
      const rows = all.filter((r) => canReadReport(actor, r, task));
      const history = await reportRepository.approvalsOf(db, rows.map((r) => r.id));
      const superseded = new Set(all.map((r) => r.supersedesId));
      return Promise.all(rows.map((r) => present(actor, r, task, { history: history.filter((a) => a.subjectId === r.id), revisionStarted: superseded.has(r.id) })));
    },

    async get(actor: Actor, id: string) {
      const { report, task } = await loadReadable(db, actor, id, false);
      return present(actor, report, task);
    },

    /** For attachments and comments: the report after the read checks. */
    async loadReadable(actor: Actor, id: string, tx: Db = db) {
      return loadReadable(tx, actor, id, false);
    },

    async create(actor: Actor, taskId: string, input: CreateReportInput) {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const task = await deps.tasks.loadReadable(actor, taskId, tx);
        const period = await periodRepository.get(tx, input.periodId);
        if (!period) throw notFound('period', input.periodId);
        if (period.cooperationId !== task.cooperationId) {
          throw badRequest('report.period_mismatch', 'The reporting period belongs to another cooperation than the task');
        }
        if (period.closedAt) throw conflict('period.closed', `${period.label} is closed; it takes no new reports`);
        const units = await taskRepository.unitsOf(tx, [task.id]);
        const unit = reportingUnitFor(actor, task, units, input.organizationId);
        assertOpen(task);
        await checkMilestones(tx, task.id, input.milestonesReached);
        await deps.indicators.assertReportValues(tx, { cooperationId: task.cooperationId, organizationId: unit.organizationId }, task, input.indicatorValues);
        const [existing] = await reportRepository.revisionsOf(tx, { taskId: task.id, periodId: period.id, organizationId: unit.organizationId });
        if (existing) {
          throw conflict('report.duplicate', `This unit already has a report on the task for ${period.label}`, { reportId: existing.id, status: existing.status });
        }
        const created = await reportRepository.insert(tx, {
          cooperationId: task.cooperationId,
          taskId: task.id,
          periodId: period.id,
          partyId: unit.partyId,
          organizationId: unit.organizationId,
          authorId: actor.userId,
          narrative: input.narrative,
          percent: input.percent,
          milestonesReached: [...new Set(input.milestonesReached)],
          figures: input.figures,
          indicatorValues: input.indicatorValues,
          visibility: task.visibility,
        });
        await audit(tx, actor, { cooperationId: task.cooperationId, action: 'create', entity: ENTITY, entityId: created.id, after: created, scope: reportAuditScope(created, task) });
        return { report: created, task };
      });
      return present(actor, row.report, row.task);
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<ReportContent>) {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const { report, task } = await loadReadable(tx, actor, id, false);
        assertCanWriteReport(actor, report);
        if (FINAL_STATES.includes(report.status)) throw locked();
        if (report.status === 'submitted') throw conflict('report.under_review', 'A submitted report cannot be changed while it is being reviewed');
        if (patch.milestonesReached) await checkMilestones(tx, task.id, patch.milestonesReached);
        if (patch.indicatorValues) await deps.indicators.assertReportValues(tx, report, task, patch.indicatorValues);
        const values = patch.milestonesReached ? { ...patch, milestonesReached: [...new Set(patch.milestonesReached)] } : patch;
        const after = await reportRepository.update(tx, id, version, values);
        if (!after) throw staleVersion(ENTITY, report.version);
        await audit(tx, actor, { cooperationId: report.cooperationId, action: 'update', entity: ENTITY, entityId: id, before: report, after, scope: reportAuditScope(after, task) });
        return { report: after, task };
      });
      return present(actor, row.report, row.task);
    },

    async submit(actor: Actor, id: string, version: number | undefined) {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const { report, task } = await loadReadable(tx, actor, id, true);
        assertCanWriteReport(actor, report);
        if (FINAL_STATES.includes(report.status)) throw locked();
        if (report.status === 'submitted') throw conflict('report.already_submitted', 'The report is already submitted');
        if (version !== undefined && version !== report.version) throw staleVersion(ENTITY, report.version);
        // The round's deciding sides are fixed now: editing the task's units meanwhile does not change who reviews.
        const after = await reportRepository.setState(tx, id, { status: 'submitted', submittedAt: new Date(), returnReason: null, decidingSides: decidingSides(task) });
        const round = roundOf(await reportRepository.approvalsOf(tx, [id]));
        await audit(tx, actor, { cooperationId: report.cooperationId, action: 'submit', entity: ENTITY, entityId: id, before: report, after: { ...after, round }, scope: reportAuditScope(after, task) });
        for (const partyId of reportSides(after, task)) {
          await tell(tx, {
            cooperationId: report.cooperationId,
            toRoles: { partyId, roles: ['coordinator'] },
            exceptUserIds: [actor.userId],
            kind: 'report.submitted',
            title: `进展报告待审核：${task.title}`,
            body: `《${task.title}》的进展报告已报送（第${round}轮），请审核。`,
            link: `/reports/${id}`,
            subject: subjectOf(after, task),
          });
        }
        return { report: after, task };
      });
      return present(actor, row.report, row.task);
    },

    /**
     * One side's decision in the current round, under the report's row lock so
     * that simultaneous decisions are applied one after the other: a return
     * ends the round; the last required approval approves the report.
     */
    async review(actor: Actor, id: string, input: ReviewInput) {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, 'approval', async (tx) => {
        const { report, task } = await loadReadable(tx, actor, id, true);
        const sides = reportSides(report, task);
        const side = approvingSide(actor, task.cooperationId, sides);
        const history = await reportRepository.approvalsOf(tx, [id]);
        const round = roundOf(history);
        if (history.some((a) => a.round === round && a.partyId === side)) {
          throw conflict('approval.already_decided', 'Your side has already decided on this report in this round');
        }
        if (report.status === 'superseded') throw locked();
        if (report.status !== 'submitted') throw conflict('report.not_submitted', 'Only a submitted report can be reviewed');
        const reason = input.reason?.trim() || null;
        if (input.decision === 'returned' && !reason) throw badRequest('report.reason_required', 'Say why the report is returned');
        const approval = await reportRepository.insertApproval(tx, {
          cooperationId: report.cooperationId,
          subjectType: 'report',
          subjectId: id,
          round,
          partyId: side,
          decision: input.decision,
          reason,
          userId: actor.userId,
        });
        await audit(tx, actor, { cooperationId: report.cooperationId, action: input.decision === 'approved' ? 'approve' : 'return', entity: 'approval', entityId: approval.id, after: approval, scope: reportAuditScope(report, task) });
        const decided = new Set([...history.filter((a) => a.round === round && a.decision === 'approved').map((a) => a.partyId), side]);
        let after = report;
        if (input.decision === 'returned') {
          after = await reportRepository.setState(tx, id, { status: 'returned', returnReason: reason });
          await tellUnit(tx, actor, after, task, 'report.returned', `进展报告被退回：${task.title}`, `退回原因：${reason ?? ''}`);
        } else if (sides.every((p) => decided.has(p))) {
          after = await reportRepository.setState(tx, id, { status: 'approved', approvedAt: new Date(), returnReason: null });
          if (report.supersedesId) {
            const old = await reportRepository.setState(tx, report.supersedesId, { status: 'superseded' });
            await audit(tx, actor, { cooperationId: report.cooperationId, action: 'supersede', entity: ENTITY, entityId: old.id, after: old, scope: reportAuditScope(old, task) });
          }
          await applyToTask(tx, actor, after);
          await deps.indicators.applyApprovedReport(tx, actor, after);
          await tellUnit(tx, actor, after, task, 'report.approved', `进展报告已通过：${task.title}`, `《${task.title}》的进展报告已审核通过。`);
        }
        if (after !== report) {
          await audit(tx, actor, { cooperationId: report.cooperationId, action: after.status === 'approved' ? 'approve' : 'return', entity: ENTITY, entityId: id, before: report, after, scope: reportAuditScope(after, task) });
        }
        return { report: after, task };
      });
      return present(actor, row.report, row.task);
    },

    /**
     * A correction to an approved report: a draft copy with the next revision and the reason for it;
     * the approved one stays until the copy is approved.
     */
    async revise(actor: Actor, id: string, reason: string) {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const { report, task } = await loadReadable(tx, actor, id, true);
        assertCanWriteReport(actor, report);
        if (report.status !== 'approved') throw conflict('report.not_approved', 'Only an approved report is corrected by a revision; edit a draft directly');
        const successor = await reportRepository.successorOf(tx, id);
        if (successor) throw conflict('report.revision_exists', 'A revision of this report was already started', { reportId: successor.id });
        const created = await reportRepository.insert(tx, {
          cooperationId: report.cooperationId,
          taskId: report.taskId,
          periodId: report.periodId,
          partyId: report.partyId,
          organizationId: report.organizationId,
          authorId: actor.userId,
          revision: report.revision + 1,
          supersedesId: report.id,
          revisionReason: reason,
          narrative: report.narrative,
          percent: report.percent,
          milestonesReached: report.milestonesReached,
          figures: report.figures,
          indicatorValues: report.indicatorValues,
          visibility: report.visibility,
        });
        await audit(tx, actor, { cooperationId: report.cooperationId, action: 'revise', entity: ENTITY, entityId: created.id, before: report, after: created, scope: reportAuditScope(created, task) });
        return { report: created, task };
      });
      return present(actor, row.report, row.task);
    },

    /** "My work": what my unit still has to report, what my side has to review, and what came back to my unit. */
    async inbox(actor: Actor, state: InboxState) {
      const cooperationIds = [...new Set(actor.memberships.map((m) => m.cooperationId))];
      if (state === 'to_submit') return toSubmit(actor, cooperationIds);
      const status = state === 'to_review' ? 'submitted' : 'returned';
      const scope = state === 'to_review' ? cooperationIds.filter((c) => coordinatedSides(actor, c).length) : cooperationIds;
      const reports = await reportRepository.withStatusIn(db, status, scope);
      const [tasks, periods, history] = await Promise.all([
        reportRepository.tasksByIds(db, [...new Set(reports.map((r) => r.taskId))]),
        reportRepository.periodsByIds(db, [...new Set(reports.map((r) => r.periodId))]),
        reportRepository.approvalsOf(db, reports.map((r) => r.id)),
      ]);
      const items = [];
      for (const report of reports) {
        const task = tasks.find((t) => t.id === report.taskId);
        const period = periods.find((p) => p.id === report.periodId);
        if (!task || !period || !canReadTask(actor, task)) continue;
        if (state === 'returned' && !canWriteReport(actor, report)) continue;
        if (state === 'to_review') {
          const sides = reportSides(report, task);
          const reviews = history.filter((a) => a.subjectId === report.id);
          const round = roundOf(reviews);
          const mine = coordinatedSides(actor, task.cooperationId).filter((p) => sides.includes(p));
          if (!mine.some((p) => !reviews.some((a) => a.round === round && a.partyId === p))) continue;
        }
        items.push(inboxItem(task, period, report.partyId, report));
      }
      return items;
    },
  };

  function inboxItem(task: TaskRow, period: Pick<PeriodRow, 'id' | 'label' | 'dueOn'>, partyId: string, report: ReportRow | null) {
    return {
      cooperationId: task.cooperationId,
      taskId: task.id,
      taskTitle: task.title,
      periodId: period.id,
      periodLabel: period.label,
      dueOn: period.dueOn,
      partyId,
      reportId: report?.id ?? null,
      reportStatus: report?.status ?? null,
    };
  }

  /**
   * Open tasks of my unit with nothing submitted yet for their cooperation's current period, and those the
   * offices list my unit as 未报送 for (the period that has ended, by the one rule in the supervision repository).
   */
  async function toSubmit(actor: Actor, cooperationIds: string[]) {
    const organizationId = actor.organizationId;
    if (!organizationId) return [];
    const today = businessToday(deps.timeZone);
    const rows = (await reportRepository.openTasksOfUnit(db, organizationId, cooperationIds)).filter(
      (r) => isOnSide(actor, r.task.cooperationId, r.partyId) && canReadTask(actor, r.task),
    );
    const current = new Map<string, PeriodRow>();
    const owed: { taskId: string; partyId: string; period: { id: string; label: string; dueOn: string } }[] = [];
    for (const cooperationId of new Set(rows.map((r) => r.task.cooperationId))) {
      const period = await periodRepository.currentOf(db, cooperationId, today);
      // A closed period takes no reports: nothing is asked for it.
      if (period && !period.closedAt) current.set(cooperationId, period);
      const chased = await supervisionRepository.chasedPeriod(db, cooperationId, today);
      if (!chased || chased.id === period?.id) continue;
      const unreported = await supervisionRepository.unreported(db, cooperationId, rowScope(actor, cooperationId), undefined, chased);
      for (const row of unreported) if (row.organizationId === organizationId) owed.push({ taskId: row.taskId, partyId: row.partyId, period: chased });
    }
    const periodIds = [...[...current.values()].map((p) => p.id), ...new Set(owed.map((o) => o.period.id))];
    const reports = await reportRepository.reportsOfUnitIn(db, organizationId, periodIds);
    const latestOwn = (taskId: string, periodId: string) => reports.filter((r) => r.taskId === taskId && r.periodId === periodId).sort((a, b) => b.revision - a.revision);
    const items = [];
    for (const { task, partyId } of rows) {
      const late = owed.find((o) => o.taskId === task.id && o.partyId === partyId);
      if (late) items.push(inboxItem(task, late.period, partyId, latestOwn(task.id, late.period.id)[0] ?? null));
      const period = current.get(task.cooperationId);
      if (!period) continue;
      const own = latestOwn(task.id, period.id);
      if (own.some((r) => r.status !== 'draft' && r.status !== 'returned')) continue;
      items.push(inboxItem(task, period, partyId, own[0] ?? null));
    }
    return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }
}

export type ReportService = ReturnType<typeof createReportService>;
