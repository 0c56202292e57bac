import { Button, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { projectsApi, type ProjectFilter, type ProjectListItem, type SigningEvent } from '../api/projects.ts';
import type { Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { formatDate } from '../format/date.ts';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { ProjectFormModal } from './project-form-modal.tsx';
import { industryName, industryOptions, partyName, partyOptions, stageName } from './project-words.ts';

const YEARS = Array.from({ length: 2026 - 2018 + 1 }, (_, i) => 2026 - i);

/** The filters a link brings in its address (the dashboard's numbers open the table filtered to their projects). */
function filterFrom(search: URLSearchParams): ProjectFilter {
  const text = (key: string) => search.get(key) || undefined;
  const year = Number(search.get('year'));
  return {
    investorPartyId: text('investorPartyId'),
    hostPartyId: text('hostPartyId'),
    stage: text('stage'),
    industryCode: text('industryCode'),
    signingEventId: text('signingEventId'),
    year: Number.isInteger(year) && year > 0 ? year : undefined,
  };
}

/** The projects of a cooperation, filtered by side, stage, industry, event and year, with the totals of all those filtered. */
export function ProjectTable({ cooperationId, parties, events }: { cooperationId: string; parties: Party[]; events: SigningEvent[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [filter, setFilter] = useState<ProjectFilter>(() => filterFrom(search));
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi(() => projectsApi.list(cooperationId, { ...filter, page, pageSize: 50 }), `${cooperationId}:${JSON.stringify(filter)}:${page}`);
  const stages = data?.stages ?? [];
  const set = (patch: ProjectFilter) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableColumnsType<ProjectListItem> = [
    // The name is the key column: it keeps its width and stays in view while the figures scroll sideways on a narrow screen.
    { title: t('projects.field.name'), dataIndex: 'name', width: 240, fixed: 'left', render: (name: string, row) => <Link to={`/projects/${row.id}`}>{name}</Link> },
    { title: t('projects.field.investorSide'), key: 'sides', width: 150, render: (_, row) => `${partyName(parties, row.investorPartyId)} → ${partyName(parties, row.hostPartyId)}` },
    { title: t('projects.field.industry'), dataIndex: 'industryCode', width: 170, ellipsis: true, render: (code: string | null) => industryName(code, locale) },
    {
      title: t('projects.field.stage'),
      dataIndex: 'stage',
      width: 150,
      render: (code: string, row) => (
        <Space size={4} wrap>
          <Tag color={stages.find((s) => s.code === code)?.kind === 'step' ? 'blue' : 'red'}>{stageName(stages, code, locale, t)}</Tag>
          {row.late.length ? <Tag color="orange">{t('projects.list.lateTag')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('projects.field.signedOn'), dataIndex: 'signedOn', width: 130, render: (d: string | null) => formatDate(d, locale) ?? '—' },
    { title: t('projects.field.contracted'), dataIndex: 'contracted', width: 140, align: 'right', render: (m: ProjectListItem['contracted']) => formatAmounts(m, locale) },
    { title: t('projects.field.inPlace'), dataIndex: 'inPlace', width: 140, align: 'right', render: (m: ProjectListItem['inPlace']) => formatAmounts(m, locale) },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select allowClear placeholder={t('projects.filters.investorSide')} style={{ width: 140 }} options={partyOptions(parties)} onChange={(v?: string) => set({ investorPartyId: v })} data-testid="filter-investor" />
        <Select allowClear placeholder={t('projects.filters.hostSide')} style={{ width: 140 }} options={partyOptions(parties)} onChange={(v?: string) => set({ hostPartyId: v })} data-testid="filter-host" />
        <Select allowClear placeholder={t('projects.filters.stage')} style={{ width: 140 }} options={stages.map((s) => ({ value: s.code, label: stageName(stages, s.code, locale, t) }))} onChange={(v?: string) => set({ stage: v })} data-testid="filter-stage" />
        <Select allowClear placeholder={t('projects.filters.industry')} style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} options={industryOptions(locale)} onChange={(v?: string) => set({ industryCode: v })} data-testid="filter-industry" />
        <Select allowClear placeholder={t('projects.filters.event')} style={{ width: 200 }} options={events.map((e) => ({ value: e.id, label: e.name }))} onChange={(v?: string) => set({ signingEventId: v })} data-testid="filter-event" />
        <Select allowClear placeholder={t('projects.filters.year')} style={{ width: 110 }} options={YEARS.map((y) => ({ value: y, label: String(y) }))} onChange={(v?: number) => set({ year: v })} data-testid="filter-year" />
        {data?.can.create ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="create-project">
            {t('projects.list.create')}
          </Button>
        ) : null}
      </Space>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <Table<ProjectListItem>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('projects.list.empty') }}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="project-table"
        scroll={{ x: 1120 }}
        summary={() =>
          data ? (
            <Table.Summary.Row data-testid="project-totals">
              <Table.Summary.Cell index={0} colSpan={5}>
                <Typography.Text strong>{t('projects.list.totals', { count: data.totals.projects })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong data-testid="total-contracted">
                  {formatAmounts(data.totals.contracted, locale)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong data-testid="total-in-place">
                  {formatAmounts(data.totals.inPlace, locale)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {creating ? (
        <ProjectFormModal
          cooperationId={cooperationId}
          parties={parties}
          stages={stages}
          onClose={() => setCreating(false)}
          onSaved={(project) => void navigate(`/projects/${project.id}`)}
        />
      ) : null}
    </Space>
  );
}
