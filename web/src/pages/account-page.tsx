import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiTokensCard } from '../account/api-tokens-card.tsx';
import { EmailField } from '../account/email-field.tsx';
import { LogoutEverywhereCard } from '../account/logout-everywhere-card.tsx';
import { PasswordCard } from '../account/password-card.tsx';
import { api } from '../api/client.ts';
import type { Membership } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { useMe } from '../session/session-context.tsx';

/** Cooperations whose tokens the user manages: where they are an office, or, for an administrator, every one. */
function useTokenCooperations(isAdmin: boolean, memberships: Membership[]) {
  const all = useApi(() => (isAdmin ? api.cooperations({ pageSize: 200 }).then((page) => page.items) : Promise.resolve([])), `admin:${isAdmin}`);
  if (isAdmin) return { ...all, items: (all.data ?? []).map((c) => ({ id: c.id, name: c.name })) };
  const seen = new Map<string, string>();
  for (const m of memberships) if (m.role === 'coordinator') seen.set(m.cooperationId, m.cooperationName);
  return { ...all, error: undefined, items: [...seen].map(([id, name]) => ({ id, name })) };
}

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { user, memberships, organization } = me;
  const tokenCooperations = useTokenCooperations(user.isAdmin, memberships);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="account-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Card title={t('account.profile.title')} data-testid="profile">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('account.profile.username'), children: user.username },
            { key: 'displayName', label: t('account.profile.displayName'), children: user.displayName },
            { key: 'email', label: t('account.profile.email'), children: <EmailField email={user.email} version={user.version} /> },
            { key: 'organization', label: t('account.profile.organization'), children: organization?.name ?? t('account.profile.noOrganization') },
            ...(user.isAdmin ? [{ key: 'admin', label: t('account.profile.admin'), children: <Tag color="gold">{t('account.profile.admin')}</Tag> }] : []),
          ]}
        />
        <Typography.Title level={5}>{t('account.profile.memberships')}</Typography.Title>
        <Table<Membership>
          rowKey={(m) => `${m.cooperationId}:${m.partyId}:${m.role}`}
          size="small"
          pagination={false}
          dataSource={memberships}
          scroll={{ x: 520 }}
          locale={{ emptyText: t('account.profile.noMemberships') }}
          columns={[
            { key: 'cooperation', title: t('account.profile.cooperation'), dataIndex: 'cooperationName' },
            { key: 'side', title: t('account.profile.side'), dataIndex: 'partyName' },
            { key: 'role', title: t('account.profile.role'), render: (_value, m) => t(`role.${m.role}`) },
          ]}
        />
      </Card>
      <PasswordCard />
      <LogoutEverywhereCard />
      {tokenCooperations.error ? <LoadError error={tokenCooperations.error} onRetry={tokenCooperations.reload} /> : null}
      {tokenCooperations.items.map((c) => (
        <ApiTokensCard key={c.id} cooperationId={c.id} cooperationName={c.name} isAdmin={user.isAdmin} />
      ))}
    </Space>
  );
}
