import { conflict } from '../../app-error.ts';
import type { TaskRow, TaskStatus } from './task.repository.ts';

/** When a task is open, closed or overdue: the one place every service and query takes it from. */

export const OPEN_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'blocked'];
export const CLOSED_STATUSES: readonly TaskStatus[] = ['done', 'cancelled'];

export const isClosed = (status: TaskStatus): boolean => CLOSED_STATUSES.includes(status);

/** Refuses work on a closed task with the one code every service answers for it. */
export function assertOpen(task: Pick<TaskRow, 'status'>): void {
  if (isClosed(task.status)) throw conflict('task.closed', `The task is already ${task.status}`);
}

/** Overdue: a due date before the business day `today` (YYYY-MM-DD), and not closed. The ledger's SQL filter says the same in `overdueCondition`. */
export const isOverdue = (task: Pick<TaskRow, 'dueOn' | 'status'>, today: string): boolean => !!task.dueOn && task.dueOn < today && !isClosed(task.status);
