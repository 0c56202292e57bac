import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  placeholder: string;
  onCancel: () => void;
  /** Resolves when the decision was recorded; the modal stays open while it runs. */
  onSubmit: (reason: string) => Promise<void>;
}

/** Returning a report or a closing request needs a reason, which the other side reads. */
export function ReasonModal({ open, title, placeholder, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);

  const onOk = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => void onOk().catch(() => undefined)} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('reports.returnReason')} rules={[{ required: true, whitespace: true, message: t('reports.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={placeholder} autoFocus data-testid="return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
