import { FileTextOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { STATUS_COLOURS as STATUS_COLOURS_TARGET } from '../../../src/contract/indicator-status.ts';
import { briefingDownloads } from '../api/briefing.ts';
import { dashboardApi, drillPath, type Dashboard, type Drill } from '../api/dashboard.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate, formatDateTime } from '../format/date.ts';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { formatQuantity } from '../indicators/quantity.ts';
import { industryName } from '../projects/project-words.ts';
import { DashboardChart, type DashboardChartOption } from './dashboard-chart.tsx';
import { TASK_STATUS_COLOURS } from './status-colours.ts';

type TaskStatus = Dashboard['tasks']['byStatus'][number]['status'];


const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** A number that opens the rows behind it. */
function Count({ cooperationId, drill, value, testId, label, inline }: { cooperationId: string; drill: Drill; value: ReactNode; testId?: string; label?: string; inline?: boolean }) {
  // Inside a sentence a link is told from the words around it by more than its colour.
  return (
    <Link to={drillPath(cooperationId, drill)} data-testid={testId} aria-label={label} style={inline ? { textDecoration: 'underline' } : undefined}>
      {value}
    </Link>
  );
}

function Section({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card title={title} extra={extra} size="small" data-testid={testId} styles={{ body: { overflowX: 'auto' } }}>
      {children}
    </Card>
  );
}

function WhereItStands({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const id = data.cooperation.id;
  const tasks = data.tasks;
  const statusLabel = (s: TaskStatus) => t(`tasks.statusValue.${s}`);
  const option = useMemo<DashboardChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: [t('dashboard.bothSides'), ...tasks.bySide.map((s) => s.partyName)] },
      series: tasks.byStatus.map((s) => ({
        type: 'bar',
        stack: 'tasks',
        name: t(`tasks.statusValue.${s.status}`),
        itemStyle: { color: TASK_STATUS_COLOURS[s.status] },
        data: [s.count, ...tasks.bySide.map((side) => side.byStatus.find((b) => b.status === s.status)?.count ?? 0)],
      })),
    }),
    // The labels follow the language: a change of it gives a new `t`.
    [tasks, t],
  );
  interface Row {
    key: string;
    name: string;
    total: Dashboard['tasks']['total'];
    byStatus: Dashboard['tasks']['byStatus'];
  }
  const rows: Row[] = [
    { key: 'all', name: data.side ? data.side.name : t('dashboard.bothSides'), total: tasks.total, byStatus: tasks.byStatus },
    ...tasks.bySide.map((s) => ({ key: s.partyId, name: s.partyName, total: s.total, byStatus: s.byStatus })),
  ];
  const columns: TableColumnsType<Row> = [
    { title: t('dashboard.side'), dataIndex: 'name' },
    { title: t('dashboard.total'), key: 'total', align: 'right', render: (_, row) => <Count cooperationId={id} drill={row.total.drill} value={row.total.count} /> },
    ...tasks.byStatus.map((s) => ({
      title: statusLabel(s.status),
      key: s.status,
      align: 'right' as const,
      render: (_: unknown, row: Row) => {
        const cell = row.byStatus.find((b) => b.status === s.status);
        return cell ? <Count cooperationId={id} drill={cell.drill} value={cell.count} testId={`status-${row.key}-${s.status}`} /> : null;
      },
    })),
  ];
  return (
    <Section title={t('dashboard.whereItStands')} testId="where-it-stands">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('dashboard.tasks')} valueRender={() => <Count cooperationId={id} drill={tasks.total.drill} value={tasks.total.count} testId="tasks-total" />} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('dashboard.doneVsElapsed')} valueRender={() => <span data-testid="done-share">{`${percent(tasks.doneShare)} / ${percent(tasks.elapsedShare)}`}</span>} />
          <Typography.Text type="secondary">{t('dashboard.doneVsElapsedHint')}</Typography.Text>
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('dashboard.overdue')}
            valueRender={() => <Count cooperationId={id} drill={tasks.overdue.drill} value={<span style={{ color: tasks.overdue.count ? '#D55E00' : undefined }}>{tasks.overdue.count}</span>} testId="overdue-count" label={t('dashboard.overdueLink', { count: tasks.overdue.count })} />}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('dashboard.dueSoon', { days: data.dueSoonDays })}
            valueRender={() => <Count cooperationId={id} drill={tasks.dueSoon.drill} value={tasks.dueSoon.count} testId="due-soon-count" label={t('dashboard.dueSoonLink', { count: tasks.dueSoon.count, days: data.dueSoonDays })} />}
          />
        </Col>
      </Row>
      {tasks.total.count === 0 ? (
        <Empty description={t('dashboard.noTasks')} />
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={10}>
            <DashboardChart option={option} label={t('dashboard.statusChart')} height={60 + 40 * rows.length} testId="status-chart" />
          </Col>
          <Col xs={24} lg={14}>
            <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} data-testid="status-table" scroll={{ x: 'max-content' }} />
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <TaskList title={t('dashboard.overdueList')} list={tasks.overdue} cooperationId={id} testId="overdue-list" empty={t('dashboard.noOverdue')} />
        </Col>
        <Col xs={24} md={12}>
          <TaskList title={t('dashboard.dueSoonList', { days: data.dueSoonDays })} list={tasks.dueSoon} cooperationId={id} testId="due-soon-list" empty={t('dashboard.noDueSoon')} />
        </Col>
      </Row>
      <Space wrap style={{ marginTop: 12 }} data-testid="notices">
        <Typography.Text strong>{t('dashboard.notices')}</Typography.Text>
        {(['issued', 'signed', 'overdue'] as const).map((k) => (
          <Tag key={k}>
            {t(`dashboard.notice.${k}`)} <Count cooperationId={id} drill={data.notices[k].drill} value={data.notices[k].count} testId={`notices-${k}`} />
          </Tag>
        ))}
      </Space>
    </Section>
  );
}

