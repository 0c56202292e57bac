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

/** The clause's siblings in their order, itself included: the children of its parent, or the top of the tree. */
export function siblingsOf(roots: ClauseNode[], index: ClauseIndex, clause: ClauseNode): ClauseNode[] {
  const level = clause.parentId ? (index.byId.get(clause.parentId)?.children ?? []) : roots;
  return [...level].sort((a, b) => a.ordinal - b.ordinal);
}

/** The order of `siblings` with `clause` moved one place earlier (-1) or later (+1); null when it is already at that end. */
export function shiftedOrder(siblings: ClauseNode[], clause: ClauseNode, step: -1 | 1): string[] | null {
  const at = siblings.findIndex((s) => s.id === clause.id);
  const to = at + step;
  if (at < 0 || to < 0 || to >= siblings.length) return null;
  const ids = siblings.map((s) => s.id);
  [ids[at], ids[to]] = [ids[to] ?? clause.id, clause.id];
  return ids;
}

/** The clauses a clause may be moved beneath: every clause but itself and those beneath it. */
export function possibleParents(roots: ClauseNode[], clause: ClauseNode): ClauseNode[] {
  const out: ClauseNode[] = [];
  const visit = (node: ClauseNode) => {
    if (node.id === clause.id) return;
    out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
