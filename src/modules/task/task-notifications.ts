import type { Db } from '../../db/client.ts';
import type { supervisionNotices } from '../../db/schema/work.ts';
import type { Actor } from '../access/actor.ts';
import type { NotifyRequest } from '../notification/notification.service.ts';
import { taskRepository, type TaskRow } from './task.repository.ts';

/** The part of the notification service tasks use; null where no one is told (demo seeding, benchmarks). */
export interface Notifier {
  notify(tx: Db, request: NotifyRequest): Promise<unknown>;
}

type NoticeRow = typeof supervisionNotices.$inferSelect;

/** What the people on a task hear when it is assigned, when closing is asked for or decided, and about 督办 notices. */
export function createTaskNotifications(notifier: Notifier | null) {
  const subject = (task: TaskRow) => ({ type: 'task', id: task.id, visibility: task.visibility, partyId: task.ownerPartyId });
  const link = (task: TaskRow) => `/tasks/${task.id}`;

  async function send(tx: Db, actor: Actor, task: TaskRow, request: Omit<NotifyRequest, 'cooperationId' | 'subject' | 'link' | 'exceptUserIds'>) {
    if (!notifier) return;
    await notifier.notify(tx, { ...request, cooperationId: task.cooperationId, subject: subject(task), link: link(task), exceptUserIds: [actor.userId] });
  }

  return {
    async assigned(tx: Db, actor: Actor, task: TaskRow, organizationIds: string[]) {
      if (!notifier) return;
      const userIds = await taskRepository.involvedUserIds(tx, task, organizationIds);
      if (!userIds.length) return;
      await send(tx, actor, task, { userIds, kind: 'task.assigned', title: `新任务：${task.title}`, body: task.dueOn ? `完成时限 ${task.dueOn}` : '请按要求推进并报送进展。' });
    },

    async closeRequested(tx: Db, actor: Actor, task: TaskRow, sides: string[]) {
      for (const partyId of sides) {
        await send(tx, actor, task, {
          toRoles: { partyId, roles: ['coordinator'] },
          kind: 'task.close_requested',
          title: `申请销号：${task.title}`,
          body: `第${task.closeRound}轮销号申请，待各方协调办审核。`,
        });
      }
    },

    async closeReturned(tx: Db, actor: Actor, task: TaskRow, reason: string) {
      if (!notifier) return;
      const userIds = await taskRepository.involvedUserIds(tx, task);
      await send(tx, actor, task, { userIds, toRoles: { roles: ['coordinator'] }, kind: 'task.close_returned', title: `销号退回：${task.title}`, body: reason });
    },

    async closed(tx: Db, actor: Actor, task: TaskRow) {
      if (!notifier) return;
      const userIds = await taskRepository.involvedUserIds(tx, task);
      await send(tx, actor, task, { userIds, toRoles: { roles: ['coordinator'] }, kind: 'task.closed', title: `已销号：${task.title}`, body: '各方协调办均已同意销号。' });
    },

    /** Told: the users of the units the notice is addressed to (and the task's owners). */
    async noticeIssued(tx: Db, actor: Actor, task: TaskRow, notice: NoticeRow, recipientOrganizationIds: string[]) {
      if (!notifier) return;
      const userIds = await taskRepository.involvedUserIds(tx, task, recipientOrganizationIds);
      if (!userIds.length) return;
      await send(tx, actor, task, { userIds, kind: 'supervision.issued', title: `督办通知 ${notice.number}：${task.title}`, body: `请于 ${notice.deadline} 前办理并反馈。${notice.body}` });
    },

    async noticeAcknowledged(tx: Db, actor: Actor, task: TaskRow, notice: NoticeRow) {
      if (!notice.issuedBy) return;
      await send(tx, actor, task, { userIds: [notice.issuedBy], kind: 'supervision.acknowledged', title: `督办通知 ${notice.number} 已签收`, body: task.title });
    },
  };
}

export type TaskNotifications = ReturnType<typeof createTaskNotifications>;
