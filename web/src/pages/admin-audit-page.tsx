import { Breadcrumb, Card, Result, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsApi } from '../api/notifications.ts';
import { useApi } from '../api/use-api.ts';
import { usersApi } from '../api/users.ts';
import { ALL_ENTITIES, AuditTable, type AuditQuery } from '../audit/audit-table.tsx';
import { useMe } from '../session/session-context.tsx';

/** How many accounts the "who" filter lists by name; a platform with more is filtered by typing part of a name. */
const PEOPLE_LISTED = 200;

/** The platform's audit trail for administrators: accounts, regions and units, and every cooperation's entries. */
export default function AdminAuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data: users } = useApi(() => (me.can.administer ? usersApi.list('', 1, PEOPLE_LISTED) : Promise.resolve(undefined)), `admin-audit-users:${me.can.administer}`);
  const names = useMemo(() => new Map((users?.items ?? []).map((user) => [user.id, user.displayName])), [users]);
  const people = useMemo(() => (users?.items ?? []).map((user) => ({ value: user.id, label: `${user.displayName}（${user.username}）` })), [users]);

  if (!me.can.administer) return <Result status="403" title={t('admin.forbiddenTitle')} subTitle={t('admin.audit.forbiddenHint')} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="admin-audit">
      <Breadcrumb items={[{ title: <Link to="/admin/users">{t('admin.nav')}</Link> }, { title: t('admin.audit.title') }]} />
      <Card title={t('admin.audit.title')}>
        <Typography.Paragraph type="secondary">{t('admin.audit.hint')}</Typography.Paragraph>
        <AuditTable load={(query: AuditQuery) => notificationsApi.platformAudit(query)} loadKey="platform" names={names} people={people} entities={ALL_ENTITIES} />
      </Card>
    </Space>
  );
}
