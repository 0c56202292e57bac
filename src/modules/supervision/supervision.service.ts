import { badRequest, conflict, missingAs, notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { assertCanAddressNotice, canAcknowledgeFor, issuingSide, notRecipient, rowAuditScope, rowScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { addDays } from '../task/business-date.ts';
import type { TaskNotifications } from '../task/task-notifications.ts';
import { taskRepository, type TaskStatus } from '../task/task.repository.ts';
import type { TaskService } from '../task/task.service.ts';
import { noticeNumber, noticePrefix, presentNotices } from './supervision-notice.presenter.ts';
import { supervisionRepository, type NoticeRow, type RecipientRow } from './supervision.repository.ts';
import type { SUPERVISION_REASONS } from './supervision.schemas.ts';
import { assertOpen } from '../task/task-status.ts';

const ENTITY = 'supervision_notice';

type Reason = (typeof SUPERVISION_REASONS)[number];

interface UnitGroup {
  organizationId: string | null;
  organizationName: string | null;
  partyId: string | null;
  partyName: string | null;
  tasks: Map<string, { id: string; title: string; status: TaskStatus; dueOn: string | null; role: 'lead' | 'co' | null; reasons: Set<Reason> }>;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const REASON_COUNT_KEY: Record<Reason, 'overdue' | 'dueSoon' | 'notReported' | 'returned'> = {
  overdue: 'overdue',
  due_soon: 'dueSoon',
  not_reported: 'notReported',
  returned: 'returned',
};

function countReasons(taskLists: Iterable<{ reasons: Set<Reason> }>) {
  const counts = { overdue: 0, dueSoon: 0, notReported: 0, returned: 0 };
  for (const task of taskLists) for (const reason of task.reasons) counts[REASON_COUNT_KEY[reason]]++;
  return counts;
}

async function presentOne(db: Db, actor: Actor | null, row: NoticeRow) {
  const [presented] = await presentNotices(db, actor, [row]);
  if (!presented) throw new Error('a notice presents as itself');
  return presented;
}

/** 督办: what needs chasing, computed from the ledger and reports; and formal notices the units must acknowledge. */
export function createSupervisionService(
  db: Db,
  deps: { cooperations: CooperationService; tasks: TaskService; notifications: TaskNotifications; today(): string; now?: () => Date },
) {
  const now = deps.now ?? (() => new Date());

  return {
    /** Overdue and soon-due tasks, missing and returned reports, grouped by the responsible unit. */
    async overview(actor: Actor | null, cooperationId: string, query: { partyId?: string | undefined; withinDays: number }) {
      await deps.cooperations.load(actor, cooperationId);
      if (query.partyId && !(await cooperationRepository.getParty(db, cooperationId, query.partyId))) throw notFound('party', query.partyId);
      const today = deps.today();
      const scope = rowScope(actor, cooperationId);
      const period = await supervisionRepository.chasedPeriod(db, cooperationId, today);
      const [due, unreported, returned] = await Promise.all([
        supervisionRepository.dueTasks(db, cooperationId, scope, query.partyId, addDays(today, query.withinDays)),
        period ? supervisionRepository.unreported(db, cooperationId, scope, query.partyId, period) : Promise.resolve([]),
        supervisionRepository.returnedNotResubmitted(db, cooperationId, scope, query.partyId),
      ]);
      const units = await taskRepository.unitsOf(db, due.map((t) => t.id));

      const groups = new Map<string, UnitGroup>();
      const mark = (
        unit: { organizationId: string | null; organizationName: string | null; partyId: string | null; partyName: string | null; role: 'lead' | 'co' | null },
        task: { id: string; title: string; status: TaskStatus; dueOn: string | null },
        reason: Reason,
      ) => {
        const key = unit.organizationId ?? 'none';
        let group = groups.get(key);
        if (!group) {
          group = { organizationId: unit.organizationId, organizationName: unit.organizationName, partyId: unit.partyId, partyName: unit.partyName, tasks: new Map() };
          groups.set(key, group);
        }
        let entry = group.tasks.get(task.id);
        if (!entry) {
          entry = { ...task, role: unit.role, reasons: new Set() };
          group.tasks.set(task.id, entry);
        }
        entry.reasons.add(reason);
      };

      const unassigned = { organizationId: null, organizationName: null, partyId: null, partyName: null, role: null };
      for (const task of due) {
        const reason: Reason = task.dueOn && task.dueOn < today ? 'overdue' : 'due_soon';
        const leads = units.filter((u) => u.taskId === task.id && u.role === 'lead' && (!query.partyId || u.partyId === query.partyId));
        if (!leads.length) mark(unassigned, task, reason);
        for (const lead of leads) mark(lead, task, reason);
      }
      for (const row of unreported) mark(row, { id: row.taskId, title: row.title, status: row.status, dueOn: row.dueOn }, 'not_reported');
      for (const row of returned) mark(row, { id: row.taskId, title: row.title, status: row.status, dueOn: row.dueOn }, 'returned');

      // A task under two sides' lead units is one task in the totals.
      const distinct = new Map<string, { reasons: Set<Reason> }>();
      for (const group of groups.values()) {
        for (const task of group.tasks.values()) {
          const seen = distinct.get(task.id) ?? { reasons: new Set<Reason>() };
          for (const r of task.reasons) seen.reasons.add(r);
          distinct.set(task.id, seen);
        }
      }

      // The latest notice to each row's unit, newest first from the query: whether one is out, and who signed it when.
      const taskIds = [...distinct.keys()];
      const notices = await supervisionRepository.noticesOfTasks(db, taskIds);
      const recipients = await supervisionRepository.recipientsByNotice(db, notices.map((n) => n.id));
      const latest = new Map<string, { notice: NoticeRow; recipient: RecipientRow }>();
      for (const notice of notices) {
        for (const recipient of recipients.get(notice.id) ?? []) {
          const key = `${notice.taskId}/${recipient.organizationId}`;
          if (!latest.has(key)) latest.set(key, { notice, recipient });
        }
      }
      const noticeFor = (taskId: string, organizationId: string | null) => {
        const found = organizationId ? latest.get(`${taskId}/${organizationId}`) : undefined;
        if (!found) return null;
        const { notice: n, recipient: r } = found;
        return {
          id: n.id,
          number: n.number,
          deadline: n.deadline,
          createdAt: n.createdAt.toISOString(),
          acknowledgedAt: r.acknowledgedAt ? r.acknowledgedAt.toISOString() : null,
          acknowledgedBy: r.acknowledgedBy,
          acknowledgedByName: r.acknowledgedByName,
        };
      };

      const presented = [...groups.values()].map((group) => ({
        organizationId: group.organizationId,
        organizationName: group.organizationName,
        partyId: group.partyId,
        partyName: group.partyName,
        counts: countReasons(group.tasks.values()),
        tasks: [...group.tasks.values()]
          .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
          .map((t) => ({
            id: t.id,
            title: t.title,
            status: t.status,
            dueOn: t.dueOn,
            daysOverdue: t.dueOn ? daysBetween(t.dueOn, today) : null,
            reasons: [...t.reasons],
            role: t.role,
            notice: noticeFor(t.id, group.organizationId),
          })),
      }));
      presented.sort(
        (a, b) =>
          b.counts.overdue - a.counts.overdue ||
          b.counts.notReported + b.counts.returned - (a.counts.notReported + a.counts.returned) ||
          (a.partyName ?? '').localeCompare(b.partyName ?? '') ||
          (a.organizationName ?? '').localeCompare(b.organizationName ?? ''),
      );
      return {
        asOf: today,
        withinDays: query.withinDays,
        period: period ? { id: period.id, label: period.label, dueOn: period.dueOn } : null,
        totals: countReasons(distinct.values()),
        units: presented,
      };
    },

    /** One notice with its task, for the reader of the task (a notice on a task one may not read is not found). */
    async getReadable(actor: Actor | null, noticeId: string) {
      const row = await supervisionRepository.getNotice(db, noticeId);
      if (!row) throw notFound(ENTITY, noticeId);
      const task = await missingAs(ENTITY, noticeId, () => deps.tasks.loadReadable(actor, row.taskId));
      const [notice] = await presentNotices(db, actor, [row]);
      if (!notice) throw notFound(ENTITY, noticeId);
      return { notice, task: { id: task.id, title: task.title, dueOn: task.dueOn, cooperationId: task.cooperationId } };
    },

    async listForTask(actor: Actor | null, taskId: string) {
      await deps.tasks.loadReadable(actor, taskId);
      return presentNotices(db, actor, await supervisionRepository.noticesOfTasks(db, [taskId]));
    },

    /**
     * A formal 督办 notice on a task, addressed to units of the task and
     * numbered per issuing side and year: 青督〔2026〕3号.
     */
    async issue(actor: Actor, taskId: string, input: { deadline: string; body: string; recipientOrganizationIds?: string[] | undefined }) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const task = await deps.tasks.loadReadable(actor, taskId, tx);
        const side = issuingSide(actor, task);
        assertOpen(task);
        const today = deps.today();
        if (input.deadline < today) throw badRequest('supervision.deadline_past', 'The deadline of a notice cannot be in the past', { today });
        const units = await taskRepository.unitsOf(tx, [task.id]);
        const recipients = input.recipientOrganizationIds
          ? [...new Set(input.recipientOrganizationIds)].map((organizationId) => {
              const unit = units.find((u) => u.organizationId === organizationId);
              if (!unit) throw badRequest('supervision.recipient_invalid', 'A notice is addressed to units of its task only', { organizationId });
              return unit;
            })
          : units.filter((u) => u.partyId === side && u.role === 'lead');
        if (!recipients.length) {
          throw badRequest('supervision.recipient_required', 'Your side has no lead unit on this task; choose the unit(s) the notice is addressed to');
        }
        assertCanAddressNotice(side, task, recipients);
        const addressed = recipients.map((r) => ({ partyId: r.partyId, organizationId: r.organizationId }));
        await supervisionRepository.lockNumbering(tx, side);
        const year = Number(today.slice(0, 4));
        const sequence = (await supervisionRepository.lastSequence(tx, task.cooperationId, side, year)) + 1;
        const prefix = noticePrefix(side, await supervisionRepository.sideShortNames(tx, task.cooperationId));
        const notice = await supervisionRepository.insertNotice(
          tx,
          {
            cooperationId: task.cooperationId,
            taskId,
            number: noticeNumber(prefix, year, sequence),
            issuedYear: year,
            sequence,
            deadline: input.deadline,
            body: input.body,
            issuedBy: authorId(actor),
            issuedPartyId: side,
          },
          addressed,
        );
        await audit(tx, actor, { cooperationId: task.cooperationId, action: 'create', entity: ENTITY, entityId: notice.id, after: { ...notice, recipients: addressed }, scope: rowAuditScope('task', task) });
        await deps.notifications.noticeIssued(tx, actor, task, notice, addressed.map((r) => r.organizationId));
        return notice;
      });
      return presentOne(db, actor, row);
    },

    /** Signs (签收) the notice for the recipient unit(s) the actor is a user of; the issuer and other units may not. */
    async acknowledge(actor: Actor, noticeId: string) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const notice = await supervisionRepository.getNotice(tx, noticeId);
        if (!notice) throw notFound(ENTITY, noticeId);
        const task = await missingAs(ENTITY, noticeId, () => deps.tasks.loadReadable(actor, notice.taskId, tx));
        const mine = (await supervisionRepository.recipientsOf(tx, [notice.id])).filter((r) => canAcknowledgeFor(actor, notice, r));
        if (!mine.length) throw notRecipient();
        const alreadyDone = () => conflict('supervision.already_acknowledged', 'Your unit has already signed this notice');
        const at = now();
        const signed = [];
        for (const recipient of mine.filter((r) => !r.acknowledgedAt)) {
          const after = await supervisionRepository.acknowledge(tx, noticeId, recipient.organizationId, authorId(actor), at);
          if (after) signed.push(after);
        }
        if (!signed.length) throw alreadyDone();
        await supervisionRepository.bumpVersion(tx, noticeId);
        for (const after of signed) {
          await audit(tx, actor, {
            cooperationId: task.cooperationId,
            action: 'acknowledge',
            entity: ENTITY,
            entityId: noticeId,
            before: { number: notice.number, organizationId: after.organizationId, acknowledgedAt: null, acknowledgedBy: null },
            after: { number: notice.number, organizationId: after.organizationId, acknowledgedAt: after.acknowledgedAt, acknowledgedBy: after.acknowledgedBy },
            scope: rowAuditScope('task', task),
          });
        }
        await deps.notifications.noticeAcknowledged(tx, actor, task, notice);
        return (await supervisionRepository.getNotice(tx, noticeId)) ?? notice;
      });
      return presentOne(db, actor, row);
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
