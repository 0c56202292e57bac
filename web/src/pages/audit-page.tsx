import { Breadcrumb, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { notificationsApi, type AuditEntry } from '../api/notifications.ts';
import { settingsApi } from '../api/settings.ts';
import { useApi } from '../api/use-api.ts';
import { auditDiff, isInternalField, valueInWords, type FieldChange, type ValueWords } from '../audit/audit-diff.ts';
import { DateField } from '../common/date-field.tsx';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

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
  party: 'audit.entities.party',
  organization: 'audit.entities.organization',
  project: 'audit.entities.project',
  indicator: 'audit.entities.indicator',
  api_token: 'audit.entities.api_token',
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
  amend: 'audit.actions.amend',
  move: 'audit.actions.move',
  reorder: 'audit.actions.reorder',
  revise: 'audit.actions.revise',
  supersede: 'audit.actions.supersede',
  revoke: 'audit.actions.revoke',
} as const;

const isEntity = (code: string): code is keyof typeof ENTITIES => code in ENTITIES;
const isAction = (code: string): code is keyof typeof ACTIONS => code in ACTIONS;

/** How many changed fields a row names before the rest wait behind its expander. */
const SUMMARY_FIELDS = 3;

/** Field names, enum values, ids and dates of one cooperation's entries, in the reader's words. */
interface Reading {
  field: (name: string) => string;
  value: (entity: string, field: string, value: unknown) => string;
}

function useReading(names: ReadonlyMap<string, string>): Reading {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useMemo(() => {
    const fields: Record<string, string> = t('audit.fields', { returnObjects: true });
    // Enum values the UI already names elsewhere, by the entity and field they are stored in.
    const enums: Record<string, Record<string, string>> = {
      'task.status': t('tasks.statusValue', { returnObjects: true }),
      'report.status': t('reports.statusValue', { returnObjects: true }),
      'cooperation.status': t('status', { returnObjects: true }),
      'task.priority': t('tasks.priorityValue', { returnObjects: true }),
      '*.visibility': t('visibility', { returnObjects: true }),
      '*.role': t('role', { returnObjects: true }),
      '*.level': t('clauseLevel', { returnObjects: true }),
      'agreement.kind': t('agreementKind', { returnObjects: true }),
      'period.kind': t('periodKind', { returnObjects: true }),
      'organization.kind': t('organizationKind', { returnObjects: true }),
      '*.decision': t('audit.decisionValue', { returnObjects: true }),
    };
    const words: ValueWords = {
      names,
      yes: t('audit.yes'),
      no: t('audit.no'),
      moment: (iso) => formatDateTime(iso, locale),
      date: (iso) => formatDate(iso, locale) ?? iso,
    };
    return {
      field: (name) => fields[name] ?? name,
      value: (entity, field, value) => {
        const table = enums[`${entity}.${field}`] ?? enums[`*.${field}`];
        if (table && typeof value === 'string' && table[value]) return table[value];
        return valueInWords(value, words);
      },
    };
  }, [t, locale, names]);
}

function ChangeSummary({ entry, reading }: { entry: AuditEntry; reading: Reading }) {
  const { t } = useTranslation();
  const changes = auditDiff(entry.before, entry.after).filter((c) => !isInternalField(c.field));
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const shown = changes.slice(0, SUMMARY_FIELDS);
  const say = (c: FieldChange) => {
    const before = reading.value(entry.entity, c.field, c.before);
    const after = reading.value(entry.entity, c.field, c.after);
    return `${reading.field(c.field)}: ${before ? `${before} → ` : ''}${after}`;
  };
  return (
    <Typography.Text ellipsis style={{ maxWidth: 560 }}>
      {shown.map(say).join('；')}
      {changes.length > shown.length ? ` … +${changes.length - shown.length}` : ''}
    </Typography.Text>
  );
}

