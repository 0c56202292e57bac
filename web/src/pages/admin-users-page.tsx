import { AuditOutlined, EditOutlined, KeyOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/use-api.ts';
import { usersApi, type AdminUser } from '../api/users.ts';
import { TemporaryPasswordModal } from '../admin/temporary-password-modal.tsx';
import { UserFormModal } from '../admin/user-form-modal.tsx';
import { LoadError } from '../common/load-error.tsx';
import { useRowAction } from '../common/use-row-action.ts';
import { useMe } from '../session/session-context.tsx';

const PAGE_SIZE = 20;

function StateTag({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="red">{t('admin.users.stateDisabled')}</Tag>;
  if (user.mustChangePassword) return <Tag color="orange">{t('admin.users.stateMustChange')}</Tag>;
  return <Tag color="green">{t('admin.users.stateActive')}</Tag>;
}

/** The admin area's users: find, register, edit, disable or enable, reset a password. Every change is in the platform audit. */
export default function AdminUsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(() => usersApi.list(query, page, PAGE_SIZE), `${query}#${page}`);
  const { busy, run } = useRowAction(reload);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [shown, setShown] = useState<{ displayName: string; username: string; password: string } | null>(null);

  if (!me.can.administer) return <Result status="403" title={t('admin.forbiddenTitle')} subTitle={t('admin.forbiddenHint')} />;
  if (error && !data) return <LoadError error={error} onRetry={reload} />;

  const openForm = (user: AdminUser | null) => {
    setEditing(user);
    setFormOpen(true);
  };

  const reset = (user: AdminUser) =>
    run(user.id, async () => {
      const answer = await usersApi.resetPassword(user);
      setShown({ displayName: user.displayName, username: user.username, password: answer.temporaryPassword });
    });

  const toggle = (user: AdminUser) =>
    run(user.id, async () => {
      const saved = user.disabled ? await usersApi.enable(user) : await usersApi.disable(user);
      message.success(t(saved.disabled ? 'admin.users.disabled' : 'admin.users.enabled', { name: saved.displayName }));
    });

  const columns: TableColumnsType<AdminUser> = [
    {
      title: t('admin.users.username'),
      dataIndex: 'username',
      fixed: 'start',
      width: 150,
      render: (username: string, user) => (
        <span>
          <strong>{username}</strong>
          {user.isAdmin ? <Tag color="gold" style={{ marginInlineStart: 6 }}>{t('session.admin')}</Tag> : null}
          {user.isOffice ? <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('admin.users.officeTag')}</Tag> : null}
        </span>
      ),
    },
    { title: t('admin.users.displayName'), dataIndex: 'displayName', width: 160 },
    {
      title: t('admin.users.organization'),
      key: 'organization',
      width: 220,
      render: (_, user) =>
        user.organizationName ? (
          <span>
            {user.organizationName} <Typography.Text type="secondary">{user.organizationRegionName}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('admin.users.noOrganization')}</Typography.Text>
        ),
    },
    { title: t('admin.users.email'), dataIndex: 'email', width: 200, render: (email: string | null) => email ?? '—' },
    { title: t('admin.users.locale'), dataIndex: 'locale', width: 100, render: (locale: AdminUser['locale']) => t(`language.${locale}`) },
    { title: t('admin.users.state'), key: 'state', width: 100, render: (_, user) => <StateTag user={user} /> },
    {
      title: t('settings.actions'),
      key: 'actions',
      width: 280,
      render: (_, user) => (
        <Space wrap size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => openForm(user)}>
            {t('admin.users.edit')}
          </Button>
          <Popconfirm title={t('admin.users.resetConfirm', { name: user.displayName })} okText={t('admin.users.reset')} onConfirm={() => reset(user)}>
            <Button size="small" icon={<KeyOutlined />} loading={busy === user.id} disabled={user.disabled}>
              {t('admin.users.reset')}
            </Button>
          </Popconfirm>
          {user.id === me.user.id ? null : (
            <Popconfirm
              title={t(user.disabled ? 'admin.users.enableConfirm' : 'admin.users.disableConfirm', { name: user.displayName })}
              okText={t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
              okButtonProps={{ danger: !user.disabled }}
              onConfirm={() => toggle(user)}
            >
              <Button size="small" danger={!user.disabled} icon={user.disabled ? <UnlockOutlined /> : <StopOutlined />} loading={busy === user.id}>
                {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="admin-users">
      <Card
        title={t('admin.users.title')}
        extra={
          <Space wrap>
            <Link to="/admin/audit" data-testid="admin-audit-link">
              <Button icon={<AuditOutlined />}>{t('admin.audit.nav')}</Button>
            </Link>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => openForm(null)} data-testid="new-user">
              {t('admin.users.new')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('admin.users.hint')}</Typography.Text>
          <Input.Search
            aria-label={t('admin.users.search')}
            placeholder={t('admin.users.search')}
            allowClear
            style={{ maxWidth: 360 }}
            onSearch={(value) => {
              setQuery(value.trim());
              setPage(1);
            }}
          />
          <Table<AdminUser>
            rowKey="id"
            size="small"
            bordered
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            data-testid="user-table"
          />
        </Space>
      </Card>
      <UserFormModal
        open={formOpen}
        user={editing}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          setFormOpen(false);
          message.success(t('admin.users.saved', { name: saved.displayName }));
          reload();
        }}
        onCreated={(created) => {
          setFormOpen(false);
          message.success(t('admin.users.created', { name: created.user.displayName }));
          if (created.temporaryPassword) setShown({ displayName: created.user.displayName, username: created.user.username, password: created.temporaryPassword });
          reload();
        }}
      />
      <TemporaryPasswordModal shown={shown} onClose={() => setShown(null)} />
    </Space>
  );
}
