import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { tasksApi } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { SaveFailure } from '../common/use-save.tsx';
import { newTaskRequest, type NewTaskValues } from './new-task-request.ts';
import { loadClauseChoices, TaskForm, useTaskFormSave } from './task-form.tsx';

interface Props {
  cooperationId: string;
  parties: Party[];
  onClose: () => void;
  onCreated: () => void;
}

/**
 * A cooperation office registers a task by hand: what it is, the clauses it serves, and who leads it on each side.
 * Shown while mounted, so the clause trees and units load only when someone opens it.
 */
export function NewTaskModal({ cooperationId, parties, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewTaskValues>();
  const clauses = useApi(() => loadClauseChoices(cooperationId), cooperationId);
  const { saving, failure, save, onEdit } = useTaskFormSave(form);
  const ownSides = parties.filter((p) => p.can.manageTasks).map((p) => p.id);

  const submit = async () => {
    const values = await form.validateFields();
    const { body, unitFields } = newTaskRequest(values, parties.map((p) => p.id), clauses.data?.agreementOf ?? new Map<string, string>());
    await save(unitFields, async () => {
      const task = await tasksApi.create(cooperationId, body);
      message.success(t('tasks.create.created', { title: task.title }));
      onCreated();
    });
  };

  return (
    <Modal
      open
      title={t('tasks.create.title')}
      width={820}
      okText={t('tasks.create.submit')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <SaveFailure testId="task-form-error" failure={failure} title={t('tasks.create.failed')} />
      <TaskForm
        form={form}
        name="new-task"
        cooperationId={cooperationId}
        parties={parties}
        clauses={clauses}
        initialValues={{ joint: true, ownerPartyId: ownSides[0], priority: 'normal' }}
        onEdit={onEdit}
      />
    </Modal>
  );
}
