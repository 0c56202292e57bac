import { Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditPage } from '../api/notifications.ts';
import { useApi } from '../api/use-api.ts';
import { DateField } from '../common/date-field.tsx';
import { LoadError } from '../common/load-error.tsx';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { auditDiff, isInternalField, valueInWords, type FieldChange, type ValueWords } from './audit-diff.ts';

const PAGE_SIZE = 20;

/** The audit trail's entity codes the UI names in both languages; others show their code. */
export const ENTITIES = {
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
  indicator_target: 'audit.entities.indicator_target',
  indicator_actual: 'audit.entities.indicator_actual',
  signing_event: 'audit.entities.signing_event',
  project_transaction: 'audit.entities.project_transaction',
  project_stages: 'audit.entities.project_stages',
  cross_side_transaction: 'audit.entities.cross_side_transaction',
  user: 'audit.entities.user',
  region: 'audit.entities.region',
  notification_preferences: 'audit.entities.notification_preferences',
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
  stage: 'audit.actions.stage',
  merge: 'audit.actions.merge',
  enable: 'audit.actions.enable',
  disable: 'audit.actions.disable',
  reset_password: 'audit.actions.reset_password',
  change_password: 'audit.actions.change_password',
  logout_everywhere: 'audit.actions.logout_everywhere',
  login: 'audit.actions.login',
  throttle: 'audit.actions.throttle',
} as const;

/** Entities written outside any cooperation: they appear in the platform's trail only. */
const PLATFORM_ONLY: readonly string[] = ['user', 'region', 'notification_preferences'];
export const ALL_ENTITIES = Object.keys(ENTITIES) as (keyof typeof ENTITIES)[];
export const COOPERATION_ENTITIES = ALL_ENTITIES.filter((code) => !PLATFORM_ONLY.includes(code));

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

export interface AuditQuery {
  entity?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

interface AuditTableProps {
  /** Reads one page of entries; `key` changes when the trail it reads changes. */
  load: (query: AuditQuery) => Promise<AuditPage>;
  loadKey: string;
  /** Names of the ids the entries hold (people, parties, units), as far as the reader knows them. */
  names: ReadonlyMap<string, string>;
  /** The people to filter by, besides those the shown entries name. */
  people: { value: string; label: string }[];
  /** The entity codes offered in the filter: a cooperation's, or the platform's too. */
  entities: readonly (keyof typeof ENTITIES)[];
}

/**
 * An audit trail as a record for an official: who (by name), when (local time), what (the object in words) and the
 * changed fields by label, each entry opening to its before and after; filters by what, who and when.
 */
export function AuditTable({ load, loadKey, names, people: known, entities }: AuditTableProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [actorId, setActorId] = useState<string | undefined>(undefined);
  const [from, setFrom] = useState<string | undefined>(undefined);
  const [to, setTo] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(
    () => load({ entity, actorId, from: from ? startOfDay(from) : undefined, to: to ? startOfDay(to, 1) : undefined, page, pageSize: PAGE_SIZE }),
    `${loadKey}:${entity ?? ''}:${actorId ?? ''}:${from ?? ''}:${to ?? ''}:${page}`,
  );
  const reading = useReading(names);
  const people = useMemo(() => {
    const byId = new Map<string, string>(known.map((p) => [p.value, p.label]));
    for (const entry of data?.items ?? []) if (entry.actorId && !byId.has(entry.actorId)) byId.set(entry.actorId, entry.actorName ?? entry.actorUsername ?? entry.actorId);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [known, data]);
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
    <>
      <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.allEntities')}
          value={entity}
          onChange={filtered(setEntity)}
          options={entities.map((code) => ({ value: code, label: entityName(code) }))}
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
    </>
  );
}
