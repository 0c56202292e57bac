import { Breadcrumb, Card, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { notificationsApi } from '../api/notifications.ts';
import { settingsApi } from '../api/settings.ts';
import { useApi } from '../api/use-api.ts';
import { AuditTable, COOPERATION_ENTITIES, type AuditQuery } from '../audit/audit-table.tsx';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';

/** A cooperation's audit trail, for its offices, leaders and administrators. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { cooperationId = '' } = useParams();
  const { data: cooperation, error: cooperationError, reload: reloadCooperation } = useApi(() => api.cooperation(cooperationId), cooperationId);
  // Members name the people in the entries; a reader the server does not show them to reads usernames instead.
  const { data: members } = useApi(() => settingsApi.members(cooperationId).catch(() => ({ items: [] })), cooperationId);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const party of cooperation?.parties ?? []) {
      map.set(party.id, party.name);
      if (party.coordinatingOrganization) map.set(party.coordinatingOrganization.id, party.coordinatingOrganization.name);
    }
    for (const member of members?.items ?? []) map.set(member.userId, member.displayName);
    return map;
  }, [cooperation, members]);
  const people = useMemo(() => (members?.items ?? []).map((member) => ({ value: member.userId, label: `${member.displayName}（${member.username}）` })), [members]);

  if (cooperationError) return <LoadError error={cooperationError} onRetry={reloadCooperation} />;
  if (!cooperation) return <PageLoading />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link> },
          { title: t('audit.title') },
        ]}
      />
      <Card title={t('audit.title')}>
        <AuditTable
          load={(query: AuditQuery) => notificationsApi.audit(cooperationId, query)}
          loadKey={cooperationId}
          names={names}
          people={people}
          entities={COOPERATION_ENTITIES}
        />
      </Card>
    </Space>
  );
}
