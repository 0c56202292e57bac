import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Layout, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { AppMark } from '../layout/app-mark.tsx';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { useMe, useSession } from '../session/session-context.tsx';
import { PasswordCard } from './password-card.tsx';

/**
 * Shown instead of the app to a user signed in with a temporary password an
 * administrator gave: they choose their own first; the server refuses
 * everything else until then.
 */
export default function PasswordChangeRequired() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { logout, refresh } = useSession();
  const navigate = useNavigate();

  const onLogout = () => {
    logout().then(
      () => navigate('/login'),
      (error: unknown) => message.error(errorMessage(error, t)),
    );
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16 }}>
        <AppMark size={28} />
        <span style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>{t('app.name')}</span>
        <div style={{ flex: 1 }} />
        <LanguageSwitch color="#fff" compact />
        <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} style={{ color: '#fff' }}>
          {t('session.logout')}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, display: 'flex', justifyContent: 'center' }}>
        <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 560 }} data-testid="password-change-required">
          <Alert type="warning" showIcon title={t('admin.mustChange.title', { name: me.user.displayName })} description={t('admin.mustChange.hint')} />
          <PasswordCard
            onChanged={() => {
              refresh().catch((error: unknown) => message.error(errorMessage(error, t)));
            }}
          />
        </Space>
      </Layout.Content>
    </Layout>
  );
}
