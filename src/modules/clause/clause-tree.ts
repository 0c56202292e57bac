import type { ClauseNode } from './clause.schemas.ts';

interface FlatClause extends Omit<ClauseNode, 'children'> {}

/** Builds the area → direction → measure tree from rows in ordinal order; orphans surface at the top. */
export function buildClauseTree(rows: FlatClause[]): ClauseNode[] {
  const nodes = new Map<string, ClauseNode>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: ClauseNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: ClauseNode[]) => {
    list.sort((a, b) => a.ordinal - b.ordinal);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** True when `candidateParentId` is `id` itself or lies beneath it: moving there would make a cycle. */
export function wouldCycle(rows: { id: string; parentId: string | null }[], id: string, candidateParentId: string | null): boolean {
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  let cursor = candidateParentId;
  for (let steps = 0; cursor && steps <= rows.length; steps++) {
    if (cursor === id) return true;
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}

/** The clause and everything beneath it: what deleting it takes away (children go with their parent). */
export function subtreeIds(rows: { id: string; parentId: string | null }[], id: string): string[] {
  const childrenOf = new Map<string, string[]>();
  for (const row of rows) if (row.parentId) childrenOf.set(row.parentId, [...(childrenOf.get(row.parentId) ?? []), row.id]);
  const found: string[] = [];
  const pending = [id];
  while (pending.length) {
    const next = pending.pop();
    if (next === undefined || found.includes(next)) continue;
    found.push(next);
    pending.push(...(childrenOf.get(next) ?? []));
  }
  return found;
}
