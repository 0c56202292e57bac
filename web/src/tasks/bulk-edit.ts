import type { TaskListItem, TaskPatch, TaskPriority, TaskUnitInput } from '../api/tasks.ts';

/** One change applied to every selected row of the ledger. */
export type BulkChange =
  | { kind: 'dueOn'; dueOn: string | null }
  | { kind: 'priority'; priority: TaskPriority }
  | { kind: 'tags'; add: string[] }
  | { kind: 'lead'; partyId: string; organizationId: string };

/** The task's units as the API takes them back, every side's lead and co-operating units. */
function unitsOf(task: TaskListItem): TaskUnitInput[] {
  return task.sides.flatMap((side) => [
    ...(side.lead ? [{ partyId: side.partyId, organizationId: side.lead.organizationId, role: 'lead' as const }] : []),
    ...side.co.map((unit) => ({ partyId: side.partyId, organizationId: unit.organizationId, role: 'co' as const })),
  ]);
}

/**
 * What to send for one row, or null when the row already is as asked (or the change does not apply to it, as a
 * lead unit for a side the task does not carry); the server still decides whether the reader may make it.
 */
export function bulkPatch(task: TaskListItem, change: BulkChange): TaskPatch | null {
  switch (change.kind) {
    case 'dueOn':
      return task.dueOn === change.dueOn ? null : { dueOn: change.dueOn };
    case 'priority':
      return task.priority === change.priority ? null : { priority: change.priority };
    case 'tags': {
      const tags = [...new Set([...task.tags, ...change.add])];
      return tags.length === task.tags.length ? null : { tags };
    }
    case 'lead': {
      const side = task.sides.find((s) => s.partyId === change.partyId);
      if (!side || side.lead?.organizationId === change.organizationId) return null;
      // The new lead unit stops being a co-operating unit of the same side; the old lead is dropped, not demoted.
      const units = unitsOf(task).filter((u) => u.partyId !== change.partyId || (u.role === 'co' && u.organizationId !== change.organizationId));
      return { units: [...units, { partyId: change.partyId, organizationId: change.organizationId, role: 'lead' }] };
    }
  }
}
