import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueAt, type FieldErrors } from './field-errors.ts';
import type { DraftNamed } from './import-draft.ts';
import { issueMessage } from './issue-message.ts';
import { useTextFocus } from './text-focus.tsx';

/**
 * Names as tags (sub-agreements, projects): double-click a tag to rename it (a click shows it in the text),
 * × to drop it, "+" to add one. Clearing a name on rename drops the tag.
 */
export function NamedTagList({
  items,
  errors,
  addLabel,
  emptyLabel,
  testId,
  onChange,
}: {
  items: DraftNamed[];
  errors: FieldErrors;
  addLabel: string;
  emptyLabel: string;
  testId: string;
  onChange: (update: (items: DraftNamed[]) => DraftNamed[]) => void;
}) {
  const { t } = useTranslation();
  const { locateProps } = useTextFocus();
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [editValue, setEditValue] = useState('');
  const [adding, setAdding] = useState(false);
  const [newValue, setNewValue] = useState('');

  const finishEdit = () => {
    const key = editingKey;
    const name = editValue.trim();
    setEditingKey(null);
    if (!key) return;
    onChange((list) => (name ? list.map((item) => (item.key === key ? { ...item, name } : item)) : list.filter((item) => item.key !== key)));
  };

  const finishAdd = () => {
    const name = newValue.trim();
    setAdding(false);
    setNewValue('');
    if (name) onChange((list) => [...list, { key: `new-${crypto.randomUUID()}`, name, span: null }]);
  };

  return (
    <div data-testid={testId} style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
      {items.length === 0 && !adding ? <Typography.Text type="secondary">{emptyLabel}</Typography.Text> : null}
      {items.map((item) => {
        const issue = issueMessage(issueAt(errors, item.key), t);
        if (item.key === editingKey) {
          return (
            <Input
              key={item.key}
              size="small"
              autoFocus
              aria-label={t('import.tags.rename')}
              value={editValue}
              onChange={(event) => setEditValue(event.target.value)}
              onBlur={finishEdit}
              onPressEnter={finishEdit}
              style={{ width: Math.max(120, editValue.length * 14 + 24) }}
            />
          );
        }
        return (
          <Tag
            key={item.key}
            {...locateProps(item.key)}
            color={issue ? 'error' : undefined}
            closable
            closeIcon={<CloseOutlined aria-label={t('import.tags.remove')} />}
            onClose={(event) => {
              event.preventDefault();
              onChange((list) => list.filter((other) => other.key !== item.key));
            }}
            onDoubleClick={() => {
              setEditingKey(item.key);
              setEditValue(item.name);
            }}
            title={issue ?? t('import.tags.hint')}
            style={{ marginInlineEnd: 0, cursor: 'pointer', userSelect: 'none', fontSize: 13, padding: '1px 8px' }}
          >
            {item.name}
          </Tag>
        );
      })}
      {adding ? (
        <Input
          size="small"
          autoFocus
          aria-label={addLabel}
          value={newValue}
          onChange={(event) => setNewValue(event.target.value)}
          onBlur={finishAdd}
          onPressEnter={finishAdd}
          style={{ width: 200 }}
        />
      ) : (
        <Tag onClick={() => setAdding(true)} style={{ borderStyle: 'dashed', background: '#fff', cursor: 'pointer', marginInlineEnd: 0 }}>
          <PlusOutlined /> {addLabel}
        </Tag>
      )}
    </div>
  );
}
