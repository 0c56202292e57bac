import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES } from '../api/tasks.ts';

/** The priority picker of the task forms, with the names of the ledger. */
export function PriorityField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="priority" label={t('tasks.priority')}>
      <Select options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorityValue.${p}`) }))} />
    </Form.Item>
  );
}
