import { Card, Col, Grid, List, Row, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Overview, OverviewCooperation } from '../api/overview.ts';
import { TASK_STATUS_COLOURS } from '../dashboard/status-colours.ts';
import { formatDate } from '../format/date.ts';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import type { OverviewMapOption } from './overview-map.tsx';

// ECharts and the map's data load with the map only, after the tables are on screen.
const OverviewMap = lazy(() => import('./overview-map.tsx').then((m) => ({ default: m.OverviewMap })));

type Progress = 'ahead' | 'behind' | 'none';

/** Where a cooperation stands against time: done share at or above 序时进度, below it, or nothing to compare. */
function progressOf(c: OverviewCooperation): Progress {
  if (c.doneShare === null || c.elapsedShare === null) return 'none';
  return c.doneShare >= c.elapsedShare ? 'ahead' : 'behind';
}

/** The dashboard's status palette (Okabe–Ito), always beside a word: on pace as done, behind as blocked. */
const PROGRESS_COLOURS: Record<Progress, string> = { ahead: TASK_STATUS_COLOURS.done, behind: TASK_STATUS_COLOURS.blocked, none: TASK_STATUS_COLOURS.not_started };

/** Several cooperations drawn as one mark: behind when one of them is, on pace when one is and none is behind. */
function progressOfAll(cooperations: OverviewCooperation[]): Progress {
  const all = cooperations.map(progressOf);
  return all.includes('behind') ? 'behind' : all.includes('ahead') ? 'ahead' : 'none';
}

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const cny = (c: OverviewCooperation) => Number(c.inPlace.find((m) => m.currency === 'CNY')?.amount ?? 0);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function ProgressTag({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <Tag data-testid="progress-status" data-status={progress} style={{ borderColor: PROGRESS_COLOURS[progress], background: '#fff', marginInlineEnd: 0 }}>
      <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: PROGRESS_COLOURS[progress], marginInlineEnd: 4 }} />
      {t(`overview.progress.${progress}`)}
    </Tag>
  );
}

export interface OverviewViewProps {
  data: Overview | undefined;
  loading: boolean;
  /** Where a cooperation opens: its dashboard for a signed-in reader, its portal page for the public. */
  cooperationPath: (id: string) => string;
  /** Whether those paths are pages of this app (links) or server pages (plain addresses). */
  inApp: boolean;
  empty: ReactNode;
  /** How current the figures are: the day they are as of, and how many seconds old they may be. */
  note: (date: string, maxAgeSeconds: number) => string;
}

function CooperationLink({ id, name, inApp, path }: { id: string; name: string; inApp: boolean; path: string }) {
  return inApp ? (
    <Link to={path} data-testid={`cooperation-link-${id}`}>
      {name}
    </Link>
  ) : (
    <a href={path} data-testid={`cooperation-link-${id}`}>
      {name}
    </a>
  );
}

