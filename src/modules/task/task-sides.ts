/**
 * Which sides decide on a task: the one place that says it. A task's sides
 * are fixed when it is created; a closing round and a report's review round
 * fix the sides they need when they open, so that editing units (or anything
 * else) in the meantime cannot take a side out of the decision.
 */

interface TaskShape {
  joint: boolean;
  ownerPartyId: string | null;
}

/**
 * The sides a new task involves: the owner side of a one-sided task; for a
 * joint task, every side that has a unit on it, or every side of the
 * cooperation when it is created without units.
 */
export function sidesOfNewTask(task: TaskShape, unitPartyIds: string[], cooperationPartyIds: string[]): string[] {
  if (!task.joint && task.ownerPartyId) return [task.ownerPartyId];
  const withUnits = cooperationPartyIds.filter((p) => unitPartyIds.includes(p));
  return withUnits.length ? withUnits : cooperationPartyIds;
}

/** The sides whose approval a round opened now would need. */
export function decidingSides(task: TaskShape & { sides: string[] }): string[] {
  if (!task.joint && task.ownerPartyId) return [task.ownerPartyId];
  return task.sides;
}

/** The sides the task's closing round needs: those fixed when it opened; before any round, those one would need. */
export function closingSides(task: TaskShape & { sides: string[]; closeRequestedAt: Date | null; closeSides: string[] | null }): string[] {
  return task.closeRequestedAt && task.closeSides ? task.closeSides : decidingSides(task);
}

/** The sides a report's review needs: those fixed when it was submitted; for a draft, those its submission would need. */
export function reportSides(report: { status: string; decidingSides: string[] | null }, task: TaskShape & { sides: string[] }): string[] {
  return report.status !== 'draft' && report.decidingSides ? report.decidingSides : decidingSides(task);
}

/** The sides whose units differ between two unit lists (a unit added, removed, or given another role). */
export function sidesWithChangedUnits(
  before: { partyId: string; organizationId: string; role: string }[],
  after: { partyId: string; organizationId: string; role: string }[],
): string[] {
  const key = (u: { partyId: string; organizationId: string; role: string }) => `${u.partyId}/${u.organizationId}/${u.role}`;
  const was = new Set(before.map(key));
  const is = new Set(after.map(key));
  const changed = [...before.filter((u) => !is.has(key(u))), ...after.filter((u) => !was.has(key(u)))];
  return [...new Set(changed.map((u) => u.partyId))];
}