function Changes({ entry, reading }: { entry: AuditEntry; reading: Reading }) {
  const { t } = useTranslation();
  const changes = auditDiff(entry.before, entry.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  // What the entry says first; how it is stored after, under its own heading, for whoever checks the record.
  const ordered = [...changes.filter((c) => !isInternalField(c.field)), ...changes.filter((c) => isInternalField(c.field))];
  const firstInternal = ordered.findIndex((c) => isInternalField(c.field));
  const columns: TableColumnsType<FieldChange> = [
    {
      title: t('audit.field'),
      dataIndex: 'field',
      width: 160,
      render: (field: string, _, index) =>
        isInternalField(field) ? (
          <Typography.Text type="secondary" title={index === firstInternal ? t('audit.technical') : undefined}>
            <code>{field}</code>
          </Typography.Text>
        ) : (
          reading.field(field)
        ),
    },
    {
      title: t('audit.before'),
      key: 'before',
      render: (_, c) => <span style={{ background: c.before === undefined ? undefined : '#fff1f0', wordBreak: 'break-all' }}>{reading.value(entry.entity, c.field, c.before)}</span>,
    },
    {
      title: t('audit.after'),
      key: 'after',
      render: (_, c) => <span style={{ background: c.after === undefined ? undefined : '#f6ffed', wordBreak: 'break-all' }}>{reading.value(entry.entity, c.field, c.after)}</span>,
    },
  ];
  return <Table<FieldChange> rowKey="field" size="small" pagination={false} columns={columns} dataSource={ordered} />;
}

/** The start of a calendar day in the reader's own time zone, as the moment the API filters by. */
function startOfDay(isoDate: string, days = 0): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day + days).toISOString();
}

export default function AuditPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { cooperationId = '' } = useParams();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [actorId, setActorId] = useState<string | undefined>(undefined);
  const [from, setFrom] = useState<string | undefined>(undefined);
  const [to, setTo] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data: cooperation, error: cooperationError, reload: reloadCooperation } = useApi(() => api.cooperation(cooperationId), cooperationId);
  // Members name the people in the entries; a reader the server does not show them to reads usernames instead.
  const { data: members } = useApi(() => settingsApi.members(cooperationId).catch(() => ({ items: [] })), cooperationId);
  const { data, error, loading, reload } = useApi(
    () =>
      notificationsApi.audit(cooperationId, {
        entity,
        actorId,
        from: from ? startOfDay(from) : undefined,
        to: to ? startOfDay(to, 1) : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    `${cooperationId}:${entity ?? ''}:${actorId ?? ''}:${from ?? ''}:${to ?? ''}:${page}`,
  );
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const party of cooperation?.parties ?? []) {
      map.set(party.id, party.name);
      if (party.coordinatingOrganization) map.set(party.coordinatingOrganization.id, party.coordinatingOrganization.name);
    }
    for (const member of members?.items ?? []) map.set(member.userId, member.displayName);
    return map;
  }, [cooperation, members]);
  const reading = useReading(names);
  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const member of members?.items ?? []) byId.set(member.userId, `${member.displayName}（${member.username}）`);
    for (const entry of data?.items ?? []) if (entry.actorId && !byId.has(entry.actorId)) byId.set(entry.actorId, entry.actorName ?? entry.actorUsername ?? entry.actorId);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [members, data]);

  if (cooperationError) return <LoadError error={cooperationError} onRetry={reloadCooperation} />;
  if (!cooperation) return <PageLoading />;
  const filtered = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  const entityName = (code: string) => (isEntity(code) ? t(ENTITIES[code]) : code);
  const actionName = (code: string) => (isAction(code) ? t(ACTIONS[code]) : code);
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at, locale) },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 150,
      render: (_, entry) =>
        entry.actorUsername ? (
          <span title={entry.actorUsername}>{entry.actorName ?? entry.actorUsername}</span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 100, render: (action: string) => <Tag>{actionName(action)}</Tag> },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 200,
      render: (code: string, entry) => (
        <Space orientation="vertical" size={0}>
          <span>{entityName(code)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: entry.subject ?? entry.entityId }}>
            {entry.subject ?? t('audit.subjectMissing')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('audit.changes'), key: 'changes', width: 420, render: (_, entry) => <ChangeSummary entry={entry} reading={reading} /> },
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
>
        <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="audit-filters">
          <Select
            allowClear
            placeholder={t('audit.allEntities')}
            value={entity}
            onChange={filtered(setEntity)}
            options={Object.keys(ENTITIES).map((code) => ({ value: code, label: entityName(code) }))}
            style={{ width: 160 }}
            aria-label={t('audit.entityFilter')}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.allActors')}
            value={actorId}
            onChange={filtered(setActorId)}
            options={people}
            style={{ width: 220 }}
            aria-label={t('audit.actorFilter')}
          />
          <DateField aria-label={t('audit.from')} placeholder={t('audit.from')} value={from} onChange={filtered(setFrom)} width={160} />
          <DateField aria-label={t('audit.to')} placeholder={t('audit.to')} value={to} onChange={filtered(setTo)} width={160} />
        </Space>
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          bordered
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          expandable={{ expandedRowRender: (entry) => <Changes entry={entry} reading={reading} /> }}
          scroll={{ x: 1080 }}
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
