import { CheckOutlined, CloseOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Popconfirm, Space, Tooltip, Tree, Typography, type TreeDataNode, type TreeProps } from 'antd';
import { useState, type CSSProperties, type Key, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseLevel } from '../api/types.ts';
import { addNode, countNodes, findNode, moveNode, removeNode, updateNode, type DropPosition } from './draft-tree.ts';
import { issueAt, type FieldErrors } from './field-errors.ts';
import type { DraftNode } from './import-draft.ts';
import { issueMessage } from './issue-message.ts';
import { useTextFocus } from './text-focus.tsx';

/** Area → direction → measure: the three levels a clause tree has; deeper drops are refused. */
const LEVELS: readonly ClauseLevel[] = ['area', 'direction', 'measure'];

const LEVEL_STYLE: Record<ClauseLevel, CSSProperties> = {
  area: { fontWeight: 600 },
  direction: {},
  measure: { color: '#555', fontSize: 13 },
};

interface TreeItem extends TreeDataNode {
  key: string;
  node: DraftNode;
  depth: number;
  children?: TreeItem[];
}

function toTreeData(nodes: readonly DraftNode[], depth: number): TreeItem[] {
  return nodes.map((node) => ({
    key: node.key,
    node,
    depth,
    ...(node.children.length > 0 ? { children: toTreeData(node.children, depth + 1) } : {}),
  }));
}

function allKeys(nodes: readonly DraftNode[]): string[] {
  return nodes.flatMap((node) => [node.key, ...allKeys(node.children)]);
}

/** Levels a subtree occupies: 1 for a leaf. */
function heightOf(node: DraftNode): number {
  return 1 + Math.max(0, ...node.children.map(heightOf));
}

function stop(action: () => void) {
  return (event: MouseEvent) => {
    event.stopPropagation();
    action();
  };
}

function NodeEditor({ node, onSave, onCancel }: { node: DraftNode; onSave: (label: string | null, title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(node.label ?? '');
  const [title, setTitle] = useState(node.title);
  const save = () => onSave(label.trim() || null, title.trim());
  // The tree listens for keys to move its own focus; typing a name must stay inside the inputs.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Enter') save();
    if (event.key === 'Escape') onCancel();
  };
  // Focus moving into the inputs is not the tree's own keyboard focus: left to bubble, the tree would try to
  // activate and scroll to its first node while this node is being re-rendered as an editor.
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: no control: a barrier that keeps the editor's events from the tree around it.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are stopped on the inputs themselves, above.
    <div
      data-testid="area-node-editor"
      onClick={(event) => event.stopPropagation()}
      onFocus={(event) => event.stopPropagation()}
      onBlur={(event) => event.stopPropagation()}
    >
      <Space.Compact size="small" style={{ width: '100%' }}>
        <Input
          aria-label={t('import.areas.label')}
          placeholder={t('import.areas.labelPlaceholder')}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          onKeyDown={onKeyDown}
          style={{ width: 72 }}
        />
        <Input
          autoFocus
          aria-label={t('import.areas.title')}
          placeholder={t('import.areas.titlePlaceholder')}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button aria-label={t('import.areas.save')} icon={<CheckOutlined />} onClick={save} type="primary" />
        <Button aria-label={t('import.areas.cancel')} icon={<CloseOutlined />} onClick={onCancel} />
      </Space.Compact>
    </div>
  );
}

