import { diffChars, diffLines } from 'diff';

export interface ChangePart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** Beyond this many edits a text was rewritten rather than amended, and a character diff says nothing useful. */
const MAX_EDITS = 20_000;

function push(parts: ChangePart[], text: string, kind: ChangePart['kind']): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ text, kind });
}

/**
 * What changed from an older text to a newer one. Lines are compared first, so a rewritten sentence shows as the
 * sentence removed and added rather than a scatter of characters; a line replaced by one like it is then compared
 * character by character (Chinese has no spaces to compare words by), so a changed figure or name stands out.
 * Null when the texts differ too much to compare.
 */
export function versionChanges(older: string, newer: string): ChangePart[] | null {
  const lines = diffLines(older, newer, { maxEditLength: MAX_EDITS });
  if (!lines) return null;
  const parts: ChangePart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const next = lines[i + 1];
    if (line.removed && next?.added) {
      const chars = diffChars(line.value, next.value, { maxEditLength: MAX_EDITS });
      const changed = chars?.filter((c) => c.added || c.removed).reduce((n, c) => n + c.value.length, 0) ?? Infinity;
      // A pair that shares little is a replacement, shown whole; one that shares most is an edit, shown in place.
      if (chars && changed < Math.max(line.value.length, next.value.length)) {
        for (const c of chars) push(parts, c.value, c.added ? 'added' : c.removed ? 'removed' : 'same');
      } else {
        push(parts, line.value, 'removed');
        push(parts, next.value, 'added');
      }
      i++;
    } else {
      push(parts, line.value, line.added ? 'added' : line.removed ? 'removed' : 'same');
    }
  }
  return parts;
}
