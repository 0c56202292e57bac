import type { TaskSide } from '../api/tasks.ts';

export interface RecipientGroup {
  partyId: string;
  partyName: string;
  units: { organizationId: string; name: string; role: 'lead' | 'co' }[];
}

/**
 * Whom a side's office may address a 督办 notice to, as the server rules it:
 * the task's units of its own side, and on a joint task those of the other
 * sides too. The default is the issuing side's lead unit — or the unit whose
 * row the office started from, when it may address that one.
 */
export function recipientChoices(
  task: { joint: boolean; noticePartyId: string | null; sides: TaskSide[] },
  preferredOrganizationId?: string | null,
): { issuingSide: string | null; groups: RecipientGroup[]; defaults: string[] } {
  const issuingSide = task.noticePartyId;
  const groups = task.sides
    .filter((side) => side.partyId === issuingSide || task.joint)
    .map((side) => ({
      partyId: side.partyId,
      partyName: side.partyName,
      units: [...(side.lead ? [{ ...side.lead, role: 'lead' as const }] : []), ...side.co.map((c) => ({ ...c, role: 'co' as const }))],
    }))
    .filter((group) => group.units.length > 0);
  const offered = groups.flatMap((g) => g.units.map((u) => u.organizationId));
  if (preferredOrganizationId && offered.includes(preferredOrganizationId)) return { issuingSide, groups, defaults: [preferredOrganizationId] };
  const lead = task.sides.find((s) => s.partyId === issuingSide)?.lead;
  return { issuingSide, groups, defaults: lead ? [lead.organizationId] : [] };
}
