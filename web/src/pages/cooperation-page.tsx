import { DashboardOutlined, FileTextOutlined, FundOutlined, LineChartOutlined, PlusOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import type { AgreementKind, Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { AgreementFormModal } from '../agreement/agreement-form-modal.tsx';
import { agreementTree, type AgreementTreeRow } from '../agreement/agreement-tree.ts';
import { AgreementKindTag } from '../common/kind-tag.tsx';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { StatusTag } from '../common/status-tag.tsx';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { useMe } from '../session/session-context.tsx';
import { SetupChecklist } from '../setup/setup-checklist.tsx';

function Agreements({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, loading, reload } = useApi(() => api.agreementsOf(cooperationId), cooperationId);
  // The setup checklist sends the user here to register the first agreement.
  const [search, setSearch] = useSearchParams();
  const [registering, setRegistering] = useState(search.get('register') === 'agreement');
  const navigate = useNavigate();
  const closeRegistration = () => {
    setRegistering(false);
    if (search.has('register')) setSearch({}, { replace: true });
  };

  const columns: TableColumnsType<AgreementTreeRow> = [
    {
      title: t('cooperation.agreementTitle'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`/agreements/${row.id}`}>{title}</Link>,
    },
    { title: t('cooperation.kind'), dataIndex: 'kind', width: 120, render: (kind: AgreementKind) => <AgreementKindTag kind={kind} /> },
    {
      title: t('cooperation.signedOn'),
      dataIndex: 'signedOn',
      width: 150,
      render: (value: string | null) => formatDate(value, locale) ?? t('common.none'),
    },
    { title: t('cooperation.place'), dataIndex: 'place', width: 120, render: (value: string | null) => value ?? t('common.none') },
    { title: t('cooperation.clauseCount'), dataIndex: 'clauseCount', width: 90, align: 'right' },
  ];

  let content: ReactNode;
  if (error) content = <LoadError error={error} onRetry={reload} />;
  else if (loading || !data) content = <PageLoading />;
  else {
    content = (
      <Table<AgreementTreeRow>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={agreementTree(data.items)}
        expandable={{ defaultExpandAllRows: true }}
        pagination={false}
        locale={{ emptyText: t('cooperation.noAgreements') }}
        data-testid="agreement-tree"
      />
    );
  }
  return (
    <Card
      title={t('cooperation.agreements')}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">{t('cooperation.agreementsHint')}</Typography.Text>
          {data?.can.create ? (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('agreement.form.register')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {content}
      {registering && data?.can.create ? (
        <AgreementFormModal
          cooperationId={cooperationId}
          agreements={data.items}
          onClose={closeRegistration}
          onSaved={(agreement) => void navigate(`/agreements/${agreement.id}`)}
        />
      ) : null}
    </Card>
  );
}

export default function CooperationPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { cooperationId = '' } = useParams();
  const me = useMe();
  const { data: cooperation, error, loading, reload } = useApi(() => api.cooperation(cooperationId), cooperationId);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading || !cooperation) return <PageLoading />;

  const myRoles = me.memberships.filter((m) => m.cooperationId === cooperation.id);
  const partyColumns: TableColumnsType<Party> = [
    { title: t('cooperation.partyName'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    {
      title: t('cooperation.region'),
      key: 'region',
      render: (_, party) => (
        <span>
          {party.regionName} <Typography.Text type="secondary">{party.regionCode}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('cooperation.coordinatingOrganization'),
      key: 'coordinatingOrganization',
      render: (_, party) =>
        party.coordinatingOrganization?.name ?? <Typography.Text type="secondary">{t('cooperation.noCoordinatingOrganization')}</Typography.Text>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/cooperations">{t('nav.cooperations')}</Link> }, { title: cooperation.name }]} />
      <SetupChecklist cooperation={cooperation} />
      <Card
        title={
          <Space>
            <span data-testid="cooperation-name">{cooperation.name}</span>
            <StatusTag status={cooperation.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {cooperation.can.manage ? (
              <Link to={`/cooperations/${cooperation.id}/settings`} data-testid="settings-link">
                <Button icon={<SettingOutlined />}>{t('settings.nav')}</Button>
              </Link>
            ) : null}
            <Link to={`/cooperations/${cooperation.id}/projects`} data-testid="projects-link">
              <Button icon={<FundOutlined />}>{t('projects.nav')}</Button>
            </Link>
            {cooperation.can.readIndicators ? (
              <Link to={`/cooperations/${cooperation.id}/indicators`} data-testid="indicators-link">
                <Button icon={<LineChartOutlined />}>{t('indicators.nav')}</Button>
              </Link>
            ) : null}
            <Link to={`/cooperations/${cooperation.id}/dashboard`} data-testid="dashboard-link">
              <Button icon={<DashboardOutlined />}>{t('dashboard.nav')}</Button>
            </Link>
            <Link to={`/cooperations/${cooperation.id}/briefing`} data-testid="briefing-link">
              <Button icon={<FileTextOutlined />}>{t('briefing.nav')}</Button>
            </Link>
            <Link to={`/cooperations/${cooperation.id}/tasks`} data-testid="task-ledger-link">
              <Button type="primary" icon={<UnorderedListOutlined />}>
                {t('tasks.nav')}
              </Button>
            </Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('cooperation.startedOn')}>{formatDate(cooperation.startedOn, locale) ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('cooperation.visibility')}>{t(`visibility.${cooperation.visibility}`)}</Descriptions.Item>
          <Descriptions.Item label={t('cooperation.myRoles')}>
            {myRoles.length > 0
              ? myRoles.map((m) => (
                  <Tag key={`${m.partyId}:${m.role}`}>
                    {m.partyName} · {t(`role.${m.role}`)}
                  </Tag>
                ))
              : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cooperation.summary')} span={3}>
            {cooperation.summary ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cooperation.principles')} span={3}>
            {cooperation.principles.length > 0
              ? cooperation.principles.map((principle) => <Tag key={principle}>{principle}</Tag>)
              : t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('cooperation.parties')}>
        <Table<Party>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          columns={partyColumns}
          dataSource={[...cooperation.parties].sort((a, b) => a.ordinal - b.ordinal)}
          data-testid="party-table"
        />
      </Card>
      <Agreements cooperationId={cooperation.id} />
    </Space>
  );
}
