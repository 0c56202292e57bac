import type { Db } from '../../db/client.ts';
import { milestoneRepository } from '../milestone/milestone.repository.ts';
import { taskRepository, type NewTask, type TaskRow } from './task.repository.ts';
import { isClosed } from './task-status.ts';

/**
 * A task's percent, said once. Every writer that moves a task's progress —
 * creating it, a milestone change, an approved report — goes through
 * `percentOf` and `settleProgress`, so the percent cannot disagree with itself.
 *
 * The percent rule: a task with milestones stands at the share of them
 * reached, rounded; a task without milestones stands at the percent its unit
 * sets or its last approved report states. Either way, the task is complete at
 * 100, which proposes closing it to the sides that decide.
 */

/** The percent of a task with `total` milestones of which `done` are reached; without milestones, the `stated` one. */
export function percentOf(milestones: { total: number; done: number }, stated: number): number {
  return milestones.total > 0 ? Math.round((milestones.done * 100) / milestones.total) : stated;
}

/** Whether a task whose milestones stand so takes a percent from its unit or a report. */
export const percentIsStated = (milestones: { total: number }): boolean => milestones.total === 0;

/**
 * Brings a locked task in line with its milestones and, where it has none,
 * with the percent `stated` by a report. `started` says that progress was just
 * made (a milestone reached, a report approved): a task not yet started starts.
 */
export async function settleProgress(tx: Db, task: TaskRow, change: { stated?: number; started: boolean }): Promise<{ task: TaskRow; complete: boolean }> {
  const milestones = await milestoneRepository.counts(tx, task.id);
  const percent = percentOf(milestones, change.stated ?? task.percent);
  const patch: Partial<NewTask> = {};
  if (percent !== task.percent) patch.percent = percent;
  if ((change.started || milestones.done > 0) && task.status === 'not_started') patch.status = 'in_progress';
  const after = Object.keys(patch).length ? await taskRepository.updateDerived(tx, task.id, patch) : task;
  return { task: after, complete: percent === 100 };
}

/** What a milestone change answers about its task: percent, status and closing may have moved with it. */
export const presentProgress = (t: TaskRow) => ({
  id: t.id,
  version: t.version,
  status: t.status,
  percent: t.percent,
  closeRequested: !!t.closeRequestedAt && !isClosed(t.status),
});
