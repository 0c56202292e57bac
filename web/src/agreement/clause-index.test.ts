import { describe, expect, it } from 'vitest';
import type { ClauseLevel, ClauseNode } from '../api/types.ts';
import { indexClauses, possibleParents, shiftedOrder, siblingsOf, spanWithin } from './clause-index.ts';

function clause(id: string, level: ClauseLevel, span: [number, number] | null, children: ClauseNode[] = []): ClauseNode {
  return {
    id,
    parentId: null,
    level,
    label: null,
    title: id,
    body: null,
    ordinal: 0,
    spanStart: span ? span[0] : null,
    spanEnd: span ? span[1] : null,
    version: 1,
    children,
  };
}

describe('indexClauses', () => {
  it('counts areas, directions and measures at every depth and finds each clause by id', () => {
    const tree = [
      clause('a1', 'area', null, [clause('d1', 'direction', null, [clause('m1', 'measure', null)]), clause('d2', 'direction', null)]),
      clause('a2', 'area', null),
    ];
    const index = indexClauses(tree);
    expect(index.counts).toEqual({ area: 2, direction: 2, measure: 1 });
    expect(index.byId.get('m1')?.level).toBe('measure');
  });
});

describe('spanWithin', () => {
  it('gives the span of a clause that lies inside the text', () => {
    expect(spanWithin(clause('c', 'direction', [3, 8]), 10)).toEqual({ start: 3, end: 8 });
  });

  it('marks nothing for a clause without a span', () => {
    expect(spanWithin(clause('c', 'direction', null), 10)).toBeNull();
  });

  it('marks nothing when the offsets run past the text or are empty, as after the text was replaced', () => {
    expect(spanWithin(clause('c', 'direction', [5, 12]), 10)).toBeNull();
    expect(spanWithin(clause('c', 'direction', [4, 4]), 10)).toBeNull();
  });

  it('marks nothing when no clause is selected', () => {
    expect(spanWithin(undefined, 10)).toBeNull();
  });
});

describe('moving clauses', () => {
  const under = (parent: ClauseNode, kids: ClauseNode[]) => ({ ...parent, children: kids.map((k, ordinal) => ({ ...k, parentId: parent.id, ordinal })) });
  const area = under(clause('a', 'area', null), [clause('d1', 'direction', null), clause('d2', 'direction', null), clause('d3', 'direction', null)]);
  const roots = [area, { ...clause('b', 'area', null), ordinal: 1 }];
  const index = indexClauses(roots);
  const d2 = index.byId.get('d2') as ClauseNode;

  it('finds a clause among its parent\'s children in their order', () => {
    expect(siblingsOf(roots, index, d2).map((c) => c.id)).toEqual(['d1', 'd2', 'd3']);
    expect(siblingsOf(roots, index, roots[1] as ClauseNode).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('moves one place up or down, and not past either end', () => {
    const siblings = siblingsOf(roots, index, d2);
    expect(shiftedOrder(siblings, d2, -1)).toEqual(['d2', 'd1', 'd3']);
    expect(shiftedOrder(siblings, d2, 1)).toEqual(['d1', 'd3', 'd2']);
    expect(shiftedOrder(siblings, siblings[0] as ClauseNode, -1)).toBeNull();
    expect(shiftedOrder(siblings, siblings[2] as ClauseNode, 1)).toBeNull();
  });

  it('offers every clause as a new parent but the clause itself and those beneath it', () => {
    expect(possibleParents(roots, area).map((c) => c.id)).toEqual(['b']);
    expect(possibleParents(roots, d2).map((c) => c.id)).toEqual(['a', 'd1', 'd3', 'b']);
  });
});
