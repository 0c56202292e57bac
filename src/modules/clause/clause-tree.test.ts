import { describe, expect, it } from 'vitest';
import { buildClauseTree, subtreeIds, wouldCycle } from './clause-tree.ts';

const row = (id: string, parentId: string | null, ordinal: number) => ({
  id,
  parentId,
  ordinal,
  level: parentId ? ('direction' as const) : ('area' as const),
  label: null,
  title: id,
  body: '',
  spanStart: null,
  spanEnd: null,
  version: 1,
});

describe('clause tree', () => {
  it('nests directions under their areas in ordinal order, whatever order the rows come in', () => {
    const tree = buildClauseTree([row('d2', 'a1', 1), row('a2', null, 1), row('d1', 'a1', 0), row('a1', null, 0)]);
    expect(tree.map((n) => n.id)).toEqual(['a1', 'a2']);
    expect(tree[0]?.children.map((n) => n.id)).toEqual(['d1', 'd2']);
  });

  it('shows a clause whose parent is missing at the top instead of losing it', () => {
    expect(buildClauseTree([row('orphan', 'gone', 0)]).map((n) => n.id)).toEqual(['orphan']);
  });

  it('sees that moving an area beneath its own direction would make a cycle', () => {
    const rows = [row('a1', null, 0), row('d1', 'a1', 0), row('m1', 'd1', 0)];
    expect(wouldCycle(rows, 'a1', 'm1')).toBe(true);
    expect(wouldCycle(rows, 'a1', 'a1')).toBe(true);
    expect(wouldCycle(rows, 'm1', 'a1')).toBe(false);
    expect(wouldCycle(rows, 'd1', null)).toBe(false);
  });
});

describe('subtreeIds', () => {
  it('takes the clause with its children and grandchildren, and nothing beside it', () => {
    const rows = [row('a', null, 0), row('b', 'a', 0), row('c', 'b', 0), row('d', null, 1), row('e', 'd', 0)];
    expect(subtreeIds(rows, 'a').sort()).toEqual(['a', 'b', 'c']);
    expect(subtreeIds(rows, 'e')).toEqual(['e']);
  });
});
