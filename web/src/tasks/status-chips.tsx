import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskStatus } from '../api/tasks.ts';

interface Props {
  counts: Record<TaskStatus, number> | undefined;
  selected: TaskStatus[];
  onChange: (statuses: TaskStatus[]) => void;
}

/** Counts per status under the other filters; a click narrows the ledger to that status, another click widens it again. */
export function StatusChips({ counts, selected, onChange }: Props) {
  const { t } = useTranslation();
  const total = counts ? TASK_STATUSES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const toggle = (status: TaskStatus, checked: boolean) =>
    onChange(checked ? [...selected, status] : selected.filter((s) => s !== status));

  return (
    <Space size={4} wrap className="no-print" data-testid="status-chips">
      <Tag.CheckableTag checked={selected.length === 0} onChange={() => onChange([])}>
        {t('tasks.allStatuses')} {total ?? ''}
      </Tag.CheckableTag>
      {TASK_STATUSES.map((status) => (
        <Tag.CheckableTag key={status} checked={selected.includes(status)} onChange={(checked) => toggle(status, checked)} data-status={status}>
          {t(`tasks.statusValue.${status}`)} {counts?.[status] ?? ''}
        </Tag.CheckableTag>
      ))}
    </Space>
  );
}
