import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { agreementsApi } from '../api/agreements.ts';
import type { Agreement } from '../api/types.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';

interface Values {
  text: string;
  note: string;
}

/**
 * Amending an agreement's text: the amended text becomes a new version in force, and every earlier version stays
 * readable. The note says what changed and why (e.g. 2025年补充协议).
 */
export function AmendModal({ agreement, onClose, onAmended }: { agreement: Agreement; onClose: () => void; onAmended: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save } = useSave();

  const submit = async () => {
    const values = await form.validateFields();
    await save(async () => {
      const amended = await agreementsApi.amend(agreement, values.text, values.note.trim());
      message.success(t('agreement.amend.done', { number: amended.currentTextVersion }));
      onAmended();
    });
  };

  return (
    <Modal
      open
      width={820}
      title={t('agreement.amend.title')}
      okText={t('agreement.amend.submit')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Alert type="info" showIcon title={t('agreement.amend.hint', { number: agreement.currentTextVersion + 1 })} style={{ marginBottom: 12 }} />
      <SaveFailure failure={failure} title={t('agreement.amend.failed')} />
      <Form<Values> form={form} name="amend" layout="vertical" initialValues={{ text: agreement.text, note: '' }}>
        <Form.Item name="note" label={t('agreement.amend.note')} rules={[{ required: true, whitespace: true, message: t('tasks.create.errors.required') }]}>
          <Input maxLength={2000} placeholder={t('agreement.amend.notePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('agreement.amend.text')}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if ((value ?? '') === agreement.text) throw new Error(t('agreement.amend.unchanged'));
              },
            },
          ]}
        >
          <Input.TextArea rows={14} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
