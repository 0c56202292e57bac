/**
 * The known name a typed one most likely means, for "did you mean" hints: an abbreviation whose characters all
 * appear in order in a name (市发改 → 青岛市发展和改革委员会) wins over a name that merely shares character pairs.
 */

function isSubsequence(short: string[], long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

function pairs(text: string): string[] {
  const chars = [...text];
  return chars.slice(0, -1).map((ch, i) => ch + (chars[i + 1] ?? ''));
}

/** Dice's coefficient over character pairs: 1 for the same text, 0 for nothing in common. */
function pairSimilarity(a: string, b: string): number {
  const left = pairs(a);
  const right = pairs(b);
  if (!left.length || !right.length) return a === b ? 1 : 0;
  const pool = [...right];
  let shared = 0;
  for (const pair of left) {
    const at = pool.indexOf(pair);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** The share of the typed characters that the name has too (进行中 → 推进中: two of three). */
function charOverlap(typed: string, known: string): number {
  const pool = [...known];
  const chars = [...typed];
  let found = 0;
  for (const ch of chars) {
    const at = pool.indexOf(ch);
    if (at >= 0) {
      found++;
      pool.splice(at, 1);
    }
  }
  return chars.length ? found / Math.max(chars.length, pool.length + found) : 0;
}

const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The best candidate for `typed`, or null when none is close enough to suggest. */
export function closestName(typed: string, candidates: readonly string[]): string | null {
  const wanted = squeeze(typed);
  if (!wanted) return null;
  let best: { name: string; score: number } | null = null;
  for (const name of candidates) {
    const known = squeeze(name);
    // An abbreviation scores above every pair match, longer abbreviations (more of the name typed) higher still.
    const typedChars = [...wanted];
    const score = typedChars.length >= 2 && isSubsequence(typedChars, known) ? 1 + typedChars.length / [...known].length : Math.max(pairSimilarity(wanted, known), charOverlap(wanted, known));
    if (!best || score > best.score) best = { name, score };
  }
  return best && best.score >= 0.5 ? best.name : null;
}
