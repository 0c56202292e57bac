/**
 * The sides whose approval closes a task: the owner side of a one-sided
 * task; for a joint task, every side that has a unit on it, or every side
 * of the cooperation while no units are assigned.
 */
export function closureSides(
  task: { joint: boolean; ownerPartyId: string | null },
  unitPartyIds: string[],
  cooperationPartyIds: string[],
): string[] {
  if (!task.joint && task.ownerPartyId) return [task.ownerPartyId];
  const withUnits = cooperationPartyIds.filter((p) => unitPartyIds.includes(p));
  return withUnits.length ? withUnits : cooperationPartyIds;
}
