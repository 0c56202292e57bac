import type { DraftNode } from './import-draft.ts';

/** Edits of the area tree (area → direction → measure); each returns a new tree and leaves the old one alone. */

export type DropPosition = 'inside' | 'before' | 'after';

export function findNode(nodes: readonly DraftNode[], key: string): DraftNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node;
    const found = findNode(node.children, key);
    if (found) return found;
  }
  return undefined;
}

export function updateNode(nodes: DraftNode[], key: string, patch: Partial<Pick<DraftNode, 'label' | 'title'>>): DraftNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, ...patch };
    return node.children.length > 0 ? { ...node, children: updateNode(node.children, key, patch) } : node;
  });
}

export function removeNode(nodes: DraftNode[], key: string): DraftNode[] {
  return nodes.filter((node) => node.key !== key).map((node) => (node.children.length > 0 ? { ...node, children: removeNode(node.children, key) } : node));
}

/** Appends `child` under `parentKey`, or as a new area when `parentKey` is null. */
export function addNode(nodes: DraftNode[], parentKey: string | null, child: DraftNode): DraftNode[] {
  if (parentKey === null) return [...nodes, child];
  return nodes.map((node) => {
    if (node.key === parentKey) return { ...node, children: [...node.children, child] };
    return node.children.length > 0 ? { ...node, children: addNode(node.children, parentKey, child) } : node;
  });
}

function insertAt(nodes: DraftNode[], targetKey: string, position: DropPosition, moved: DraftNode): DraftNode[] {
  const result: DraftNode[] = [];
  for (const node of nodes) {
    if (node.key === targetKey) {
      if (position === 'before') result.push(moved, node);
      else if (position === 'after') result.push(node, moved);
      else result.push({ ...node, children: [moved, ...node.children] });
    } else {
      result.push(node.children.length > 0 ? { ...node, children: insertAt(node.children, targetKey, position, moved) } : node);
    }
  }
  return result;
}

/**
 * Moves a node with everything under it next to or into another node. A node cannot go into itself or its
 * own descendants; such a drop leaves the tree as it was.
 */
export function moveNode(nodes: DraftNode[], dragKey: string, targetKey: string, position: DropPosition): DraftNode[] {
  const moved = findNode(nodes, dragKey);
  if (!moved || dragKey === targetKey || findNode(moved.children, targetKey)) return nodes;
  return insertAt(removeNode(nodes, dragKey), targetKey, position, moved);
}

export function countNodes(nodes: readonly DraftNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}
