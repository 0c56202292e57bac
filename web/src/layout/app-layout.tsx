import { ApartmentOutlined, BellOutlined, GlobalOutlined, FileSearchOutlined, InboxOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Grid, Layout, Menu, Space, Tooltip } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { PageLoading } from '../common/page-loading.tsx';
import { UnreadBadge } from '../notifications/unread-badge.tsx';
import { useMe, useSession } from '../session/session-context.tsx';
import { AppMark } from './app-mark.tsx';
import { LanguageSwitch } from './language-switch.tsx';

const { Header, Sider, Content } = Layout;

/** The section a path belongs to, so that a cooperation's or agreement's page keeps 合作 selected. */
function sectionOf(pathname: string): string {
  if (pathname.startsWith('/overview')) return 'overview';
  if (pathname.startsWith('/cooperations') || pathname.startsWith('/agreements')) return 'cooperations';
  if (pathname.startsWith('/import')) return 'import';
  if (pathname.startsWith('/my-work')) return 'my-work';
  if (pathname.startsWith('/notifications')) return 'notifications';
  if (pathname.startsWith('/admin')) return 'admin';
  return '';
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  // On a phone the header keeps the mark, the language, the bell and an icon-only logout; the name moves into a tooltip.
  const wide = Grid.useBreakpoint().md ?? true;

  const onLogout = () => {
    logout().then(
      () => navigate('/login'),
      (error: unknown) => message.error(errorMessage(error, t)),
    );
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: wide ? 16 : 8, paddingInline: wide ? 24 : 12 }}>
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', whiteSpace: 'nowrap' }}>
          <AppMark size={28} />
          <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</span>
          {wide ? <span style={{ fontSize: 13, opacity: 0.75 }}>{t('app.subtitle')}</span> : null}
        </Link>
        <div style={{ flex: 1 }} />
        <Space size={wide ? 'middle' : 'small'}>
          <LanguageSwitch color="#fff" compact={!wide} />
          <UnreadBadge color="#fff" />
          <Tooltip title={wide ? t('account.nav') : me.user.displayName}>
            <Link to="/account" style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="current-user" aria-label={me.user.displayName}>
              <UserOutlined />
              {wide ? ` ${me.user.displayName}` : null}
              {wide && me.user.isAdmin ? <span style={{ opacity: 0.7 }}> · {t('session.admin')}</span> : null}
            </Link>
          </Tooltip>
          <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} style={{ color: '#fff' }} aria-label={t('session.logout')}>
            {wide ? t('session.logout') : null}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={184} breakpoint="lg" collapsedWidth={56} style={{ borderRight: '1px solid #e5e8ee' }}>
          <Menu
            mode="inline"
            selectedKeys={[sectionOf(location.pathname)]}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            items={[
              ...(me.can.overview ? [{ key: 'overview', icon: <GlobalOutlined />, label: <Link to="/overview">{t('overview.nav')}</Link> }] : []),
              { key: 'cooperations', icon: <ApartmentOutlined />, label: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
              ...(me.can.register ? [{ key: 'import', icon: <FileSearchOutlined />, label: <Link to="/import">{t('import.nav')}</Link> }] : []),
              ...(me.can.myWork ? [{ key: 'my-work', icon: <InboxOutlined />, label: <Link to="/my-work">{t('myWork.nav')}</Link> }] : []),
              { key: 'notifications', icon: <BellOutlined />, label: <Link to="/notifications">{t('notifications.nav')}</Link> },
              ...(me.can.administer ? [{ key: 'admin', icon: <TeamOutlined />, label: <Link to="/admin/users">{t('admin.nav')}</Link> }] : []),
            ]}
          />
        </Sider>
        <Content style={{ padding: wide ? 20 : 10, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
