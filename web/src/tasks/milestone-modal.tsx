import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { tasksApi, type Milestone } from '../api/tasks.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { DateField } from '../common/date-field.tsx';

interface Values {
  title: string;
  dueOn?: string | undefined;
}

interface Props {
  taskId: string;
  /** The milestone being edited; absent: a new one. */
  milestone?: Milestone | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** Adding a milestone to a task, or correcting one's title and planned date. */
export function MilestoneModal({ taskId, milestone, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save } = useSave();

  const submit = async () => {
    const values = await form.validateFields();
    const body = { title: values.title.trim(), dueOn: values.dueOn ? values.dueOn : null };
    await save(
      async () => {
        if (milestone) await tasksApi.editMilestone(milestone, body);
        else await tasksApi.addMilestone(taskId, body);
        message.success(t(milestone ? 'tasks.milestone.saved' : 'tasks.milestone.added'));
        onSaved();
      },
      // A date before the task starts belongs to the date field; anything else is said above the form.
      (error) => {
        if (!(error instanceof ApiError && error.code === 'milestone.invalid_dates')) return false;
        form.setFields([{ name: 'dueOn', errors: [t('tasks.milestone.dueBeforeStart')] }]);
        return true;
      },
    );
  };

  return (
    <Modal
      open
      title={t(milestone ? 'tasks.milestone.editTitle' : 'tasks.milestone.addTitle')}
      okText={t('common.save')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <SaveFailure failure={failure} title={t('tasks.milestone.failed')} />
      <Form<Values> form={form} name="milestone" layout="vertical" initialValues={{ title: milestone?.title ?? '', dueOn: milestone?.dueOn ?? undefined }}>
        <Form.Item name="title" label={t('tasks.milestone.titleLabel')} rules={[{ required: true, whitespace: true, message: t('tasks.create.errors.required') }]}>
          <Input maxLength={300} placeholder={t('tasks.milestone.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('tasks.milestone.dueOnLabel')}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
