import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { AppMark } from '../layout/app-mark.tsx';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { useSession } from '../session/session-context.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** Only paths inside this app are followed after login, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { session, login } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(searchParams.get('next'));

  if (session.status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username, password);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #15365f 0, #15365f 300px, #f2f4f7 300px)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '12px 20px' }}>
        <LanguageSwitch color="#fff" />
      </div>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', paddingTop: 24 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 14, color: '#fff', marginBottom: 28 }}>
          <AppMark size={44} />
          <div>
            <div style={{ fontSize: 26, fontWeight: 600, letterSpacing: 2 }}>{t('app.name')}</div>
            <div style={{ fontSize: 14, opacity: 0.8 }}>{t('app.subtitle')}</div>
          </div>
        </div>
        <Card title={t('login.title')} style={{ width: 380, boxShadow: '0 4px 16px rgba(21, 54, 95, 0.12)' }}>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(error, t)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              role="alert"
            />
          ) : null}
          <Form<Credentials> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Text type="secondary" style={{ marginTop: 20, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Text>
      </div>
    </div>
  );
}