function TaskList({ title, list, cooperationId, testId, empty }: { title: string; list: Dashboard['tasks']['overdue']; cooperationId: string; testId: string; empty: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div data-testid={testId}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title} · <Count cooperationId={cooperationId} drill={list.drill} value={t('dashboard.all', { count: list.count })} inline />
      </Typography.Title>
      {list.items.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {list.items.map((task) => (
            <li key={task.id}>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>{' '}
              <Typography.Text type="secondary">
                {formatDate(task.dueOn, locale) ?? ''}
                {task.leads.length ? ` · ${task.leads.map((l) => l.organizationName).join('、')}` : ''}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Coverage({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const id = data.cooperation.id;
  type Direction = Dashboard['coverage']['areas'][number]['directions'][number];
  const columns: TableColumnsType<Direction> = [
    { title: t('dashboard.direction'), key: 'title', render: (_, d) => `${d.label ?? ''}${d.title}` },
    {
      title: t('dashboard.tasks'),
      key: 'tasks',
      align: 'right',
      width: 90,
      render: (_, d) => (d.tasks.count === 0 ? <Tag color="#D55E00">{t('dashboard.gap')}</Tag> : <Count cooperationId={id} drill={d.tasks.drill} value={d.tasks.count} />),
    },
    {
      title: t('dashboard.states'),
      key: 'states',
      render: (_, d) => (
        <Space size={4} wrap>
          {d.byStatus
            .filter((s) => s.count > 0)
            .map((s) => (
              <Tag key={s.status} color={TASK_STATUS_COLOURS[s.status]}>
                <Count cooperationId={id} drill={s.drill} value={`${t(`tasks.statusValue.${s.status}`)} ${s.count}`} />
              </Tag>
            ))}
        </Space>
      ),
    },
  ];
  const { areas, directions, gaps } = data.coverage;
  return (
    <Section title={t('dashboard.coverage')} extra={directions ? <Typography.Text type="secondary" data-testid="coverage-gaps">{t('dashboard.gaps', { gaps, directions })}</Typography.Text> : null} testId="coverage">
      {areas.length === 0 ? (
        <Empty description={t('dashboard.noClauses')} />
      ) : (
        areas.map((area) => (
          <div key={area.clauseId} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{`${area.label ?? ''}${area.title}`}</Typography.Text>
            <Typography.Text type="secondary"> · {area.agreementTitle}</Typography.Text>
            {area.directions.length ? (
              <Table<Direction> rowKey="clauseId" size="small" pagination={false} columns={columns} dataSource={area.directions} showHeader={false} />
            ) : (
              <div>
                <Typography.Text type="secondary">{t('dashboard.noDirections')}</Typography.Text>
              </div>
            )}
          </div>
        ))
      )}
    </Section>
  );
}

function Reporting({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = data.cooperation.id;
  const { period, units, totals } = data.reporting;
  type Unit = Dashboard['reporting']['units'][number];
  const columns: TableColumnsType<Unit> = [
    { title: t('dashboard.unit'), key: 'unit', render: (_, u) => `${u.partyName} · ${u.organizationName}` },
    ...(['submitted', 'approved', 'returned', 'missing'] as const).map((k) => ({
      title: t(`dashboard.report.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, u: Unit) => (k === 'missing' || k === 'returned') && u[k] > 0 ? <Count cooperationId={id} drill={u.drill} value={<span style={{ color: '#D55E00' }}>{u[k]}</span>} /> : u[k],
    })),
  ];
  return (
    <Section
      title={t('dashboard.reporting')}
      extra={period ? <Typography.Text type="secondary">{t('dashboard.periodDue', { period: period.label, due: formatDate(period.dueOn, locale) })}</Typography.Text> : null}
      testId="reporting"
    >
      {!period ? (
        <Empty description={t('dashboard.noPeriod')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            {(['submitted', 'approved', 'returned', 'missing'] as const).map((k) => (
              <Tag key={k}>{`${t(`dashboard.report.${k}`)} ${totals[k]}`}</Tag>
            ))}
          </Space>
          <Table<Unit> rowKey={(u) => `${u.partyId}/${u.organizationId}`} size="small" pagination={{ pageSize: 8, hideOnSinglePage: true }} columns={columns} dataSource={units} scroll={{ x: 'max-content' }} />
        </>
      )}
    </Section>
  );
}

function Money({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = data.cooperation.id;
  const money = data.money;
  const steps = money.byStage.filter((s) => s.kind === 'step');
  const funnel = useMemo<DashboardChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          minSize: '12%',
          label: { show: true, position: 'inside', formatter: '{b} {c}' },
          // At or beyond each stage, in the template's order: a project counts in every stage up to its own.
          data: steps.map((s, i) => ({ name: s.name, value: steps.slice(i).reduce((n, o) => n + o.projects, 0) })),
        },
      ],
    }),
    [steps],
  );
  type Stage = Dashboard['money']['byStage'][number];
  const moneyColumns = <T extends { projects: number; contracted: { currency: string; amount: string }[]; inPlace: { currency: string; amount: string }[]; drill: Drill }>(first: TableColumnsType<T>[number]): TableColumnsType<T> => [
    first,
    { title: t('dashboard.projects'), key: 'projects', align: 'right', render: (_, r) => <Count cooperationId={id} drill={r.drill} value={r.projects} /> },
    { title: t('dashboard.contracted'), key: 'contracted', align: 'right', render: (_, r) => formatAmounts(r.contracted, locale) },
    { title: t('dashboard.inPlace'), key: 'inPlace', align: 'right', render: (_, r) => formatAmounts(r.inPlace, locale) },
  ];
  type Event = Dashboard['money']['signingEvents'][number];
  const eventColumns: TableColumnsType<Event> = [
    { title: t('dashboard.event'), key: 'name', render: (_, e) => <Count cooperationId={id} drill={e.drill} value={e.name} /> },
    { title: t('dashboard.heldOn'), key: 'heldOn', render: (_, e) => formatDate(e.heldOn, locale) },
    { title: t('dashboard.projects'), key: 'projects', align: 'right', render: (_, e) => e.figures.projects },
    { title: t('dashboard.fulfilmentRate'), key: 'f', align: 'right', render: (_, e) => percent(e.figures.fulfilmentRate) },
    { title: t('dashboard.startRate'), key: 's', align: 'right', render: (_, e) => percent(e.figures.startRate) },
    { title: t('dashboard.fundsRate'), key: 'm', align: 'right', render: (_, e) => percent(e.figures.fundsRate) },
  ];
  return (
    <Section title={t('dashboard.money')} testId="money">
      {money.cumulative.projects === 0 ? (
        <Empty description={t('dashboard.noProjects')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.contractedTotal')} valueRender={() => <span data-testid="contracted-total">{formatAmounts(money.cumulative.contracted, locale)}</span>} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.inPlaceTotal')} valueRender={() => <span data-testid="in-place-total">{formatAmounts(money.cumulative.inPlace, locale)}</span>} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.contractedYear', { year: money.thisYear.year })} valueRender={() => formatAmounts(money.thisYear.contracted, locale)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('dashboard.inPlaceYear', { year: money.thisYear.year })} valueRender={() => formatAmounts(money.thisYear.inPlace, locale)} />
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={10}>
              <DashboardChart option={funnel} label={t('dashboard.funnelChart')} height={240} testId="funnel-chart" />
            </Col>
            <Col xs={24} lg={14}>
              <Table<Stage> rowKey="stage" size="small" pagination={false} columns={moneyColumns<Stage>({ title: t('dashboard.stage'), dataIndex: 'name' })} dataSource={money.byStage} data-testid="stage-table" scroll={{ x: 'max-content' }} />
            </Col>
          </Row>
          <Typography.Title level={5}>{t('dashboard.byIndustry')}</Typography.Title>
          <Table<Dashboard['money']['byIndustry'][number]>
            rowKey={(r) => r.industryCode ?? 'none'}
            size="small"
            pagination={false}
            columns={moneyColumns({ title: t('dashboard.industry'), key: 'industry', render: (_, r) => industryName(r.industryCode, locale) })}
            dataSource={money.byIndustry}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}
      <Typography.Title level={5}>{t('dashboard.signingEvents')}</Typography.Title>
      <Table<Event> rowKey="id" size="small" pagination={false} columns={eventColumns} dataSource={money.signingEvents} locale={{ emptyText: t('dashboard.noEvents') }} scroll={{ x: 'max-content' }} />
    </Section>
  );
}

/** A target's status: the status rule's colour as a swatch beside the word, which stays dark enough to read. */
function TargetStatusMark({ status }: { status: Dashboard['targets'][number]['years'][number]['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="target-status" data-status={status} style={{ borderColor: STATUS_COLOURS_TARGET[status], background: '#fff', marginInlineEnd: 0 }}>
      <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: STATUS_COLOURS_TARGET[status], marginInlineEnd: 4 }} />
      {t(`indicators.status.${status}`)}
    </Tag>
  );
}

function Targets({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = data.cooperation.id;
  type Target = Dashboard['targets'][number];
  const cell = (row: Target, i: number) => {
    const year = row.years[i];
    if (!year) return '—';
    return (
      <Space size={4} wrap>
        <span>{`${year.year ?? ''} ${year.comparator} ${formatQuantity(Number(year.target), row.unit, locale)}`}</span>
        <span>{`${t('dashboard.actual')} ${year.actual === null ? '—' : formatQuantity(year.actual, row.unit, locale)}`}</span>
        <TargetStatusMark status={year.status} />
      </Space>
    );
  };
  const columns: TableColumnsType<Target> = [
    { title: t('dashboard.indicator'), key: 'name', render: (_, r) => <Count cooperationId={id} drill={r.drill} value={r.name} /> },
    { title: t('dashboard.currentTarget'), key: 'current', render: (_, r) => cell(r, 0) },
    { title: t('dashboard.nextTarget'), key: 'next', render: (_, r) => cell(r, 1) },
  ];
  return (
    <Section title={t('dashboard.targets')} testId="targets">
      <Table<Target> rowKey="indicatorId" size="small" pagination={false} columns={columns} dataSource={data.targets} locale={{ emptyText: t('dashboard.noTargets') }} scroll={{ x: 'max-content' }} />
    </Section>
  );
}

function Changes({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = data.cooperation.id;
  return (
    <Section title={t('dashboard.changes')} testId="changes">
      {data.changes.length === 0 ? (
        <Empty description={t('dashboard.noChanges')} />
      ) : (
        <Timeline
          items={data.changes.map((c, i) => ({
            key: `${c.at}-${i}`,
            content: (
              <span>
                <Typography.Text type="secondary">{formatDateTime(c.at, locale)}</Typography.Text> {t(`dashboard.decision.${c.kind}`)} · <Count cooperationId={id} drill={c.drill} value={c.title} inline />
                {c.detail ? <Typography.Text type="secondary"> · {c.kind === 'big_transaction' ? bigAmount(c.detail, locale) : c.detail}</Typography.Text> : null}
              </span>
            ),
          }))}
        />
      )}
    </Section>
  );
}

/** "contracted 130000000.00 CNY" as 1.3亿元. */
function bigAmount(detail: string, locale: ReturnType<typeof currentLocale>): string {
  const [, amount = '0', currency = 'CNY'] = detail.split(' ');
  return formatAmounts([{ currency, amount }], locale);
}

/** A cooperation at a glance, for its leaders and offices: each number opens the rows behind it. */
export default function DashboardPage() {
  const { cooperationId = '' } = useParams();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const side = search.get('side') ?? 'all';
  const cooperation = useApi(() => api.cooperation(cooperationId), cooperationId);
  const dashboard = useApi(() => dashboardApi.get(cooperationId, side), `${cooperationId}:${side}`);
  if (cooperation.error) return <LoadError error={cooperation.error} onRetry={cooperation.reload} />;
  if (dashboard.error) return <LoadError error={dashboard.error} onRetry={dashboard.reload} />;
  if (!cooperation.data) return <PageLoading />;
  const data = dashboard.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperationId}`}>{cooperation.data.name}</Link> },
          { title: t('dashboard.title') },
        ]}
      />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="cooperation-name">
          {cooperation.data.name}
        </Typography.Title>
        <Space wrap>
        <Link to={`/cooperations/${cooperationId}/briefing`} data-testid="briefing-link">
          <Button icon={<FileTextOutlined />}>{t('briefing.nav')}</Button>
        </Link>
        <Button href={briefingDownloads(cooperationId, undefined, currentLocale()).briefingDocx} data-testid="briefing-docx">
          {t('briefing.briefingDocx')}
        </Button>
        <Segmented
          data-testid="side-switch"
          aria-label={t('dashboard.side')}
          value={side}
          onChange={(value) => setSearch(value === 'all' ? {} : { side: String(value) }, { replace: true })}
          options={[{ value: 'all', label: t('dashboard.bothSides') }, ...cooperation.data.parties.map((p) => ({ value: p.id, label: p.name }))]}
        />
        </Space>
      </Space>
      {!data || dashboard.loading ? (
        <PageLoading />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="as-of">
            {t('dashboard.asOf', { date: formatDate(data.asOf, currentLocale()) })}
          </Typography.Text>
          <WhereItStands data={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Coverage data={data} />
            </Col>
            <Col xs={24} xl={12}>
              <Reporting data={data} />
            </Col>
          </Row>
          <Money data={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Targets data={data} />
            </Col>
            <Col xs={24} xl={10}>
              <Changes data={data} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
