import { Empty, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectsApi } from '../api/projects.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { stageName } from './project-words.ts';

/**
 * How many projects are at or beyond each step (a funnel), and how many are halted or ended, from the totals by
 * stage; a project counts in every step up to its own.
 */
export function StageFunnel({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const totals = useApi(() => projectsApi.totals(cooperationId, { by: 'stage' }), cooperationId);
  const stages = useApi(() => projectsApi.stages(cooperationId), cooperationId);
  if (totals.error) return <LoadError error={totals.error} onRetry={totals.reload} />;
  if (!totals.data || !stages.data) return <PageLoading />;
  const groups = totals.data.groups;
  const all = groups.reduce((n, g) => n + g.projects, 0);
  if (!all) return <Empty description={t('projects.funnel.empty')} />;
  const template = stages.data.items;
  const steps = template.filter((s) => s.kind === 'step');
  const at = (code: string) => groups.find((g) => g.key === code);
  const rows = [
    ...steps.map((s) => ({ code: s.code, projects: steps.filter((o) => o.ordinal >= s.ordinal).reduce((n, o) => n + (at(o.code)?.projects ?? 0), 0), here: at(s.code) })),
    ...template.filter((s) => s.kind !== 'step').map((s) => ({ code: s.code, projects: at(s.code)?.projects ?? 0, here: at(s.code) })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 760 }} data-testid="stage-funnel">
      {rows.map((row) => (
        <div key={row.code}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text strong>{stageName(template, row.code, locale, t)}</Typography.Text>
            <Typography.Text type="secondary">
              {t('projects.funnel.projects', { count: row.projects })} · {formatAmounts(row.here?.contracted ?? [], locale)}
            </Typography.Text>
          </Space>
          <Progress percent={Math.round((row.projects / all) * 100)} showInfo={false} strokeColor={template.find((s) => s.code === row.code)?.kind === 'step' ? undefined : '#cf1322'} />
        </div>
      ))}
    </Space>
  );
}
