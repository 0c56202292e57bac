import { Breadcrumb, Card, Grid, Result, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { StatusTag } from '../common/status-tag.tsx';
import { GeneralTab } from '../settings/general-tab.tsx';
import { MembersTab } from '../settings/members-tab.tsx';
import { PartiesTab } from '../settings/parties-tab.tsx';
import { PeriodsTab } from '../settings/periods-tab.tsx';
import { DeleteCooperation } from '../setup/delete-cooperation.tsx';
import { UnitsTab } from '../settings/units-tab.tsx';

const TABS = ['general', 'parties', 'units', 'members', 'periods'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.some((tab) => tab === value);

/** The settings of one cooperation, for its offices (协调办) and admins: general fields, parties, units per side, members, reporting periods. */
export default function CooperationSettingsPage() {
  const { t } = useTranslation();
  const { cooperationId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { data: cooperation, error, loading, reload } = useApi(() => api.cooperation(cooperationId), cooperationId);
  const wide = Grid.useBreakpoint().md ?? true;

  if (error && !cooperation) return <LoadError error={error} onRetry={reload} />;
  if (loading && !cooperation) return <PageLoading />;
  if (!cooperation) return <PageLoading />;

  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'general';

  const breadcrumb = (
    <Breadcrumb
      items={[
        { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
        { title: <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link> },
        { title: t('settings.nav') },
      ]}
    />
  );

  if (!cooperation.can.manage) {
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {breadcrumb}
        <Result status="403" title={t('settings.forbiddenTitle')} subTitle={t('settings.forbiddenHint')} />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {breadcrumb}
      <Card
        // On a phone the five tabs fit side by side only with less padding around them and narrower gaps than antd's.
        styles={wide ? undefined : { body: { padding: 12 } }}
        title={
          <Space wrap>
            <span>{t('settings.title', { name: cooperation.name })}</span>
            <StatusTag status={cooperation.status} />
          </Space>
        }
      >
        <Tabs
          data-testid="settings-tabs"
          activeKey={tab}
          tabBarGutter={wide ? 16 : 12}
          onChange={(key) => setSearch(key === 'general' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'general', label: t('settings.tabs.general'), children: (
                <>
                  <GeneralTab cooperation={cooperation} onSaved={reload} onReload={reload} />
                  <DeleteCooperation cooperation={cooperation} />
                </>
              ),
            },
            { key: 'parties', label: t('settings.tabs.parties'), children: <PartiesTab cooperation={cooperation} onChanged={reload} /> },
            { key: 'units', label: t('units.tab'), children: <UnitsTab cooperation={cooperation} /> },
            { key: 'members', label: t('settings.tabs.members'), children: <MembersTab cooperation={cooperation} /> },
            { key: 'periods', label: t('settings.tabs.periods'), children: <PeriodsTab cooperation={cooperation} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
