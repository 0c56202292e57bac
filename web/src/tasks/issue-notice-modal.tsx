import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi } from '../api/tasks.ts';

interface Props {
  task: { id: string; title: string } | null;
  /** The default deadline: a week from today, as the offices usually give. */
  defaultDeadline: string;
  onClose: () => void;
  onIssued: () => void;
}

/** A cooperation office issues a formal 督办 notice on a task; the server numbers it (督办〔2026〕3号). */
export function IssueNoticeModal({ task, defaultDeadline, onClose, onIssued }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ deadline: string; body: string }>();
  const [saving, setSaving] = useState(false);

  const onOk = async () => {
    if (!task) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const notice = await tasksApi.issueNotice(task.id, values.deadline, values.body.trim());
      message.success(t('supervision.issued', { number: notice.number }));
      onIssued();
      onClose();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={task !== null}
      title={task ? t('supervision.issueTitle', { title: task.title }) : ''}
      onCancel={onClose}
      onOk={() => void onOk().catch(() => undefined)}
      confirmLoading={saving}
      destroyOnHidden
    >
      {task ? (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ deadline: defaultDeadline, body: t('supervision.defaultBody', { title: task.title }) }}>
          <Form.Item name="deadline" label={t('supervision.deadline')} rules={[{ required: true, message: t('supervision.deadlineRequired') }]}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="body" label={t('supervision.body')} rules={[{ required: true, whitespace: true, message: t('supervision.bodyRequired') }]}>
            <Input.TextArea rows={4} maxLength={5000} placeholder={t('supervision.bodyPlaceholder')} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
