import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { tasksApi, type TaskDetail } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { SaveFailure } from '../common/use-save.tsx';
import { editTaskRequest, taskFormValues, type NewTaskValues } from './new-task-request.ts';
import { loadClauseChoices, TaskForm, useTaskFormSave } from './task-form.tsx';

interface Props {
  task: TaskDetail;
  parties: Party[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A cooperation office corrects a task: what it is, its dates and clauses, and its own side's units. A task changed
 * meanwhile by someone else is refused (409) rather than overwritten, and the office reloads it to see the change.
 */
export function EditTaskModal({ task, parties, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewTaskValues>();
  const clauses = useApi(() => loadClauseChoices(task.cooperationId), task.cooperationId);
  const { saving, failure, save, onEdit } = useTaskFormSave(form);
  const partyIds = parties.map((p) => p.id);

  const submit = async () => {
    const values = await form.validateFields();
    const { patch, unitFields } = editTaskRequest(values, task, partyIds);
    if (Object.keys(patch).length === 0) {
      message.info(t('tasks.edit.unchanged'));
      onClose();
      return;
    }
    await save(unitFields, async () => {
      await tasksApi.update(task.id, task.version, patch);
      message.success(t('tasks.edit.saved'));
      onSaved();
    });
  };

  return (
    <Modal
      open
      title={t('tasks.edit.title')}
      width={820}
      okText={t('common.save')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <SaveFailure testId="task-form-error" failure={failure} title={t('tasks.edit.failed')} />
      <TaskForm
        form={form}
        name="edit-task"
        taskId={task.id}
        cooperationId={task.cooperationId}
        parties={parties}
        clauses={clauses}
        initialValues={taskFormValues(task)}
        editableSides={parties.filter((p) => p.can.manageTasks).map((p) => p.id)}
        onEdit={onEdit}
      />
    </Modal>
  );
}
