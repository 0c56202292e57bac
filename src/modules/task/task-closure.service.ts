import { badRequest, conflict, notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { approvingSide, assertCanManageTask, rowAuditScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { taskClosureRepository } from './task-closure.repository.ts';
import type { TaskNotifications } from './task-notifications.ts';
import { closingSides, decidingSides } from './task-sides.ts';
import { taskRepository, type TaskRow } from './task.repository.ts';
import type { TaskService } from './task.service.ts';
import { assertOpen, isClosed } from './task-status.ts';


/**
 * Closing a task (销号): a request opens an approval round; each side that
 * must approve decides once per round (the `approvals` unique key holds
 * that); a return ends the round, and the next request opens a new one.
 * When every side has approved, the task is done.
 */
export function createTaskClosureService(db: Db, deps: { tasks: TaskService; notifications: TaskNotifications; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function openRound(tx: Db, actor: Actor, task: TaskRow, trigger: 'request' | 'last_milestone' | 'report'): Promise<TaskRow> {
    // The round's deciding sides are fixed now: what happens to the task's units meanwhile does not change who decides.
    const after = await taskRepository.updateDerived(tx, task.id, { closeRequestedAt: now(), closeRound: task.closeRound + 1, closeSides: decidingSides(task) });
    await audit(tx, actor, {
      cooperationId: task.cooperationId,
      action: 'close_request',
      entity: 'task',
      entityId: task.id,
      before: { closeRequestedAt: task.closeRequestedAt, closeRound: task.closeRound },
      after: { closeRequestedAt: after.closeRequestedAt, closeRound: after.closeRound, closeSides: after.closeSides, trigger },
      scope: rowAuditScope('task', task),
    });
    await deps.notifications.closeRequested(tx, actor, after, closingSides(after));
    return after;
  }

  /** Locks the task for a closing decision, after the read check. */
  async function lockReadable(tx: Db, actor: Actor, taskId: string): Promise<TaskRow> {
    await deps.tasks.loadReadable(actor, taskId, tx);
    const task = await taskRepository.getForUpdate(tx, taskId);
    if (!task) throw notFound('task', taskId);
    return task;
  }

  return {
    /**
     * Proposes closing inside the caller's transaction when the work looks
     * complete (last milestone reached, a final report approved); a task
     * already closed or awaiting decisions is left as it is.
     */
    async propose(tx: Db, actor: Actor, task: TaskRow, trigger: 'last_milestone' | 'report'): Promise<TaskRow> {
      const current = await taskRepository.getForUpdate(tx, task.id);
      if (!current || isClosed(current.status) || current.closeRequestedAt) return current ?? task;
      return openRound(tx, actor, current, trigger);
    },

    /** The hook progress reports call when an approved report says the work is complete. */
    async proposeIn(tx: Db, actor: Actor, task: TaskRow): Promise<void> {
      await this.propose(tx, actor, task, 'report');
    },

    async request(actor: Actor, taskId: string) {
      await writeTransaction(db, 'task', async (tx) => {
        const task = await lockReadable(tx, actor, taskId);
        assertCanManageTask(actor, task);
        assertOpen(task);
        if (task.closeRequestedAt) throw conflict('task.close_already_requested', 'Closing this task is already awaiting decisions', { round: task.closeRound });
        await openRound(tx, actor, task, 'request');
      });
      return deps.tasks.get(actor, taskId);
    },

    async decide(actor: Actor, taskId: string, decision: 'approved' | 'returned', reason: string | undefined) {
      await writeTransaction(db, 'approval', async (tx) => {
        const task = await lockReadable(tx, actor, taskId);
        const required = closingSides(task);
        const side = approvingSide(actor, task.cooperationId, required);
        const decisions = (await taskClosureRepository.approvalsOf(tx, taskId)).filter((a) => a.round === task.closeRound);
        const alreadyDecided = () =>
          conflict('approval.already_decided', 'Your side has already decided on this closing request', { round: task.closeRound, partyId: side });
        if (task.closeRound > 0 && decisions.some((a) => a.partyId === side)) throw alreadyDecided();
        assertOpen(task);
        if (!task.closeRequestedAt) throw conflict('task.close_not_requested', 'Closing this task has not been requested');
        if (decision === 'returned' && !reason) throw badRequest('task.return_reason_required', 'Say why the closing request is returned');
        const recorded = await taskClosureRepository.insertDecision(tx, {
          cooperationId: task.cooperationId,
          subjectId: taskId,
          round: task.closeRound,
          partyId: side,
          decision,
          reason: reason ?? null,
          userId: authorId(actor),
        });
        if (!recorded) throw alreadyDecided();
        await audit(tx, actor, {
          cooperationId: task.cooperationId,
          action: decision === 'approved' ? 'approve_close' : 'return_close',
          entity: 'task',
          entityId: taskId,
          after: recorded,
          scope: rowAuditScope('task', task),
        });
        if (decision === 'returned') {
          const after = await taskRepository.updateDerived(tx, taskId, { closeRequestedAt: null });
          await deps.notifications.closeReturned(tx, actor, after, reason ?? '');
          return;
        }
        const approved = new Set([...decisions, recorded].filter((a) => a.decision === 'approved').map((a) => a.partyId));
        if (!required.every((p) => approved.has(p))) return;
        const after = await taskRepository.updateDerived(tx, taskId, { status: 'done', doneAt: now(), percent: 100 });
        await audit(tx, actor, {
          cooperationId: task.cooperationId,
          action: 'close',
          entity: 'task',
          entityId: taskId,
          before: { status: task.status, percent: task.percent },
          after: { status: after.status, doneAt: after.doneAt, percent: after.percent, round: task.closeRound },
          scope: rowAuditScope('task', task),
        });
        await deps.notifications.closed(tx, actor, after);
      });
      return deps.tasks.get(actor, taskId);
    },
  };
}

export type TaskClosureService = ReturnType<typeof createTaskClosureService>;
