/**
 * Whether a party's region holds the user's unit's region, as the server decides who becomes whose office: the same
 * region, a district of a city, a city of a province. The server's answer counts; this only says it beforehand.
 */
function regionHolds(partyCode: string, unitCode: string): boolean {
  if (partyCode === unitCode) return true;
  if (!/^\d{6}$/.test(partyCode) || !/^\d{6}$/.test(unitCode)) return false;
  if (partyCode.endsWith('0000')) return unitCode.startsWith(partyCode.slice(0, 2));
  if (partyCode.endsWith('00')) return unitCode.startsWith(partyCode.slice(0, 4));
  return false;
}

export interface SideDraft {
  key: string;
  regionCode: string | null;
  name: string;
}

/** The side the user becomes the office of: the first whose region holds the user's unit; an admin becomes none. */
export function ownSideKey(sides: readonly SideDraft[], unitRegionCode: string | null, isAdmin: boolean): string | null {
  if (isAdmin || !unitRegionCode) return null;
  return sides.find((side) => side.regionCode && regionHolds(side.regionCode, unitRegionCode))?.key ?? null;
}

/** The offices to send: the named ones, by their side's region. */
export function officesToSend(sides: readonly SideDraft[], offices: Readonly<Record<string, string>>): { regionCode: string; username: string }[] {
  return sides.flatMap((side) => {
    const username = offices[side.key]?.trim();
    return side.regionCode && username ? [{ regionCode: side.regionCode, username }] : [];
  });
}
