import { Breadcrumb, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { projectsApi } from '../api/projects.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { ProjectTable } from '../projects/project-table.tsx';
import { SigningEventsTab } from '../projects/signing-events-tab.tsx';
import { StageFunnel } from '../projects/stage-funnel.tsx';
import { StageTemplateTab } from '../projects/stage-template-tab.tsx';
import { TradeTab } from '../projects/trade-tab.tsx';

const TABS = ['projects', 'funnel', 'events', 'trade', 'stages'] as const;

/** A cooperation's projects and money: the table with totals, the stage funnel, signing events, cross-side trade, the stage template. */
export default function ProjectsPage() {
  const { cooperationId = '' } = useParams();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((k) => k === search.get('tab')) ?? 'projects';
  const cooperation = useApi(() => api.cooperation(cooperationId), cooperationId);
  const events = useApi(() => projectsApi.events(cooperationId), cooperationId);
  const template = useApi(() => projectsApi.stages(cooperationId), cooperationId);
  if (cooperation.error) return <LoadError error={cooperation.error} onRetry={cooperation.reload} />;
  if (!cooperation.data) return <PageLoading />;
  const parties = cooperation.data.parties;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperationId}`}>{cooperation.data.name}</Link> },
          { title: t('projects.title') },
        ]}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'projects', label: t('projects.tabs.projects'), children: <ProjectTable cooperationId={cooperationId} parties={parties} events={events.data?.items ?? []} /> },
          { key: 'funnel', label: t('projects.tabs.funnel'), children: <StageFunnel cooperationId={cooperationId} /> },
          { key: 'events', label: t('projects.tabs.events'), children: <SigningEventsTab cooperationId={cooperationId} list={events.data} error={events.error} reload={events.reload} /> },
          { key: 'trade', label: t('projects.tabs.trade'), children: <TradeTab cooperationId={cooperationId} parties={parties} /> },
          {
            key: 'stages',
            label: t('projects.tabs.stages'),
            children: template.data ? <StageTemplateTab key={JSON.stringify(template.data.items)} cooperationId={cooperationId} template={template.data} onSaved={template.reload} /> : <PageLoading />,
          },
        ]}
      />
    </Space>
  );
}
