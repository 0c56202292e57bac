import type { MilestoneRow } from './milestone.repository.ts';
import { isoOrNull } from '../../lib/present.ts';

/** A milestone as the API answers it. */
export const presentMilestone = (m: MilestoneRow) => ({
  id: m.id,
  taskId: m.taskId,
  title: m.title,
  dueOn: m.dueOn,
  doneAt: isoOrNull(m.doneAt),
  ordinal: m.ordinal,
  version: m.version,
});
