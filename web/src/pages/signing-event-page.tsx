import { App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { projectsApi, type SigningEventDetail } from '../api/projects.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate } from '../format/date.ts';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { rate, stageName } from '../projects/project-words.ts';
import { SigningEventFormModal } from '../projects/signing-event-form-modal.tsx';

type EventProject = SigningEventDetail['projects'][number];

export default function SigningEventPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const { data: event, error, reload } = useApi(() => projectsApi.event(eventId), eventId);
  const cooperationId = event?.cooperationId ?? '';
  const cooperation = useApi(() => (cooperationId ? api.cooperation(cooperationId) : Promise.resolve(null)), cooperationId);
  const stages = useApi(() => (cooperationId ? projectsApi.stages(cooperationId) : Promise.resolve(null)), cooperationId);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!event) return <PageLoading />;
  const template = stages.data?.items ?? [];
  const remove = () =>
    projectsApi.deleteEvent(event).then(
      () => {
        message.success(t('projects.events.deleted'));
        void navigate(`/cooperations/${event.cooperationId}/projects?tab=events`);
      },
      (e: unknown) => message.error(errorMessage(e, t)),
    );
  const columns: TableColumnsType<EventProject> = [
    { title: t('projects.field.name'), dataIndex: 'name', render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link> },
    { title: t('projects.field.stage'), dataIndex: 'stage', width: 130, render: (code: string) => stageName(template, code, locale, t) },
    { title: '', dataIndex: 'countsHere', width: 110, render: (here: boolean) => (here ? <Tag color="green">{t('projects.events.countsHere')}</Tag> : <Tag>{t('projects.events.signedElsewhere')}</Tag>) },
    { title: t('projects.events.contracted'), dataIndex: 'contracted', width: 140, align: 'right', render: (m: EventProject['contracted']) => formatAmounts(m, locale) },
    { title: t('projects.events.inPlace'), dataIndex: 'inPlace', width: 140, align: 'right', render: (m: EventProject['inPlace']) => formatAmounts(m, locale) },
  ];
  const f = event.figures;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${event.cooperationId}`}>{cooperation.data?.name ?? '…'}</Link> },
          { title: <Link to={`/cooperations/${event.cooperationId}/projects?tab=events`}>{t('projects.tabs.events')}</Link> },
          { title: event.name },
        ]}
      />
      <Card
        title={<span data-testid="event-name">{event.name}</span>}
        extra={
          event.can.edit ? (
            <Space>
              <Button onClick={() => setEditing(true)}>{t('projects.events.edit')}</Button>
              <Popconfirm title={t('projects.events.deleteConfirm')} onConfirm={() => void remove()}>
                <Button danger>{t('projects.events.delete')}</Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('projects.events.heldOn')}>{formatDate(event.heldOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.events.place')}>{event.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.field.visibility')}>{t(`visibility.${event.visibility}`)}</Descriptions.Item>
        </Descriptions>
        <Space size={40} wrap style={{ marginTop: 16 }} data-testid="event-figures">
          <Statistic title={t('projects.events.projects')} value={f.projects} />
          <Statistic title={t('projects.events.contracted')} value={formatAmounts(f.contracted, locale)} />
          <Statistic title={t('projects.events.inPlace')} value={formatAmounts(f.inPlace, locale)} />
          <Statistic title={t('projects.events.fulfilmentRate')} value={rate(f.fulfilmentRate)} />
          <Statistic title={t('projects.events.startRate')} value={rate(f.startRate)} />
          <Statistic title={t('projects.events.fundsRate')} value={rate(f.fundsRate)} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('projects.events.ratesHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('projects.events.projectList')}>
        <Table<EventProject> rowKey="id" size="small" bordered pagination={false} columns={columns} dataSource={event.projects} data-testid="event-projects" />
      </Card>
      {editing ? (
        <SigningEventFormModal
          cooperationId={event.cooperationId}
          event={event}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}
