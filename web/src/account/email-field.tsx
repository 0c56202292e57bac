import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../api/account.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { emailRules, EMAIL_MAX } from '../admin/account-rules.ts';
import { useSession } from '../session/session-context.tsx';

/** Refusals about the address itself, shown at the field rather than as a passing message. */
const FIELD_CODES = new Set(['user.email_taken', 'request.invalid']);

/** The user's own mail address (where notifications go by mail), shown and changed in place; empty clears it. */
export function EmailField({ email, version }: { email: string | null; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<{ email: string }>();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);

  if (!editing) {
    return (
      <Space size={8} data-testid="profile-email">
        <span>{email ?? <Typography.Text type="secondary">{t('account.profile.noEmail')}</Typography.Text>}</span>
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => {
            form.setFieldsValue({ email: email ?? '' });
            setEditing(true);
          }}
          data-testid="edit-email"
        >
          {t('account.profile.editEmail')}
        </Button>
      </Space>
    );
  }

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const next = values.email.trim() || null;
    if (next === email) return setEditing(false);
    setSaving(true);
    try {
      await accountApi.updateProfile(version, { email: next });
      await refresh();
      message.success(t('account.profile.emailSaved'));
      setEditing(false);
    } catch (cause) {
      if (cause instanceof ApiError && FIELD_CODES.has(cause.code)) form.setFields([{ name: 'email', errors: [errorMessage(cause, t)] }]);
      else message.error(errorMessage(cause, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="inline" onFinish={() => void submit()} data-testid="email-form">
      <Form.Item name="email" rules={emailRules(t)} style={{ minWidth: 260 }}>
        <Input aria-label={t('account.profile.email')} maxLength={EMAIL_MAX + 1} autoComplete="email" placeholder={t('account.profile.emailPlaceholder')} />
      </Form.Item>
      <Space size={8}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="save-email">
          {t('common.save')}
        </Button>
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
