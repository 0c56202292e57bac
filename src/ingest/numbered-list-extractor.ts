import { parseChineseNumeral } from './chinese-number.ts';
import type { Block } from './document-layout.ts';
import { pieceOf, type SourcePiece } from './text-normaliser.ts';

/** How an official text numbers a list item; each style is one level of the outline. */
type LabelStyle = 'chapter' | 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'circled' | 'ordinal' | 'article' | 'shi';

interface LabelPattern {
  readonly style: LabelStyle;
  /** Matches a label at the start of the string; group 1 is the number. */
  readonly pattern: RegExp;
  /** Whether the style also numbers items inside a paragraph ("一是…；二是…"). */
  readonly inline: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LABELS: readonly LabelPattern[] = [
  { style: 'paren-cn', pattern: new RegExp(`^\\((${CN})\\)\\s?`), inline: true },
  { style: 'paren-num', pattern: /^\(?(\d{1,2})\)\s?/, inline: true },
  { style: 'circled', pattern: /^([①-⑳])\s?/, inline: true },
  // Laws and plans: 第一章 总则 above 第一条…; a chapter opens the level its articles sit in.
  { style: 'chapter', pattern: new RegExp(`^第(${CN})章\\s?`), inline: false },
  { style: 'article', pattern: new RegExp(`^第(${CN}|[一二三四五六七八九十百]{1,4})条\\s?`), inline: false },
  { style: 'ordinal', pattern: new RegExp(`^第(${CN})[,、:]\\s?`), inline: true },
  { style: 'shi', pattern: new RegExp(`^(${CN})是`), inline: true },
  { style: 'cn', pattern: new RegExp(`^(${CN})[、.]\\s?`), inline: false },
  { style: 'num', pattern: /^(\d{1,2})[.、](?!\d)\s?/, inline: false },
];

function labelValue(style: LabelStyle, token: string): number {
  if (style === 'circled') return token.charCodeAt(0) - 0x2460 + 1;
  return /^\d+$/.test(token) ? Number(token) : (parseChineseNumeral(token) ?? 0);
}

/** One numbered item: its label and the text up to the next label or the end of its paragraph. */
interface NumberedUnit {
  readonly style: LabelStyle;
  readonly value: number;
  readonly block: Block;
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly textEnd: number;
}

export interface NumberedNode {
  readonly unit: NumberedUnit;
  readonly label: SourcePiece;
  readonly title: SourcePiece;
  readonly children: NumberedNode[];
}

// An inline label follows a clause boundary: "…；二是…", "…。（二）…".
const INLINE_LABELS = LABELS.filter((l) => l.inline).map((l) => ({
  style: l.style,
  pattern: new RegExp(`(?<=[。;；:：,，\\s])${l.pattern.source.slice(1)}`, 'g'),
}));

function findUnits(block: Block): NumberedUnit[] {
  const text = block.view.text;
  const found: Array<Omit<NumberedUnit, 'textEnd'>> = [];
  for (const { style, pattern } of LABELS) {
    const m = pattern.exec(text);
    if (m?.[1]) {
      found.push({ style, value: labelValue(style, m[1]), block, labelStart: 0, labelEnd: m[0].length });
      break;
    }
  }
  // Inline items: a style that numbers 1, 2, 3… after clause boundaries within the paragraph.
  for (const { style, pattern } of INLINE_LABELS) {
    const run: Array<Omit<NumberedUnit, 'textEnd'>> = [];
    const first = found[0];
    let expected = first?.style === style ? first.value + 1 : 1;
    for (const m of text.matchAll(pattern)) {
      if (!m[1] || labelValue(style, m[1]) !== expected) continue;
      run.push({ style, value: expected, block, labelStart: m.index, labelEnd: m.index + m[0].length });
      expected++;
    }
    const continuesFirst = first?.style === style && run.length >= 1;
    if (run.length >= 2 || continuesFirst) found.push(...run);
  }
  found.sort((a, b) => a.labelStart - b.labelStart);
  return found.map((u, k) => ({ ...u, textEnd: found[k + 1]?.labelStart ?? text.length }));
}

/**
 * The lead phrase of an item: "加强产业合作。双方将…" and "加强产业合作，推动…"
 * both give 加强产业合作; an item without punctuation is its own title.
 */
function leadPhrase(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start < to && /[\s*#]/.test(text.charAt(start))) start++;
  const body = text.slice(start, to);
  const stop = body.search(/[。；;：:!?！？]/);
  let end = stop >= 0 ? start + stop : to;
  const comma = body.search(/[，,]/);
  if (comma >= 4 && start + comma < end) end = start + comma;
  if (end - start > 60) end = start + 60;
  while (end > start && /[\s,，、*#]/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/**
 * Numbered lists of every style, nested by first appearance: a style not seen
 * yet opens a level under the current item, a style already open closes the
 * levels below it. An unnumbered heading or a new article closes every level.
 * A list needs two items, unless it continues a numbering begun under an
 * earlier sibling (7. under （二） after 1.–6. under （一）).
 */
export function extractNumberedLists(blocks: readonly Block[]): NumberedNode[] {
  const roots: NumberedNode[] = [];
  const stack: Array<{ style: LabelStyle; node: NumberedNode }> = [];
  let segment = -1;
  for (const block of blocks) {
    const units = findUnits(block);
    if (block.segment !== segment || (units.length === 0 && block.kind === 'heading')) stack.length = 0;
    segment = block.segment;
    for (const unit of units) {
      const text = block.view.text;
      const lead = leadPhrase(text, unit.labelEnd, unit.textEnd);
      if (lead.end - lead.start < 2) continue;
      const node: NumberedNode = {
        unit,
        label: pieceOf(block.view, unit.labelStart, unit.labelEnd),
        title: pieceOf(block.view, lead.start, lead.end),
        children: [],
      };
      const level = stack.findIndex((s) => s.style === unit.style);
      if (level >= 0) stack.length = level;
      const parent = stack[stack.length - 1];
      if (parent) parent.node.children.push(node);
      else roots.push(node);
      stack.push({ style: unit.style, node });
    }
    // Items numbered inside a paragraph (…：一是…；二是…) end with it: the next paragraph's list is not under them.
    const inline = stack.findIndex((s) => s.node.unit.block === block && s.node.unit.labelStart > 0);
    if (inline >= 0) stack.length = inline;
  }
  return prune(roots, true);
}

/** Splits siblings into runs of one style: each run is one list. */
function runsOf(nodes: readonly NumberedNode[]): NumberedNode[][] {
  const runs: NumberedNode[][] = [];
  for (const node of nodes) {
    const run = runs[runs.length - 1];
    if (run && run[0]?.unit.style === node.unit.style && node.unit.value > (run[run.length - 1]?.unit.value ?? 0)) run.push(node);
    else runs.push([node]);
  }
  return runs;
}

function prune(nodes: readonly NumberedNode[], top: boolean): NumberedNode[] {
  return runsOf(nodes).flatMap((run) => {
    const first = run[0];
    const keep = run.length >= 2 || (!top && first !== undefined && first.unit.value > 1);
    if (!keep) return run.flatMap((n) => prune(n.children, top));
    return run.map((n) => ({ ...n, children: prune(n.children, false) }));
  });
}
