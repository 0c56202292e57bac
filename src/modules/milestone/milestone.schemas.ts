import { z } from 'zod';
import { TASK_STATUSES } from '../../db/schema/work.ts';
import { isoDate, shortText, versionField } from '../../http/common.schemas.ts';

export const milestoneSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  ordinal: z.number().int(),
  version: z.number().int(),
});

export const createMilestoneBody = z.object({
  title: shortText(300),
  dueOn: isoDate.nullable().optional(),
  ordinal: z.number().int().min(0).max(10_000).optional(),
});

export const updateMilestoneBody = z.object({
  version: versionField,
  title: shortText(300).optional(),
  dueOn: isoDate.nullable().optional(),
  ordinal: z.number().int().min(0).max(10_000).optional(),
  /** true marks the milestone reached (now); false takes that back. */
  done: z.boolean().optional(),
});

export const moveMilestoneBody = z.object({
  version: versionField,
  /** One place earlier or later among the task's milestones. */
  direction: z.enum(['up', 'down']),
});

/** The task as it stands after a milestone change: its percent, status and closing may have moved. */
const taskProgressSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(TASK_STATUSES),
  percent: z.number().int(),
  closeRequested: z.boolean(),
});

export const milestoneChangeResponse = z.object({ milestone: milestoneSchema, task: taskProgressSchema });
export const milestoneDeleteResponse = z.object({ task: taskProgressSchema });
export const milestoneMoveResponse = z.object({ items: z.array(milestoneSchema) });
