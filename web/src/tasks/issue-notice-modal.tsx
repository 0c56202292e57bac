import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi, type TaskDetail } from '../api/tasks.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { recipientChoices } from './notice-recipients.ts';
import { DateField } from '../common/date-field.tsx';

interface Props {
  task: { id: string; title: string } | null;
  /** The unit whose row the office started from (督办 page); the form addresses it when the office may. */
  recipientOrganizationId?: string | null;
  /** The default deadline: a week from today, as the offices usually give. */
  defaultDeadline: string;
  onClose: () => void;
  onIssued: () => void;
}

interface Values {
  deadline: string;
  body: string;
  recipients: string[];
}

/** The form once the task's units are known: whom to address, the deadline and what is required. */
function NoticeForm({ detail, recipientOrganizationId, defaultDeadline, form }: { detail: TaskDetail; recipientOrganizationId: string | null; defaultDeadline: string; form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const { t } = useTranslation();
  const choices = recipientChoices(detail, recipientOrganizationId);
  const options = choices.groups.map((group) => ({
    label: group.partyName,
    title: group.partyName,
    options: group.units.map((unit) => ({ value: unit.organizationId, label: `${unit.name}（${t(unit.role === 'lead' ? 'supervision.roleLead' : 'supervision.roleCo')}）` })),
  }));
  return (
    <Form form={form} layout="vertical" preserve={false} initialValues={{ deadline: defaultDeadline, body: t('supervision.defaultBody', { title: detail.title }), recipients: choices.defaults }}>
      <Form.Item name="recipients" label={t('supervision.recipients')} extra={t('supervision.recipientsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('supervision.recipientsRequired') }]}>
        <Select mode="multiple" options={options} placeholder={t('supervision.recipientsPlaceholder')} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="deadline" label={t('supervision.deadline')} rules={[{ required: true, message: t('supervision.deadlineRequired') }]}>
        <DateField width={180} />
      </Form.Item>
      <Form.Item name="body" label={t('supervision.body')} rules={[{ required: true, whitespace: true, message: t('supervision.bodyRequired') }]}>
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('supervision.bodyPlaceholder')} />
      </Form.Item>
    </Form>
  );
}

/** A cooperation office issues a formal 督办 notice on a task to units of it; the server numbers it per side (青督〔2026〕3号). */
export function IssueNoticeModal({ task, recipientOrganizationId = null, defaultDeadline, onClose, onIssued }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The units to choose from are the task's as the server has them now, wherever the form was opened.
  const { data: detail, error, loading, reload } = useApi(() => (task ? tasksApi.task(task.id) : Promise.resolve(null)), task?.id ?? '');
  const current = detail && task && detail.id === task.id && !loading ? detail : null;

  const onOk = async () => {
    if (!task) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const notice = await tasksApi.issueNotice(task.id, values.deadline, values.body.trim(), values.recipients);
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
      okButtonProps={{ disabled: !current?.can.issueNotice }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {task && !current && !error ? <PageLoading /> : null}
      {current && !current.can.issueNotice ? <Alert type="info" showIcon title={t('supervision.notYours')} data-testid="notice-not-yours" /> : null}
      {current?.can.issueNotice ? <NoticeForm detail={current} recipientOrganizationId={recipientOrganizationId} defaultDeadline={defaultDeadline} form={form} /> : null}
    </Modal>
  );
}