/** The national overview as the reader sees it: the map, the regions and foreign parties beside it, and the table. */
export function OverviewView({ data, loading, cooperationPath, inApp, empty, note }: OverviewViewProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? true;
  const [mapFailed, setMapFailed] = useState(false);
  const onMapFailed = useCallback(() => setMapFailed(true), []);

  const byId = useMemo(() => new Map((data?.cooperations ?? []).map((c) => [c.id, c])), [data]);
  const cooperationsOf = useCallback((ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []), [byId]);
  const regionName = useMemo(() => new Map((data?.regions ?? []).map((r) => [r.code, r.name])), [data]);
  const countryName = useMemo(() => (locale === 'en' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null), [locale]);

  const option = useMemo<OverviewMapOption | null>(() => {
    if (!data) return null;
    const point = new Map(data.regions.map((r) => [r.code, r.point]));
    const listing = (ids: string[]) =>
      cooperationsOf(ids)
        .map((c) => `${escapeHtml(c.name)} · ${t(`overview.progress.${progressOf(c)}`)} · ${t('overview.tooltipOpen', { count: c.tasks.open })} · ${t('overview.tooltipOverdue', { count: c.tasks.overdue })}`)
        .join('<br/>');
    return {
      tooltip: { trigger: 'item', confine: true },
      geo: {
        map: 'china',
        roam: true,
        // Most cooperating cities lie in the east: the view starts there, and the reader may pan and zoom.
        zoom: 1.6,
        center: [112, 32],
        scaleLimit: { min: 1, max: 12 },
        itemStyle: { areaColor: '#f3f5f8', borderColor: '#9aa4b2' },
        emphasis: { disabled: true },
        label: { show: false },
        tooltip: { show: false },
      },
      series: [
        {
          id: 'links',
          type: 'lines',
          coordinateSystem: 'geo',
          zlevel: 1,
          data: data.links.flatMap((l) => {
            const from = point.get(l.from);
            const to = point.get(l.to);
            if (!from || !to) return [];
            const cooperations = cooperationsOf(l.cooperationIds);
            const open = cooperations.reduce((n, c) => n + c.tasks.open, 0);
            return [
              {
                name: `${regionName.get(l.from) ?? l.from} — ${regionName.get(l.to) ?? l.to}`,
                coords: [from, to],
                lineStyle: { width: 1.5 + Math.min(6, Math.sqrt(open)), color: PROGRESS_COLOURS[progressOfAll(cooperations)], opacity: 0.85, curveness: 0.2 },
                cooperationIds: l.cooperationIds,
              },
            ];
          }),
          tooltip: { formatter: (p: { name: string; data: { cooperationIds: string[] } }) => `<b>${escapeHtml(p.name)}</b><br/>${listing(p.data.cooperationIds)}` },
        },
        {
          id: 'regions',
          type: 'scatter',
          coordinateSystem: 'geo',
          zlevel: 2,
          label: { show: true, position: 'right', formatter: '{b}', color: '#1f2937', fontSize: 12 },
          // Neighbouring cities (胶东's five) would print over each other; the hidden names stay in the tooltip and the table.
          labelLayout: { hideOverlap: true },
          data: data.regions.flatMap((r) => {
            if (!r.point) return [];
            const cooperations = cooperationsOf(r.cooperationIds);
            return [{ name: r.name, value: [...r.point, cooperations.length], symbolSize: 8 + 4 * Math.min(4, cooperations.length), itemStyle: { color: PROGRESS_COLOURS[progressOfAll(cooperations)], borderColor: '#fff', borderWidth: 1 }, cooperationIds: r.cooperationIds }];
          }),
          tooltip: { formatter: (p: { name: string; data: { cooperationIds: string[] } }) => `<b>${escapeHtml(p.name)}</b><br/>${listing(p.data.cooperationIds)}` },
        },
      ],
    } as OverviewMapOption;
  }, [data, cooperationsOf, regionName, t]);

  if (loading && !data) {
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="overview-loading" aria-busy="true">
        <Skeleton.Node active style={{ width: '100%', height: wide ? 420 : 280 }} />
        <Skeleton active paragraph={{ rows: 6 }} />
      </Space>
    );
  }
  if (!data || data.cooperations.length === 0) return <Card data-testid="overview-empty">{empty}</Card>;

  const link = (c: OverviewCooperation) => <CooperationLink id={c.id} name={c.name} inApp={inApp} path={cooperationPath(c.id)} />;
  const columns: TableColumnsType<OverviewCooperation> = [
    { title: t('overview.name'), key: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'), render: (_, c) => link(c) },
    {
      title: t('overview.progressColumn'),
      key: 'progress',
      sorter: (a, b) => (a.doneShare ?? -1) - (a.elapsedShare ?? 0) - ((b.doneShare ?? -1) - (b.elapsedShare ?? 0)),
      render: (_, c) => (
        <Space size={6} wrap>
          <span data-testid="progress-figures">{`${percent(c.doneShare)} / ${percent(c.elapsedShare)}`}</span>
          <ProgressTag progress={progressOf(c)} />
        </Space>
      ),
    },
    { title: t('overview.open'), key: 'open', align: 'right', sorter: (a, b) => a.tasks.open - b.tasks.open, render: (_, c) => c.tasks.open },
    {
      title: t('overview.overdue'),
      key: 'overdue',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.tasks.overdue - b.tasks.overdue,
      render: (_, c) => <span data-testid="overdue-figure" style={{ color: c.tasks.overdue ? '#B33F00' : undefined, fontWeight: c.tasks.overdue ? 600 : undefined }}>{c.tasks.overdue}</span>,
    },
    { title: t('overview.inPlace'), key: 'inPlace', align: 'right', sorter: (a, b) => cny(a) - cny(b), render: (_, c) => formatAmounts(c.inPlace, locale) },
    {
      title: t('overview.targets'),
      key: 'targets',
      align: 'right',
      sorter: (a, b) => (a.targets.total ? a.targets.onTrack / a.targets.total : -1) - (b.targets.total ? b.targets.onTrack / b.targets.total : -1),
      render: (_, c) => (c.targets.total ? t('overview.targetsValue', { onTrack: c.targets.onTrack, total: c.targets.total }) : '—'),
    },
  ];

  const regionRows = data.regions.map((r) => ({ ...r, cooperations: cooperationsOf(r.cooperationIds) }));
  const partnersOf = (code: string) =>
    data.links.flatMap((l) => (l.from === code ? [l.to] : l.to === code ? [l.from] : [])).map((c) => regionName.get(c) ?? c);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="overview-as-of">
        {t('overview.summary', { cooperations: data.cooperations.length, regions: data.regions.length, foreign: data.foreign.length })} · {note(formatDate(data.asOf, locale) ?? data.asOf, data.maxAgeSeconds)}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card size="small" title={t('overview.map')} data-testid="overview-map-card">
            {mapFailed || !option ? (
              <Typography.Paragraph type="secondary">{t('overview.mapFailed')}</Typography.Paragraph>
            ) : (
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: wide ? 480 : 320 }} />}>
                <OverviewMap option={option} height={wide ? 480 : 320} label={t('overview.mapLabel', { regions: data.regions.length, lines: data.links.length })} onFailed={onMapFailed} />
              </Suspense>
            )}
            <Space size={8} wrap style={{ marginTop: 8 }} data-testid="map-legend">
              <Typography.Text type="secondary">{t('overview.mapLegend')}</Typography.Text>
              {(['ahead', 'behind', 'none'] as const).map((p) => (
                <ProgressTag key={p} progress={p} />
              ))}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }} data-testid="map-source">
              {t('overview.mapSource')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('overview.foreign')} data-testid="foreign-parties">
            {data.foreign.length === 0 ? (
              <Typography.Text type="secondary">{t('overview.foreignNone')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={data.foreign}
                renderItem={(f) => (
                  <List.Item key={f.code}>
                    <Space orientation="vertical" size={2}>
                      <Typography.Text strong>{countryName?.of(f.code) ?? f.name}</Typography.Text>
                      <Typography.Text type="secondary">{t('overview.foreignWith', { regions: f.partners.map((c) => regionName.get(c) ?? c).join('、') })}</Typography.Text>
                      {cooperationsOf(f.cooperationIds).map((c) => (
                        <span key={c.id}>{link(c)}</span>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('overview.cooperations')} data-testid="overview-cooperations" styles={{ body: { overflowX: 'auto' } }}>
        <Table<OverviewCooperation>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={data.cooperations}
          scroll={{ x: 'max-content' }}
          data-testid="overview-table"
          onRow={(c) => ({
            onClick: (event) => {
              // A click on the name is the link's own; elsewhere in the row it opens the same page.
              if ((event.target as HTMLElement).closest('a')) return;
              if (inApp) navigate(cooperationPath(c.id));
              else window.location.assign(cooperationPath(c.id));
            },
            style: { cursor: 'pointer' },
          })}
        />
      </Card>
      <Card size="small" title={t('overview.regions')} data-testid="overview-regions" styles={{ body: { overflowX: 'auto' } }}>
        <Typography.Paragraph type="secondary">{t('overview.regionsHint')}</Typography.Paragraph>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={regionRows}
          scroll={{ x: 'max-content' }}
          data-testid="region-table"
          columns={[
            { title: t('overview.region'), dataIndex: 'name', key: 'name' },
            { title: t('overview.partners'), key: 'partners', render: (_, r) => partnersOf(r.code).join('、') || '—' },
            {
              title: t('overview.regionCooperations'),
              key: 'cooperations',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  {r.cooperations.map((c) => (
                    <span key={c.id}>{link(c)}</span>
                  ))}
                </Space>
              ),
            },
            { title: t('overview.open'), key: 'open', align: 'right', render: (_, r) => r.cooperations.reduce((n, c) => n + c.tasks.open, 0) },
            { title: t('overview.overdue'), key: 'overdue', align: 'right', render: (_, r) => r.cooperations.reduce((n, c) => n + c.tasks.overdue, 0) },
          ]}
        />
      </Card>
    </Space>
  );
}
