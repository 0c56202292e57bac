/**
 * An agreement's text as blocks a reader sees formatted — headings, list items, paragraphs — while every character
 * of the text stays on the page in order: the markers (`# `, `- `) and line breaks become hidden pieces instead of
 * being dropped, so offsets measured in the page (a reader's selection, a clause's span) are offsets into the text.
 */

interface TextPiece {
  text: string;
  /** Kept in the page for the offsets, not shown. */
  hidden: boolean;
  /** Inside the marked span. */
  marked: boolean;
}

type BlockKind = 'heading' | 'item' | 'paragraph' | 'gap';

export interface TextBlock {
  kind: BlockKind;
  /** 1–6 for a heading. */
  level: number;
  pieces: TextPiece[];
}

const HEADING = /^(#{1,6})[ \t]+/;
const ITEM = /^[ \t]*[-*•][ \t]+/;

function lineBlock(line: string): { kind: BlockKind; level: number; marker: string } {
  if (line.trim() === '') return { kind: 'gap', level: 0, marker: line };
  const heading = HEADING.exec(line);
  if (heading) return { kind: 'heading', level: heading[1]?.length ?? 1, marker: heading[0] };
  const item = ITEM.exec(line);
  if (item) return { kind: 'item', level: 0, marker: item[0] };
  return { kind: 'paragraph', level: 0, marker: '' };
}

/** Cuts [from, to) of the text into pieces at the marked span's ends. */
function cut(text: string, from: number, to: number, hidden: boolean, mark: { start: number; end: number } | null): TextPiece[] {
  if (from >= to) return [];
  const bounds = [from, to];
  if (mark) for (const b of [mark.start, mark.end]) if (b > from && b < to) bounds.push(b);
  bounds.sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] ?? from;
    const end = bounds[i + 1] ?? to;
    if (start === end) continue;
    pieces.push({ text: text.slice(start, end), hidden, marked: mark !== null && start >= mark.start && end <= mark.end });
  }
  return pieces;
}

export function textBlocks(text: string, mark: { start: number; end: number } | null): TextBlock[] {
  const blocks: TextBlock[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const end = Math.min(lineEnd + 1, text.length);
    const { kind, level, marker } = lineBlock(line);
    const previous = blocks.at(-1);
    if (kind === 'gap') {
      // A run of blank lines reads as one paragraph break.
      const pieces = cut(text, offset, end, true, mark);
      if (previous?.kind === 'gap') previous.pieces.push(...pieces);
      else blocks.push({ kind, level, pieces });
    } else {
      const markerEnd = offset + marker.length;
      blocks.push({
        kind,
        level,
        pieces: [...cut(text, offset, markerEnd, true, mark), ...cut(text, markerEnd, lineEnd, false, mark), ...cut(text, lineEnd, end, true, mark)],
      });
    }
    offset = lineEnd + 1;
  }
  return blocks;
}
