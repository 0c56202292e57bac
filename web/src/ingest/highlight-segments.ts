import type { DraftNode, ImportDraft } from './import-draft.ts';
import type { SourceSpan } from './ingest-types.ts';

export const HIGHLIGHT_KINDS = ['party', 'date', 'agreement', 'area', 'item', 'amount', 'target', 'subAgreement', 'project', 'count'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** One extracted item's place in the text; `key` is the draft item it belongs to. */
export interface Highlight extends SourceSpan {
  kind: HighlightKind;
  key: string;
}

/** A run of text that is either plain (`highlight` null) or inside the innermost highlight covering it. */
export interface Segment extends SourceSpan {
  highlight: Highlight | null;
}

function nodeHighlights(nodes: readonly DraftNode[], kind: HighlightKind, out: Highlight[]): void {
  for (const node of nodes) {
    if (node.span) out.push({ kind, key: node.key, ...node.span });
    nodeHighlights(node.children, 'item', out);
  }
}

/** What the draft still holds, so an item deleted on the right stops being marked on the left. */
export function highlightsOf(draft: ImportDraft): Highlight[] {
  const out: Highlight[] = [];
  const push = (kind: HighlightKind, key: string, span: SourceSpan | null) => {
    if (span) out.push({ kind, key, ...span });
  };
  for (const party of draft.parties) push('party', party.key, party.span);
  push('date', 'agreement.signedOn', draft.agreement.dateSpan);
  push('agreement', 'agreement.title', draft.agreement.titleSpan);
  nodeHighlights(draft.areas, 'area', out);
  for (const amount of draft.amounts) push('amount', amount.key, amount.span);
  for (const target of draft.targets) push('target', target.key, target.span);
  for (const named of draft.subAgreements) push('subAgreement', named.key, named.span);
  for (const named of draft.projects) push('project', named.key, named.span);
  for (const count of draft.counts) push('count', count.key, count.span);
  return out;
}

/**
 * Cuts the text at every highlight's edge. Where highlights overlap (an amount inside a target, an item inside
 * its area), the shortest one wins, so the most specific reading is the one the eye sees; the item the person
 * points at (`focusKey`) wins over all others, so that it shows whole.
 */
export function segmentText(length: number, highlights: readonly Highlight[], focusKey: string | null = null): Segment[] {
  const valid = highlights.filter((h) => h.start >= 0 && h.end > h.start && h.end <= length);
  const cuts = new Set<number>([0, length]);
  for (const h of valid) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    let best: Highlight | null = null;
    for (const h of valid) {
      if (h.start > start || h.end < end || best?.key === focusKey) continue;
      if (!best || h.key === focusKey || h.end - h.start < best.end - best.start) best = h;
    }
    const previous = segments[segments.length - 1];
    if (previous && previous.highlight === best) previous.end = end;
    else segments.push({ start, end, highlight: best });
  }
  return segments;
}

export function countByKind(highlights: readonly Highlight[]): Record<HighlightKind, number> {
  const counts: Record<HighlightKind, number> = { party: 0, date: 0, agreement: 0, area: 0, item: 0, amount: 0, target: 0, subAgreement: 0, project: 0, count: 0 };
  for (const h of highlights) counts[h.kind] += 1;
  return counts;
}
