import { describe, expect, it } from 'vitest';
import { addNode, countNodes, moveNode, removeNode, updateNode } from './draft-tree.ts';
import type { DraftNode } from './import-draft.ts';

const node = (key: string, children: DraftNode[] = []): DraftNode => ({ key, label: null, title: key, span: null, children });

const tree = (): DraftNode[] => [node('a', [node('a1'), node('a2')]), node('b', [node('b1')])];

const shape = (nodes: DraftNode[]): unknown => nodes.map((n) => (n.children.length > 0 ? { [n.key]: shape(n.children) } : n.key));

describe('the area tree edits', () => {
  it('renames one node and leaves the others as they were', () => {
    const renamed = updateNode(tree(), 'a2', { title: '新名称', label: '2.' });
    expect(renamed[0]?.children[1]).toMatchObject({ key: 'a2', title: '新名称', label: '2.' });
    expect(renamed[1]).toEqual(tree()[1]);
  });

  it('removes a node together with everything under it', () => {
    expect(shape(removeNode(tree(), 'a'))).toEqual([{ b: ['b1'] }]);
    expect(countNodes(removeNode(tree(), 'a1'))).toBe(4);
  });

  it('appends a new area at the end, or a new child under its parent', () => {
    expect(shape(addNode(tree(), null, node('c')))).toEqual([{ a: ['a1', 'a2'] }, { b: ['b1'] }, 'c']);
    expect(shape(addNode(tree(), 'b1', node('m')))).toEqual([{ a: ['a1', 'a2'] }, { b: [{ b1: ['m'] }] }]);
  });

  it('moves a direction into another area, before or after a node, or to the top level', () => {
    expect(shape(moveNode(tree(), 'a2', 'b', 'inside'))).toEqual([{ a: ['a1'] }, { b: ['a2', 'b1'] }]);
    expect(shape(moveNode(tree(), 'b1', 'a1', 'before'))).toEqual([{ a: ['b1', 'a1', 'a2'] }, 'b']);
    expect(shape(moveNode(tree(), 'a1', 'b', 'after'))).toEqual([{ a: ['a2'] }, { b: ['b1'] }, 'a1']);
  });

  it('refuses to move a node into itself or its own descendants', () => {
    expect(moveNode(tree(), 'a', 'a1', 'inside')).toEqual(tree());
    expect(moveNode(tree(), 'a', 'a', 'after')).toEqual(tree());
  });
});
