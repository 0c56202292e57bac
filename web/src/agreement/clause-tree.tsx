import { Tree, type TreeDataNode } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import type { ClauseLevel, ClauseNode } from '../api/types.ts';

/** Levels a reader tells apart at a glance: areas bold, directions plain, measures quieter. */
const LEVEL_STYLE: Record<ClauseLevel, CSSProperties> = {
  area: { fontWeight: 600 },
  direction: {},
  measure: { color: '#555', fontSize: 13 },
};

function toTreeData(nodes: ClauseNode[]): TreeDataNode[] {
  return [...nodes]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((node) => ({
      key: node.id,
      title: (
        <span data-level={node.level} style={LEVEL_STYLE[node.level]}>
          {node.label ? <span style={{ marginInlineEnd: 4 }}>{node.label}</span> : null}
          {node.title}
        </span>
      ),
      children: node.children.length > 0 ? toTreeData(node.children) : undefined,
    }));
}

export function ClauseTree({
  clauses,
  selectedId,
  onSelect,
}: {
  clauses: ClauseNode[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const treeData = useMemo(() => toTreeData(clauses), [clauses]);
  return (
    <Tree
      blockNode
      showLine
      defaultExpandAll
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => onSelect(keys.length > 0 ? String(keys[0]) : null)}
    />
  );
}
