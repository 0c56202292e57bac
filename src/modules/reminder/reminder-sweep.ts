import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { IndicatorService } from '../indicator/indicator.service.ts';
import type { NotificationService } from '../notification/notification.service.ts';
import type { ProjectService } from '../project/project.service.ts';
import { addDays, businessToday } from '../task/business-date.ts';
import { defineJob, type JobDefinition } from '../../jobs/job-definition.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { reminderRepository, type ReminderTask } from './reminder.repository.ts';

const REMINDER_QUEUES = { sweep: 'reminders.sweep', notify: 'reminders.notify' } as const;

/** Reminders go out in the morning where the offices work, not at midnight. */
const SWEEP_HOUR = 8;

/** A stage plan missed this many days ago or less is still told: a sweep a down server skipped is made up, an old plan is not news. */
const STAGE_LATE_LOOKBACK_DAYS = 7;

const isoDay = z.iso.date();

const noticePayload = z.object({
  cooperationId: z.uuid(),
  userIds: z.array(z.uuid()),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  subject: z.object({ type: z.string(), id: z.string(), visibility: z.string(), partyId: z.string().nullable() }),
});

export type ReminderNotice = z.infer<typeof noticePayload>;

export interface SweepResult {
  date: string;
  /** Notices queued by this sweep. */
  queued: number;
  /** Notices an earlier sweep of the same day had already queued. */
  alreadyQueued: number;
  /** Indicators whose targets were checked against 序时进度. */
  indicatorsChecked: number;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant when the wall clock in `timeZone` shows `hour`:00 on `day`. */
export function zonedHour(day: string, hour: number, timeZone: string): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

type TaskReminderKind = 'task.due_soon' | 'task.due_today' | 'task.escalated';

/**
 * Reminders and escalation: N days before a task's due date, on the day, and
 * every M days once it is M days overdue (to the unit leaders and the
 * cooperation offices as well); lead units that still owe the current
 * period's report are reminded N days before and on the report due date.
 * A project that passed a planned date of a stage without reaching it tells its responsible unit (or, with
 * none, the host side's office) once per plan; every indicator target is checked against 序时进度, so one
 * that falls behind with time alone tells its offices the day it does.
 */
export function createReminderSweep(
  db: Db,
  deps: { jobs: JobQueue; notification: NotificationService; config: Config; projects: Pick<ProjectService, 'stagesLateSince'>; indicators: Pick<IndicatorService, 'refreshStatuses'> },
) {
  const { remindDaysBefore, escalateDaysOverdue } = deps.config.notifications;
  const timeZone = deps.config.timeZone;
  let scheduledDay: string | null = null;

  function taskReminderKind(task: ReminderTask, today: string): TaskReminderKind | null {
    const daysLeft = daysBetween(today, task.dueOn);
    if (daysLeft === remindDaysBefore) return 'task.due_soon';
    if (daysLeft === 0) return 'task.due_today';
    const overdue = -daysLeft;
    if (overdue >= escalateDaysOverdue && (overdue - escalateDaysOverdue) % escalateDaysOverdue === 0) return 'task.escalated';
    return null;
  }

  function taskWording(kind: TaskReminderKind, task: ReminderTask, today: string): { title: string; body: string } {
    if (kind === 'task.due_soon') {
      return {
        title: `任务将于${remindDaysBefore}天后到期：${task.title}`,
        body: `任务「${task.title}」的完成时限为${task.dueOn}，还有${remindDaysBefore}天。请抓紧推进，并及时报送进展。`,
      };
    }
    if (kind === 'task.due_today') {
      return { title: `任务今日到期：${task.title}`, body: `任务「${task.title}」的完成时限为今天（${task.dueOn}）。请确认完成情况，并及时报送进展。` };
    }
    const overdue = -daysBetween(today, task.dueOn);
    return {
      title: `任务已逾期${overdue}天，提请督办：${task.title}`,
      body: `任务「${task.title}」的完成时限为${task.dueOn}，已逾期${overdue}天。现提请牵头单位负责人和协调办关注督办。`,
    };
  }

  async function taskNotices(tx: Db, today: string): Promise<{ uniqueKey: string; notice: ReminderNotice }[]> {
    const candidates = await reminderRepository.openTasksDue(tx, {
      dueOn: [addDays(today, remindDaysBefore), today],
      overdueSince: addDays(today, -escalateDaysOverdue),
    });
    const due = candidates.flatMap((task) => {
      const kind = taskReminderKind(task, today);
      return kind ? [{ task, kind }] : [];
    });
    const taskIds = due.map((d) => d.task.id);
    const [owners, units] = await Promise.all([reminderRepository.ownersOf(tx, taskIds), reminderRepository.unitsOf(tx, taskIds)]);
    const notices = [];
    for (const { task, kind } of due) {
      const taskUnits = units.filter((u) => u.taskId === task.id);
      const recipients = new Set(owners.filter((o) => o.taskId === task.id).map((o) => o.userId));
      for (const u of await reminderRepository.unitUsersOnSide(tx, task.cooperationId, taskUnits)) recipients.add(u.userId);
      if (kind === 'task.escalated') {
        const leads = taskUnits.filter((u) => u.role === 'lead');
        for (const lead of leads) if (lead.leaderUserId) recipients.add(lead.leaderUserId);
        const sides = [...new Set(leads.map((u) => u.partyId))];
        if (!sides.length && task.ownerPartyId) sides.push(task.ownerPartyId);
        for (const c of await reminderRepository.coordinatorsOf(tx, task.cooperationId, sides)) recipients.add(c.userId);
      }
      notices.push({
        uniqueKey: `reminder:task:${task.id}:${today}`,
        notice: {
          cooperationId: task.cooperationId,
          userIds: [...recipients],
          kind,
          ...taskWording(kind, task, today),
          link: `/tasks/${task.id}`,
          subject: { type: 'task', id: task.id, visibility: task.visibility, partyId: task.ownerPartyId },
        },
      });
    }
    return notices;
  }

  async function reportNotices(tx: Db, today: string): Promise<{ uniqueKey: string; notice: ReminderNotice }[]> {
    const periods = await reminderRepository.periodsDue(tx, [addDays(today, remindDaysBefore), today]);
    const notices = [];
    for (const period of periods) {
      const missing = await reminderRepository.missingReports(tx, period);
      const owners = await reminderRepository.ownersOf(tx, [...new Set(missing.map((m) => m.id))]);
      const unitUsers = await reminderRepository.unitUsersOnSide(tx, period.cooperationId, missing);
      const when = period.dueOn === today ? '今天截止' : `还有${daysBetween(today, period.dueOn)}天截止`;
      for (const m of missing) {
        const recipients = new Set([
          ...owners.filter((o) => o.taskId === m.id).map((o) => o.userId),
          ...unitUsers.filter((u) => u.organizationId === m.organizationId && u.partyId === m.partyId).map((u) => u.userId),
        ]);
        notices.push({
          uniqueKey: `reminder:report:${period.id}:${m.id}:${m.organizationId}:${today}`,
          notice: {
            cooperationId: period.cooperationId,
            userIds: [...recipients],
            kind: 'report.due',
            title: `进展报告待报送：${m.title}（${period.label}）`,
            body: `${period.label}的进展报告应于${period.dueOn}前报送（${when}），${m.organizationName}尚未提交任务「${m.title}」的报告。`,
            link: `/tasks/${m.id}`,
            subject: { type: 'task', id: m.id, visibility: m.visibility, partyId: m.ownerPartyId },
          },
        });
      }
    }
    return notices;
  }

  async function stageNotices(tx: Db, today: string): Promise<{ uniqueKey: string; notice: ReminderNotice }[]> {
    const late = await deps.projects.stagesLateSince(tx, addDays(today, -STAGE_LATE_LOOKBACK_DAYS), today);
    const notices = [];
    for (const { project, stage, stageName, plannedOn } of late) {
      const unitId = project.responsibleOrganizationId ?? project.hostOrganizationId;
      const side = project.hostPartyId ?? project.ownerPartyId;
      const unitUsers = unitId && side ? await reminderRepository.unitUsersOnSide(tx, project.cooperationId, [{ organizationId: unitId, partyId: side }]) : [];
      const recipients = unitUsers.length ? unitUsers : await reminderRepository.coordinatorsOf(tx, project.cooperationId, side ? [side] : []);
      notices.push({
        uniqueKey: `reminder:project-stage:${project.id}:${stage}:${plannedOn}`,
        notice: {
          cooperationId: project.cooperationId,
          userIds: [...new Set(recipients.map((r) => r.userId))],
          kind: 'project.stage_late',
          title: `项目未按计划${stageName}：${project.name}`,
          body: `项目「${project.name}」计划于${plannedOn}${stageName}，至今（${today}）尚未达到该阶段。请核实进展，更新项目阶段或调整计划日期。`,
          link: `/projects/${project.id}`,
          subject: { type: 'project', id: project.id, visibility: project.visibility, partyId: project.ownerPartyId },
        },
      });
    }
    return notices;
  }

  async function sweep(today: string): Promise<SweepResult> {
    return writeTransaction(db, 'job', async (tx) => {
      const indicatorsChecked = await deps.indicators.refreshStatuses(tx, today);
      const notices = [...(await taskNotices(tx, today)), ...(await reportNotices(tx, today)), ...(await stageNotices(tx, today))];
      let queued = 0;
      for (const { uniqueKey, notice } of notices) {
        if (!notice.userIds.length) continue;
        if (await deps.jobs.enqueue(tx, { queue: REMINDER_QUEUES.notify, uniqueKey, payload: notice })) queued++;
      }
      return { date: today, queued, alreadyQueued: notices.filter((n) => n.notice.userIds.length).length - queued, indicatorsChecked };
    });
  }

  const definitions: JobDefinition[] = [
    defineJob({
      queue: REMINDER_QUEUES.sweep,
      payload: z.object({ date: isoDay }),
      handle: async ({ date }) => {
        await sweep(date);
      },
    }),
    defineJob({
      queue: REMINDER_QUEUES.notify,
      payload: noticePayload,
      handle: async (notice) => {
        await writeTransaction(db, 'notification', (tx) => deps.notification.notify(tx, notice));
      },
    }),
  ];

  return {
    sweep,
    definitions,

    /** Queues today's sweep once per day and server; other servers' attempts meet the same uniqueKey. */
    async schedule(now: Date): Promise<void> {
      const today = businessToday(timeZone, now);
      if (scheduledDay === today) return;
      const at = zonedHour(today, SWEEP_HOUR, timeZone);
      await deps.jobs.enqueue(db, {
        queue: REMINDER_QUEUES.sweep,
        uniqueKey: `reminders.sweep:${today}`,
        payload: { date: today },
        runAt: at > now ? at : now,
      });
      scheduledDay = today;
    },

    today: (now: Date = new Date()) => businessToday(timeZone, now),
  };
}
