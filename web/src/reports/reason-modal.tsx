import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The server's limit for a review opinion, return reason or revision reason. */
const REASON_MAX = 2000;

interface Props {
  open: boolean;
  title: string;
  placeholder: string;
  /** The field's label; a return reason by default. */
  label?: string;
  /** Whether the text must be given, and what to say when it is not; an approval's opinion is optional. */
  requiredMessage?: string | null;
  onCancel: () => void;
  /** Resolves when the decision was recorded; the modal stays open while it runs. */
  onSubmit: (reason: string) => Promise<void>;
}

/** A decision with words the other side reads: the reason for a return or a revision, or an approval's opinion. */
export function ReasonModal({ open, title, placeholder, label, requiredMessage, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const required = requiredMessage !== null;

  const onOk = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(reason?.trim() ?? '');
      form.resetFields();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => void onOk().catch(() => undefined)} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label ?? t('reports.returnReason')}
          rules={required ? [{ required: true, whitespace: true, message: requiredMessage ?? t('reports.reasonRequired') }] : []}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount placeholder={placeholder} autoFocus data-testid="reason-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
