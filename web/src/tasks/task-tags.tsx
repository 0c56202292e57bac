import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskPriority, TaskStatus } from '../api/tasks.ts';

const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  blocked: 'error',
  cancelled: 'default',
};

const PRIORITY_COLORS: Record<TaskPriority, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`tasks.statusValue.${status}`)}</Tag>;
}

export function PriorityTag({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRIORITY_COLORS[priority]} variant="outlined">
      {t(`tasks.priorityValue.${priority}`)}
    </Tag>
  );
}
