import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Refusals that are about one field, shown at that field rather than as a passing message. */
const FIELD_OF_CODE: Record<string, keyof FormValues> = {
  'auth.wrong_password': 'currentPassword',
  'user.weak_password': 'newPassword',
  'auth.same_password': 'newPassword',
};

/** `onChanged`: after the password was changed (the session reads who is signed in again). */
export function PasswordCard({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  const submit = (values: FormValues) => {
    setSaving(true);
    accountApi.changePassword(values.currentPassword, values.newPassword).then(
      (answer) => {
        setSaving(false);
        form.resetFields();
        message.success(answer.sessionsEnded > 0 ? t('account.password.changedOthers', { count: answer.sessionsEnded }) : t('account.password.changed'));
        onChanged?.();
      },
      (cause: unknown) => {
        setSaving(false);
        const field = cause instanceof ApiError ? FIELD_OF_CODE[cause.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorMessage(cause, t)] }]);
        else message.error(errorMessage(cause, t));
      },
    );
  };

  return (
    <Card title={t('account.password.title')} data-testid="password-card">
      <Typography.Paragraph type="secondary">{t('account.password.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('account.password.current')} rules={[{ required: true, message: t('account.password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.password.new')} rules={[{ required: true, message: t('account.password.newRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
