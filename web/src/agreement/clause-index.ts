import type { ClauseLevel, ClauseNode } from '../api/types.ts';

export interface ClauseIndex {
  byId: Map<string, ClauseNode>;
  counts: Record<ClauseLevel, number>;
}

/** One walk over the clause tree: lookup by id for the selection and the per-level counts for the summary. */
export function indexClauses(roots: ClauseNode[]): ClauseIndex {
  const byId = new Map<string, ClauseNode>();
  const counts: Record<ClauseLevel, number> = { area: 0, direction: 0, measure: 0 };
  const visit = (node: ClauseNode) => {
    byId.set(node.id, node);
    counts[node.level] += 1;
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return { byId, counts };
}

/** The clause's span when it lies inside the text; anything else (no span, stale offsets) highlights nothing. */
export function spanWithin(clause: ClauseNode | undefined, textLength: number): { start: number; end: number } | null {
  if (!clause || clause.spanStart === null || clause.spanEnd === null) return null;
  const { spanStart: start, spanEnd: end } = clause;
  if (start < 0 || end <= start || end > textLength) return null;
  return { start, end };
}