function NodeRow({
  item,
  errors,
  onEdit,
  onAddChild,
  onRemove,
}: {
  item: TreeItem;
  errors: FieldErrors;
  onEdit: () => void;
  onAddChild: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { locateProps } = useTextFocus();
  const { node, depth } = item;
  const level = LEVELS[depth] ?? 'measure';
  const issue = issueMessage(issueAt(errors, node.key), t);
  const descendants = countNodes(node.children);
  const removeButton = (
    <Button
      size="small"
      type="text"
      aria-label={t('import.areas.remove')}
      icon={<DeleteOutlined />}
      onClick={(event) => {
        event.stopPropagation();
        // With children the confirmation around the button does the removing.
        if (descendants === 0) onRemove();
      }}
    />
  );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the row's rename button does the same from the keyboard.
    <div
      {...locateProps(node.key)}
      data-testid="area-node"
      data-level={level}
      onDoubleClick={onEdit}
      style={{ display: 'flex', alignItems: 'center', gap: 6 }}
    >
      <span style={{ flex: 1, minWidth: 0 }}>
        {node.label ? <span style={{ color: '#667085', marginInlineEnd: 4 }}>{node.label}</span> : null}
        <span data-testid="area-node-title" style={LEVEL_STYLE[level]}>
          {node.title || (
            <Typography.Text type="secondary" italic>
              {t('import.areas.untitled')}
            </Typography.Text>
          )}
        </span>
        {node.span ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
            {t('import.areas.added')}
          </Typography.Text>
        )}
        {issue ? (
          <Typography.Text type="danger" style={{ fontSize: 12, marginInlineStart: 8 }} data-testid="area-node-error">
            {issue}
          </Typography.Text>
        ) : null}
      </span>
      <span style={{ flex: 'none', whiteSpace: 'nowrap' }}>
        <Tooltip title={t('import.areas.rename')}>
          <Button size="small" type="text" aria-label={t('import.areas.rename')} icon={<EditOutlined />} onClick={stop(onEdit)} />
        </Tooltip>
        {depth < LEVELS.length - 1 ? (
          <Tooltip title={t('import.areas.addChild', { level: t(`clauseLevel.${LEVELS[depth + 1] ?? 'measure'}`) })}>
            <Button size="small" type="text" aria-label={t('import.areas.addChildShort')} icon={<PlusOutlined />} onClick={stop(onAddChild)} />
          </Tooltip>
        ) : null}
        {descendants > 0 ? (
          <Popconfirm
            title={t('import.areas.removeWithChildren', { count: descendants })}
            onConfirm={(event) => {
              event?.stopPropagation();
              onRemove();
            }}
            onCancel={(event) => event?.stopPropagation()}
          >
            {removeButton}
          </Popconfirm>
        ) : (
          <Tooltip title={t('import.areas.remove')}>{removeButton}</Tooltip>
        )}
      </span>
    </div>
  );
}

/**
 * The proposed areas and their directions as a tree the person corrects: drag to reorder or re-nest, rename
 * in place (double-click or the pencil), add and delete. A node added by hand has no place in the text.
 */
export function AreaTreeEditor({
  areas,
  errors,
  onChange,
}: {
  areas: DraftNode[];
  errors: FieldErrors;
  onChange: (update: (areas: DraftNode[]) => DraftNode[]) => void;
}) {
  const { t } = useTranslation();
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(() => allKeys(areas));

  const expand = (key: string) => setExpandedKeys((keys) => (keys.includes(key) ? keys : [...keys, key]));

  const add = (parentKey: string | null) => {
    const key = `new-${crypto.randomUUID()}`;
    onChange((nodes) => addNode(nodes, parentKey, { key, label: null, title: '', span: null, children: [] }));
    if (parentKey) expand(parentKey);
    setEditingKey(key);
  };

  const save = (key: string, label: string | null, title: string) => {
    onChange((nodes) => updateNode(nodes, key, { label, title }));
    setEditingKey(null);
  };

  // Cancelling a node that was just added and never named takes it away again.
  const cancel = (key: string) => {
    const node = findNode(areas, key);
    if (node && !node.title && !node.span && node.children.length === 0) onChange((nodes) => removeNode(nodes, key));
    setEditingKey(null);
  };

  const onDrop: TreeProps<TreeItem>['onDrop'] = (info) => {
    const targetKey = String(info.node.key);
    const dragKey = String(info.dragNode.key);
    const pos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    let position: DropPosition;
    if (!info.dropToGap) position = 'inside';
    // Dropping just below an open node with children puts the dragged node first among them, as the line shows.
    else if (relative === 1 && info.node.expanded && (info.node.children?.length ?? 0) > 0) position = 'inside';
    else position = relative === -1 ? 'before' : 'after';
    onChange((nodes) => moveNode(nodes, dragKey, targetKey, position));
    if (position === 'inside') expand(targetKey);
  };

  const allowDrop: TreeProps<TreeItem>['allowDrop'] = ({ dragNode, dropNode, dropPosition }) =>
    dropNode.depth + (dropPosition === 0 ? 1 : 0) + heightOf(dragNode.node) <= LEVELS.length;

  return (
    <div data-testid="area-tree">
      {areas.length > 0 ? (
        <Tree<TreeItem>
          blockNode
          showLine
          selectable={false}
          draggable={{ nodeDraggable: (node) => node.key !== editingKey }}
          allowDrop={allowDrop}
          onDrop={onDrop}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpandedKeys(keys)}
          treeData={toTreeData(areas, 0)}
          titleRender={(item) =>
            item.key === editingKey ? (
              <NodeEditor node={item.node} onSave={(label, title) => save(item.key, label, title)} onCancel={() => cancel(item.key)} />
            ) : (
              <NodeRow item={item} errors={errors} onEdit={() => setEditingKey(item.key)} onAddChild={() => add(item.key)} onRemove={() => onChange((nodes) => removeNode(nodes, item.key))} />
            )
          }
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.areas.empty')} />
      )}
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(null)} style={{ marginTop: 8 }}>
        {t('import.areas.add')}
      </Button>
    </div>
  );
}
