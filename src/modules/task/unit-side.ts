const GB2260 = /^\d{6}$/;

/** The significant prefix of a GB/T 2260 code: 370000 → 37, 370200 → 3702, 370211 → 370211. */
function divisionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/**
 * Whether a unit registered in `unitRegion` belongs to the side whose region
 * is `partyRegion`: the same region or one beneath it (a district bureau
 * works for its city). Partner countries (ISO codes) match only themselves;
 * China as a party covers every GB/T 2260 division.
 */
export function regionLiesWithin(unitRegion: string, partyRegion: string): boolean {
  if (unitRegion === partyRegion) return true;
  if (partyRegion === 'CN') return GB2260.test(unitRegion);
  if (!GB2260.test(unitRegion) || !GB2260.test(partyRegion)) return false;
  return unitRegion.startsWith(divisionPrefix(partyRegion));
}
