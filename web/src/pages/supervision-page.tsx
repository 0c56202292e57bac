import { AlertOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Empty, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { briefingDownloads } from '../api/briefing.ts';
import { api } from '../api/client.ts';
import { tasksApi, type SupervisionCounts, type SupervisionReason, type SupervisionRowNotice, type SupervisionTask, type SupervisionUnit } from '../api/tasks.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { addDaysIso, todayIso } from '../tasks/calendar.ts';
import { DueDate } from '../tasks/due-date.tsx';
import { IssueNoticeModal } from '../tasks/issue-notice-modal.tsx';
import { TaskStatusTag } from '../tasks/task-tags.tsx';

const REASONS = [
  { reason: 'overdue', count: 'overdue', label: 'supervision.overdue', color: 'red' },
  { reason: 'due_soon', count: 'dueSoon', label: 'supervision.dueSoon', color: 'orange' },
  { reason: 'not_reported', count: 'notReported', label: 'supervision.notReported', color: 'gold' },
  { reason: 'returned', count: 'returned', label: 'supervision.returned', color: 'purple' },
] as const satisfies readonly { reason: SupervisionReason; count: keyof SupervisionCounts; label: string; color: string }[];

function DaysText({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <>{t('common.none')}</>;
  if (days > 0) return <Typography.Text type="danger">{t('supervision.daysOverdue', { count: days })}</Typography.Text>;
  if (days === 0) return <Typography.Text type="warning">{t('supervision.dueToday')}</Typography.Text>;
  return <>{t('supervision.daysLeft', { count: -days })}</>;
}

/** Whether a notice to the row's unit is out, and who signed it when. */
function RowNotice({ notice }: { notice: SupervisionRowNotice | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!notice) return <Typography.Text type="secondary">{t('supervision.noNoticeOut')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} data-testid="row-notice">
      <Typography.Text>{notice.number}</Typography.Text>
      <a href={`/api/v1/supervision-notices/${notice.id}/document.docx`} data-testid="notice-docx" download>
        {t('supervision.noticeDocx')}
      </a>
      {notice.acknowledgedAt ? (
        <Tag color="success">{t('supervision.signedByShort', { name: notice.acknowledgedByName ?? t('common.none'), date: formatDateTime(notice.acknowledgedAt, locale) })}</Tag>
      ) : (
        <Tag color="warning">{t('supervision.unacknowledged')}</Tag>
      )}
    </Space>
  );
}

function UnitCard({ unit, reason, mayIssue, onIssue }: { unit: SupervisionUnit; reason: SupervisionReason | null; mayIssue: boolean; onIssue: (task: SupervisionTask, unit: SupervisionUnit) => void }) {
  const { t } = useTranslation();
  const tasks = reason ? unit.tasks.filter((task) => task.reasons.includes(reason)) : unit.tasks;
  if (tasks.length === 0) return null;
  const columns: TableColumnsType<SupervisionTask> = [
    { title: t('supervision.task'), dataIndex: 'title', render: (title: string, task) => <Link to={`/tasks/${task.id}`}>{title}</Link> },
    {
      title: t('supervision.role'),
      dataIndex: 'role',
      width: 70,
      render: (role: SupervisionTask['role']) => (role ? t(role === 'lead' ? 'supervision.roleLead' : 'supervision.roleCo') : t('common.none')),
    },
    { title: t('tasks.status'), dataIndex: 'status', width: 90, render: (_, task) => <TaskStatusTag status={task.status} /> },
    {
      title: t('supervision.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (dueOn: string | null, task) => <DueDate dueOn={dueOn} overdue={(task.daysOverdue ?? 0) > 0} />,
    },
    { title: t('supervision.days'), dataIndex: 'daysOverdue', width: 110, render: (days: number | null) => <DaysText days={days} /> },
    {
      title: t('supervision.reasons'),
      dataIndex: 'reasons',
      width: 220,
      render: (reasons: SupervisionReason[]) =>
        REASONS.filter((r) => reasons.includes(r.reason)).map((r) => (
          <Tag key={r.reason} color={r.color}>
            {t(r.label)}
          </Tag>
        )),
    },
    { title: t('supervision.notice'), dataIndex: 'notice', width: 190, render: (notice: SupervisionRowNotice | null) => <RowNotice notice={notice} /> },
    ...(mayIssue
      ? [
          {
            title: '',
            key: 'issue',
            width: 110,
            render: (_: unknown, task: SupervisionTask) => (
              <Button size="small" danger icon={<AlertOutlined />} onClick={() => onIssue(task, unit)}>
                {t('supervision.issue')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{unit.organizationName ?? t('supervision.unassigned')}</span>
          {unit.partyName ? <Tag>{unit.partyName}</Tag> : null}
        </Space>
      }
      extra={
        <Space size={4}>
          {REASONS.filter((r) => unit.counts[r.count] > 0).map((r) => (
            <Tag key={r.reason} color={r.color}>
              {t(r.label)} {unit.counts[r.count]}
            </Tag>
          ))}
        </Space>
      }
      data-testid="supervision-unit"
    >
      <Table<SupervisionTask> rowKey="id" size="small" pagination={false} columns={columns} dataSource={tasks} />
    </Card>
  );
}

export default function SupervisionPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { cooperationId = '' } = useParams();
  // A side named in the address (the dashboard's reporting figures open one side's view).
  const [partyId, setPartyId] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get('side') ?? undefined);
  const [withinDays, setWithinDays] = useState(7);
  const [reason, setReason] = useState<SupervisionReason | null>(null);
  const [issuing, setIssuing] = useState<{ task: SupervisionTask; organizationId: string | null } | null>(null);
  const { data: cooperation, error: cooperationError, reload: reloadCooperation } = useApi(() => api.cooperation(cooperationId), cooperationId);
  const { data, error, loading, reload } = useApi(
    () => tasksApi.supervision(cooperationId, { partyId, withinDays }),
    `${cooperationId}:${partyId ?? ''}:${withinDays}`,
  );

  if (cooperationError) return <LoadError error={cooperationError} onRetry={reloadCooperation} />;
  if (!cooperation) return <PageLoading />;
  const mayIssue = cooperation.can.issueNotices;
  const units = data?.units.filter((unit) => (reason ? unit.tasks.some((task) => task.reasons.includes(reason)) : unit.tasks.length > 0)) ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}/tasks`}>{t('tasks.ledgerTitle')}</Link> },
          { title: t('supervision.title') },
        ]}
      />
      <Card
        title={t('supervision.title')}
        extra={
          <Space wrap>
            {data ? <Typography.Text type="secondary">{t('supervision.asOf', { date: formatDate(data.asOf, locale) })}</Typography.Text> : null}
            <Button href={briefingDownloads(cooperation.id, undefined, locale).bulletinDocx} data-testid="bulletin-docx">
              {t('briefing.bulletinDocx')}
            </Button>
            <Select
              allowClear
              placeholder={t('supervision.allSides')}
              value={partyId}
              onChange={(value: string | undefined) => setPartyId(value)}
              options={cooperation.parties.map((p) => ({ value: p.id, label: p.name }))}
              style={{ width: 140 }}
            />
            <Space size={4}>
              <Typography.Text>{t('supervision.withinDays')}</Typography.Text>
              <InputNumber min={0} max={365} value={withinDays} onChange={(value) => setWithinDays(value ?? 7)} style={{ width: 70 }} />
              <Typography.Text>{t('supervision.daysUnit')}</Typography.Text>
            </Space>
          </Space>
        }
      >
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {data?.period ? (
          <Typography.Paragraph type="secondary">
            {t('supervision.currentPeriod', { label: data.period.label, date: formatDate(data.period.dueOn, locale) })}
          </Typography.Paragraph>
        ) : null}
        <Row gutter={[12, 12]}>
          {REASONS.map((r) => (
            <Col key={r.reason} xs={12} md={6}>
              <Card
                size="small"
                hoverable
                onClick={() => setReason(reason === r.reason ? null : r.reason)}
                style={{ borderColor: reason === r.reason ? '#1f4e8c' : undefined, borderWidth: reason === r.reason ? 2 : 1 }}
                data-testid={`supervision-total-${r.reason}`}
              >
                <Statistic title={t(r.label)} value={data?.totals[r.count] ?? 0} styles={{ content: { color: r.color === 'red' ? '#cf1322' : undefined } }} />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      {loading && !data ? <PageLoading /> : null}
      {data && units.length === 0 ? <Empty description={t('supervision.empty')} /> : null}
      {units.map((unit) => (
        <UnitCard key={`${unit.partyId ?? ''}:${unit.organizationId ?? ''}`} unit={unit} reason={reason} mayIssue={mayIssue} onIssue={(task, row) => setIssuing({ task, organizationId: row.organizationId })} />
      ))}
      <IssueNoticeModal task={issuing?.task ?? null} recipientOrganizationId={issuing?.organizationId ?? null} defaultDeadline={addDaysIso(todayIso(), 7)} onClose={() => setIssuing(null)} onIssued={reload} />
    </Space>
  );
}
