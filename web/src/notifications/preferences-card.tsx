import { App, Button, Card, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { notificationsApi, type NotificationPreferences } from '../api/notifications.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';

interface FormValues {
  inApp: boolean;
  email: boolean;
  wecomWebhook: string;
  dingtalkWebhook: string;
}

const WEBHOOK_FIELDS = ['wecomWebhook', 'dingtalkWebhook'] as const;

function toForm(preferences: NotificationPreferences): FormValues {
  return { ...preferences, wecomWebhook: preferences.wecomWebhook ?? '', dingtalkWebhook: preferences.dingtalkWebhook ?? '' };
}

function toPreferences(values: FormValues): NotificationPreferences {
  return {
    inApp: values.inApp,
    email: values.email,
    wecomWebhook: values.wecomWebhook.trim() || null,
    dingtalkWebhook: values.dingtalkWebhook.trim() || null,
  };
}

/** Why the server refused a robot address, in the user's language; any other refusal is a malformed address. */
const ADDRESS_PROBLEMS = {
  'notification.webhook_not_https': 'notifications.preferences.webhookNotHttps',
  'notification.webhook_private_address': 'notifications.preferences.webhookPrivateAddress',
  'notification.webhook_credentials': 'notifications.preferences.webhookCredentials',
  'notification.webhook_unresolvable': 'notifications.preferences.webhookUnresolvable',
} as const;

function addressProblem(error: unknown) {
  const code = error instanceof ApiError ? error.code : '';
  return code in ADDRESS_PROBLEMS ? ADDRESS_PROBLEMS[code as keyof typeof ADDRESS_PROBLEMS] : 'notifications.preferences.invalidUrl';
}

/** The field a 400 answer blames, when it is one of the webhook addresses. */
function blamedWebhook(error: unknown): (typeof WEBHOOK_FIELDS)[number] | undefined {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return undefined;
  for (const issue of error.details as unknown[]) {
    // Validation details name the field as a dotted path, e.g. "body.wecomWebhook".
    if (typeof issue !== 'object' || issue === null || !('path' in issue) || typeof issue.path !== 'string') continue;
    const path = issue.path;
    const field = WEBHOOK_FIELDS.find((name) => path.endsWith(`.${name}`));
    if (field) return field;
  }
  return undefined;
}

export function PreferencesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data, error, reload } = useApi(() => notificationsApi.preferences(), 'preferences');

  useEffect(() => {
    if (data) form.setFieldsValue(toForm(data));
  }, [data, form]);

  const save = (values: FormValues) => {
    // An error set from the server's answer is not cleared by typing, only by the next answer.
    form.setFields(WEBHOOK_FIELDS.map((name) => ({ name, errors: [] })));
    notificationsApi.savePreferences(toPreferences(values)).then(
      (saved) => {
        form.setFieldsValue(toForm(saved));
        message.success(t('notifications.preferences.saved'));
      },
      (cause: unknown) => {
        const field = blamedWebhook(cause);
        if (field) form.setFields([{ name: field, errors: [t(addressProblem(cause))] }]);
        else message.error(errorMessage(cause, t));
      },
    );
  };

  return (
    <Card title={t('notifications.preferences.title')} style={{ marginTop: 16 }} data-testid="notification-preferences">
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <Form<FormValues> form={form} layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 14 }} onFinish={save} disabled={!data}>
        <Form.Item name="inApp" label={t('notifications.preferences.inApp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="email" label={t('notifications.preferences.email')} valuePropName="checked" extra={t('notifications.preferences.emailHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="wecomWebhook" label={t('notifications.preferences.wecom')} extra={t('notifications.preferences.webhookHint')}>
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" maxLength={1000} allowClear />
        </Form.Item>
        <Form.Item name="dingtalkWebhook" label={t('notifications.preferences.dingtalk')}>
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" maxLength={1000} allowClear />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 6 }}>
          <Button type="primary" htmlType="submit">
            {t('notifications.preferences.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
