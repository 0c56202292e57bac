import { Alert, App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { projectsApi, type ProjectTransaction } from '../api/projects.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { useRowAction } from '../common/use-row-action.ts';
import { formatDate } from '../format/date.ts';
import { formatAmount, formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { MoneyFormModal } from '../projects/money-form-modal.tsx';
import { ProjectFormModal } from '../projects/project-form-modal.tsx';
import { divisionName, industryName, partyName, stageName } from '../projects/project-words.ts';
import { StageChangeModal } from '../projects/stage-change-modal.tsx';

type Dialog = 'edit' | 'stage' | 'money' | null;

export default function ProjectPage() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data: project, error, loading, reload } = useApi(() => projectsApi.get(projectId), projectId);
  const cooperationId = project?.cooperationId ?? '';
  const cooperation = useApi(() => (cooperationId ? api.cooperation(cooperationId) : Promise.resolve(null)), cooperationId);
  const events = useApi(() => (cooperationId ? projectsApi.events(cooperationId) : Promise.resolve(null)), cooperationId);
  const { busy, run } = useRowAction(reload);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !project) return <PageLoading />;
  if (!project) return <PageLoading />;
  const parties = cooperation.data?.parties ?? [];
  const stage = (code: string) => stageName(project.stages, code, locale, t);
  const closeWith = () => {
    setDialog(null);
    reload();
  };
  const remove = () =>
    projectsApi.delete(project).then(
      () => {
        message.success(t('projects.detail.deleted', { name: project.name }));
        void navigate(`/cooperations/${project.cooperationId}/projects`);
      },
      (e: unknown) => message.error(errorMessage(e, t)),
    );

  const timeline = [
    ...project.stageHistory.map((h, i) => ({
      key: `s${i}`,
      on: h.on,
      color: project.stages.find((s) => s.code === h.stage)?.kind === 'step' ? 'blue' : 'red',
      children: (
        <span>
          {formatDate(h.on, locale)} · {t('projects.detail.stageChanged', { stage: stage(h.stage) })}
          {h.reason ? <Typography.Text type="secondary"> · {t('projects.detail.reason', { reason: h.reason })}</Typography.Text> : null}
        </span>
      ),
    })),
    ...project.transactions.map((m) => ({
      key: m.id,
      on: m.on,
      color: Number(m.amount) < 0 ? 'orange' : 'green',
      children: (
        <span>
          {formatDate(m.on, locale)} · {t(`projects.moneyKind.${m.kind}`)} {formatAmount(Number(m.amount), m.currency, locale)}
          {m.reason ? <Typography.Text type="secondary"> · {m.reason}</Typography.Text> : null}
        </span>
      ),
    })),
  ].sort((a, b) => a.on.localeCompare(b.on));

  const eventName = (id: string | null) => project.events.find((e) => e.id === id)?.name ?? (id ? '—' : '');
  const moneyColumns = [
    { title: t('projects.moneyForm.on'), dataIndex: 'on', width: 130, render: (on: string) => formatDate(on, locale) },
    { title: t('projects.moneyForm.kind'), dataIndex: 'kind', width: 110, render: (k: ProjectTransaction['kind']) => t(`projects.moneyKind.${k}`) },
    { title: t('projects.trade.amountShown'), dataIndex: 'amount', align: 'right' as const, render: (a: string, m: ProjectTransaction) => formatAmount(Number(a), m.currency, locale) },
    { title: t('projects.moneyForm.event'), dataIndex: 'signingEventId', render: (id: string | null, m: ProjectTransaction) => (m.basis ? `${eventName(id)} ${t(`projects.basis.${m.basis}`)}` : '') },
    {
      title: t('projects.detail.counted'),
      dataIndex: 'counted',
      width: 90,
      render: (counted: boolean) =>
        counted ? <Tag color="green">{t('projects.detail.counted')}</Tag> : <Tooltip title={t('projects.detail.notCountedHint')}><Tag>{t('projects.detail.notCounted')}</Tag></Tooltip>,
    },
    { title: t('projects.moneyForm.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
    ...(project.can.edit
      ? [
          {
            title: '',
            key: 'actions',
            width: 80,
            render: (_: unknown, m: ProjectTransaction) => (
              <Popconfirm title={t('projects.detail.deleteEntryConfirm')} onConfirm={() => run(m.id, () => projectsApi.deleteMoney(m))}>
                <Button size="small" danger loading={busy === m.id}>
                  {t('projects.detail.deleteEntry')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${project.cooperationId}`}>{cooperation.data?.name ?? '…'}</Link> },
          { title: <Link to={`/cooperations/${project.cooperationId}/projects`}>{t('projects.nav')}</Link> },
          { title: project.name },
        ]}
      />
      {project.late.length ? (
        <Alert type="warning" showIcon data-testid="project-late" title={t('projects.detail.lateAlert', { stages: project.late.map((l) => `${stage(l.stage)}（${t('projects.detail.plannedOn', { date: formatDate(l.plannedOn, locale) })}）`).join('、') })} />
      ) : null}
      <Card
        title={
          <Space>
            <span data-testid="project-name">{project.name}</span>
            <Tag color={project.stages.find((s) => s.code === project.stage)?.kind === 'step' ? 'blue' : 'red'} data-testid="project-stage">
              {stage(project.stage)}
            </Tag>
          </Space>
        }
        extra={
          project.can.edit ? (
            <Space wrap>
              <Button type="primary" onClick={() => setDialog('stage')} data-testid="change-stage">
                {t('projects.detail.changeStage')}
              </Button>
              <Button onClick={() => setDialog('money')} data-testid="add-money">
                {t('projects.detail.addMoney')}
              </Button>
              <Button onClick={() => setDialog('edit')} data-testid="edit-project">
                {t('projects.detail.edit')}
              </Button>
              <Popconfirm title={t('projects.detail.deleteConfirm')} onConfirm={() => void remove()}>
                <Button danger data-testid="delete-project">
                  {t('projects.detail.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('projects.field.kind')}>{t(`projects.kind.${project.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.investor')}>{project.investor ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.investorSide')}>{partyName(parties, project.investorPartyId)} → {partyName(parties, project.hostPartyId)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.industry')}>
            {industryName(project.industryCode, locale)}
            {project.industryDivision ? ` · ${divisionName(project.industryDivision, locale)}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.field.investmentShown')}>{project.investment ? formatAmount(Number(project.investment), project.currency, locale) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.signedOn')}>{project.signedOn ? `${formatDate(project.signedOn, locale)} ${eventName(project.signingEventId)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.contracted')}>
            <span data-testid="project-contracted">{formatAmounts(project.contracted, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.field.inPlace')}>
            <span data-testid="project-in-place">{formatAmounts(project.inPlace, locale)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.field.visibility')}>{t(`visibility.${project.visibility}`)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.address')}>
            {project.address ?? '—'}
            {project.latitude !== null && project.longitude !== null ? ` (${project.latitude}, ${project.longitude})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.field.contactName')}>{[project.contactName, project.contactPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.plans')}>
            {project.stagePlans.length ? project.stagePlans.map((p) => `${stage(p.stage)} ${formatDate(p.plannedOn, locale)}`).join('；') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('projects.detail.timeline')}>
        <Timeline items={timeline.map(({ key, color, children }) => ({ key, color, content: children }))} data-testid="project-timeline" />
      </Card>
      <Card title={t('projects.detail.money')}>
        <Table<ProjectTransaction> rowKey="id" size="small" pagination={false} columns={moneyColumns} dataSource={project.transactions} data-testid="money-table" />
      </Card>
      <Card title={t('projects.detail.links')}>
        {project.clauses.length || project.tasks.length ? (
          <Space orientation="vertical">
            {project.clauses.map((c) => (
              <Link key={c.id} to={`/agreements/${c.agreementId}`}>
                {[c.label, c.title].filter(Boolean).join(' ')}
              </Link>
            ))}
            {project.tasks.map((task) => (
              <Link key={task.id} to={`/tasks/${task.id}`}>
                {task.title}
              </Link>
            ))}
          </Space>
        ) : (
          t('projects.detail.noLinks')
        )}
      </Card>
      {dialog === 'edit' ? <ProjectFormModal cooperationId={project.cooperationId} parties={parties} stages={project.stages} project={project} onClose={() => setDialog(null)} onSaved={closeWith} /> : null}
      {dialog === 'stage' ? <StageChangeModal project={project} onClose={() => setDialog(null)} onSaved={closeWith} /> : null}
      {dialog === 'money' ? <MoneyFormModal project={project} parties={parties} events={events.data?.items ?? []} onClose={() => setDialog(null)} onSaved={closeWith} /> : null}
    </Space>
  );
}
