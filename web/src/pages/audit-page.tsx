import { Breadcrumb, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { notificationsApi, type AuditEntry } from '../api/notifications.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { auditDiff, type FieldChange } from '../tasks/audit-diff.ts';

const PAGE_SIZE = 20;

/** The audit trail's entity codes the UI names in both languages; others show their code. */
const ENTITIES = {
  task: 'audit.entities.task',
  milestone: 'audit.entities.milestone',
  report: 'audit.entities.report',
  approval: 'audit.entities.approval',
  period: 'audit.entities.period',
  supervision_notice: 'audit.entities.supervision_notice',
  comment: 'audit.entities.comment',
  attachment: 'audit.entities.attachment',
  clause: 'audit.entities.clause',
  agreement: 'audit.entities.agreement',
  cooperation: 'audit.entities.cooperation',
  membership: 'audit.entities.membership',
} as const;

const ACTIONS = {
  create: 'audit.actions.create',
  update: 'audit.actions.update',
  delete: 'audit.actions.delete',
  submit: 'audit.actions.submit',
  approve: 'audit.actions.approve',
  return: 'audit.actions.return',
  reach: 'audit.actions.reach',
  close_request: 'audit.actions.close_request',
  approve_close: 'audit.actions.approve_close',
  close: 'audit.actions.close',
  issue: 'audit.actions.issue',
  acknowledge: 'audit.actions.acknowledge',
} as const;

const isEntity = (code: string): code is keyof typeof ENTITIES => code in ENTITIES;
const isAction = (code: string): code is keyof typeof ACTIONS => code in ACTIONS;

/** How many changed fields a row names before the rest wait behind its expander. */
const SUMMARY_FIELDS = 3;

function ChangeSummary({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = auditDiff(entry.before, entry.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  // The row already names the entity by its id, so the summary starts with what else was written.
  const shown = changes.filter((c) => c.field !== 'id').slice(0, SUMMARY_FIELDS);
  return (
    <Typography.Text ellipsis style={{ maxWidth: 560 }}>
      {shown.map((c) => (c.before ? `${c.field}: ${c.before} → ${c.after}` : `${c.field}: ${c.after}`)).join('; ')}
      {changes.length > shown.length + 1 ? ` … +${changes.length - shown.length}` : ''}
    </Typography.Text>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = auditDiff(entry.before, entry.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const columns: TableColumnsType<FieldChange> = [
    { title: t('audit.field'), dataIndex: 'field', width: 140, render: (field: string) => <code>{field}</code> },
    {
      title: t('audit.before'),
      dataIndex: 'before',
      render: (value: string) => <span style={{ background: value ? '#fff1f0' : undefined, wordBreak: 'break-all' }}>{value}</span>,
    },
    {
      title: t('audit.after'),
      dataIndex: 'after',
      render: (value: string) => <span style={{ background: value ? '#f6ffed' : undefined, wordBreak: 'break-all' }}>{value}</span>,
    },
  ];
  return <Table<FieldChange> rowKey="field" size="small" pagination={false} columns={columns} dataSource={changes} />;
}

export default function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { cooperationId = '' } = useParams();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data: cooperation, error: cooperationError, reload: reloadCooperation } = useApi(() => api.cooperation(cooperationId), cooperationId);
  const { data, error, loading, reload } = useApi(
    () => notificationsApi.audit(cooperationId, { entity, page, pageSize: PAGE_SIZE }),
    `${cooperationId}:${entity ?? ''}:${page}`,
  );

  if (cooperationError) return <LoadError error={cooperationError} onRetry={reloadCooperation} />;
  if (!cooperation) return <PageLoading />;

  const entityName = (code: string) => (isEntity(code) ? t(ENTITIES[code]) : code);
  const actionName = (code: string) => (isAction(code) ? t(ACTIONS[code]) : code);
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at, locale) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 110,
      render: (username: string | null) => username ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.action'), dataIndex: 'action', width: 100, render: (action: string) => <Tag>{actionName(action)}</Tag> },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 200,
      render: (code: string, entry) => (
        <Space orientation="vertical" size={0}>
          <span>{entityName(code)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 11 }} copyable={{ text: entry.entityId }}>
            {entry.entityId.slice(0, 8)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('audit.changes'), key: 'changes', render: (_, entry) => <ChangeSummary entry={entry} /> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link> },
          { title: t('audit.title') },
        ]}
      />
      <Card
        title={t('audit.title')}
        extra={
          <Select
            allowClear
            placeholder={t('audit.allEntities')}
            value={entity}
            onChange={(value: string | undefined) => {
              setEntity(value);
              setPage(1);
            }}
            options={Object.keys(ENTITIES).map((code) => ({ value: code, label: entityName(code) }))}
            style={{ width: 160 }}
            aria-label={t('audit.entityFilter')}
          />
        }
      >
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          bordered
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          expandable={{ expandedRowRender: (entry) => <Changes entry={entry} /> }}
          locale={{ emptyText: t('audit.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: setPage,
          }}
          data-testid="audit-table"
        />
      </Card>
    </Space>
  );
}
