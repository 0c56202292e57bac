import { conflict, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { assertCanWorkOnTask, rowAuditScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import type { TaskClosureService } from '../task/task-closure.service.ts';
import { settleProgress } from '../task/task-progress.ts';
import { assertOpen } from '../task/task-status.ts';
import { taskRepository, type TaskRow } from '../task/task.repository.ts';
import { assertMilestoneDate, type TaskService } from '../task/task.service.ts';
import { presentProgress } from '../task/task-progress.ts';
import { presentMilestone } from './milestone.presenter.ts';
import { milestoneRepository, type MilestoneRow } from './milestone.repository.ts';

const ENTITY = 'milestone';

export interface MilestonePatch {
  title?: string | undefined;
  dueOn?: string | null | undefined;
  ordinal?: number | undefined;
  done?: boolean | undefined;
}

/**
 * Milestones of a task. The task's percent follows them (share done), its
 * first reached milestone starts it, and reaching the last one proposes
 * closing the task to the sides that must approve.
 */
export function createMilestoneService(db: Db, deps: { tasks: TaskService; closure: TaskClosureService; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  /** The task, locked so milestone changes on it apply one after another and percent stays true. */
  async function workableTask(tx: Db, actor: Actor, taskId: string): Promise<TaskRow> {
    await deps.tasks.loadReadable(actor, taskId, tx);
    const task = await taskRepository.getForUpdate(tx, taskId);
    if (!task) throw notFound('task', taskId);
    const units = await taskRepository.unitsOf(tx, [taskId]);
    assertCanWorkOnTask(actor, task, units.map((u) => u.organizationId));
    assertOpen(task);
    return task;
  }

  async function loadMilestone(tx: Db, actor: Actor, id: string): Promise<{ milestone: MilestoneRow; task: TaskRow }> {
    const milestone = await milestoneRepository.get(tx, id);
    if (!milestone) throw notFound(ENTITY, id);
    return { milestone, task: await missingAs(ENTITY, id, () => workableTask(tx, actor, milestone.taskId)) };
  }

  /** Brings the task in line with its milestones; `reached` says a milestone was just marked done, which may complete the task. */
  async function settle(tx: Db, actor: Actor, task: TaskRow, reached: boolean): Promise<TaskRow> {
    const { task: after, complete } = await settleProgress(tx, task, { started: reached });
    return reached && complete ? deps.closure.propose(tx, actor, after, 'last_milestone') : after;
  }

  return {
    async list(actor: Actor | null, taskId: string) {
      await deps.tasks.loadReadable(actor, taskId);
      return (await milestoneRepository.listByTask(db, taskId)).map(presentMilestone);
    },

    async create(actor: Actor, taskId: string, input: { title: string; dueOn?: string | null | undefined; ordinal?: number | undefined }) {
      return writeTransaction(db, ENTITY, async (tx) => {
        const task = await workableTask(tx, actor, taskId);
        assertMilestoneDate(task, input.dueOn);
        const ordinal = input.ordinal ?? (await milestoneRepository.nextOrdinal(tx, taskId));
        const milestone = await milestoneRepository.insert(tx, { cooperationId: task.cooperationId, taskId, title: input.title, dueOn: input.dueOn ?? null, ordinal });
        await audit(tx, actor, { cooperationId: task.cooperationId, action: 'create', entity: ENTITY, entityId: milestone.id, after: milestone, scope: rowAuditScope('task', task) });
        return { milestone: presentMilestone(milestone), task: presentProgress(await settle(tx, actor, task, false)) };
      });
    },

    async update(actor: Actor, id: string, version: number, patch: MilestonePatch) {
      return writeTransaction(db, ENTITY, async (tx) => {
        const { milestone: before, task } = await loadMilestone(tx, actor, id);
        if (patch.dueOn !== undefined) assertMilestoneDate(task, patch.dueOn);
        const { done, ...fields } = patch;
        const reached = done === true && !before.doneAt;
        const doneAt = done === undefined ? undefined : done ? (before.doneAt ?? now()) : null;
        const after = await milestoneRepository.update(tx, id, version, { ...fields, ...(doneAt === undefined ? {} : { doneAt }) });
        if (!after) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: task.cooperationId, action: reached ? 'reach' : 'update', entity: ENTITY, entityId: id, before, after, scope: rowAuditScope('task', task) });
        return { milestone: presentMilestone(after), task: presentProgress(await settle(tx, actor, task, reached)) };
      });
    },

    /**
     * Moves a milestone one place up or down. The task's milestones are numbered 0… in their order afterwards,
     * so equal ordinals (an import gives none, older rows may) never leave a move without effect; each row whose
     * place changed is audited.
     */
    async move(actor: Actor, id: string, version: number, direction: 'up' | 'down') {
      return writeTransaction(db, ENTITY, async (tx) => {
        const { milestone, task } = await loadMilestone(tx, actor, id);
        if (milestone.version !== version) throw staleVersion(ENTITY, milestone.version);
        const order = await milestoneRepository.listByTask(tx, task.id);
        const at = order.findIndex((m) => m.id === id);
        const to = direction === 'up' ? at - 1 : at + 1;
        if (to < 0 || to >= order.length) throw conflict('milestone.cannot_move', `The milestone is already the ${direction === 'up' ? 'first' : 'last'}`);
        const moved = [...order];
        [moved[at], moved[to]] = [order[to] as MilestoneRow, order[at] as MilestoneRow];
        const result: MilestoneRow[] = [];
        for (const [ordinal, before] of moved.entries()) {
          if (before.ordinal === ordinal) {
            result.push(before);
            continue;
          }
          const after = await milestoneRepository.setOrdinal(tx, before.id, ordinal);
          await audit(tx, actor, { cooperationId: task.cooperationId, action: 'move', entity: ENTITY, entityId: before.id, before, after, scope: rowAuditScope('task', task) });
          result.push(after);
        }
        return { items: result.map(presentMilestone) };
      });
    },

    async delete(actor: Actor, id: string, version: number) {
      return writeTransaction(db, ENTITY, async (tx) => {
        const { milestone: before, task } = await loadMilestone(tx, actor, id);
        if (!(await milestoneRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: task.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before, scope: rowAuditScope('task', task) });
        return { task: presentProgress(await settle(tx, actor, task, false)) };
      });
    },
  };
}
