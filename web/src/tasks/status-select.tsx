import { App, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi, type TaskStatus } from '../api/tasks.ts';
import { TaskStatusTag } from './task-tags.tsx';

/** Done is reached by closing (销号) and cancelling is the offices' decision, so a row offers only these. */
const CHANGEABLE: TaskStatus[] = ['not_started', 'in_progress', 'blocked'];

interface Props {
  task: { id: string; status: TaskStatus; version: number };
  editable: boolean;
  onChanged: () => void;
}

/** A task's status tag that those who work on the task can change in place. */
export function StatusSelect({ task, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  if (!editable || !CHANGEABLE.includes(task.status)) return <TaskStatusTag status={task.status} />;

  const onChange = (status: TaskStatus) => {
    setSaving(true);
    tasksApi.update(task.id, task.version, { status }).then(
      () => {
        message.success(t('tasks.statusChanged'));
        setSaving(false);
        onChanged();
      },
      (error: unknown) => {
        message.error(errorMessage(error, t));
        setSaving(false);
      },
    );
  };

  return (
    <Select<TaskStatus>
      size="small"
      variant="borderless"
      value={task.status}
      loading={saving}
      disabled={saving}
      onChange={onChange}
      popupMatchSelectWidth={false}
      style={{ minWidth: 96 }}
      options={CHANGEABLE.map((status) => ({ value: status, label: <TaskStatusTag status={status} /> }))}
      aria-label={t('tasks.status')}
      data-testid="status-select"
    />
  );
}
