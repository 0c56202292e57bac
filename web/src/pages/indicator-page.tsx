import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { indicatorsApi, type Indicator, type IndicatorActual, type IndicatorTarget } from '../api/indicators.ts';
import { reportsApi } from '../api/reports.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { ActualModal } from '../indicators/actual-modal.tsx';
import { IndicatorChart } from '../indicators/indicator-chart.tsx';
import { IndicatorFormModal } from '../indicators/indicator-form-modal.tsx';
import { IndicatorStatusTag } from '../indicators/indicator-status-tag.tsx';
import { formatQuantity } from '../indicators/quantity.ts';
import { formulaWords } from '../indicators/formula-words.ts';
import { StatusRule } from '../indicators/status-rule.tsx';
import { TargetModal } from '../indicators/target-modal.tsx';
import { targetText } from '../indicators/target-text.ts';
import { todayIso } from '../tasks/calendar.ts';

type Editing = { kind: 'indicator' } | { kind: 'target'; target?: IndicatorTarget } | { kind: 'actual'; actual?: IndicatorActual } | null;

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

function Source({ actual }: { actual: IndicatorActual }) {
  const { t } = useTranslation();
  if (actual.source === 'report') {
    return (
      <Space size={4}>
        <Tag color="blue">{t('indicators.source.report')}</Tag>
        {actual.taskId ? <Link to={`/tasks/${actual.taskId}`}>{t('indicators.source.openReport')}</Link> : null}
      </Space>
    );
  }
  return (
    <Space size={4}>
      <Tag color={actual.source === 'formula' ? 'purple' : 'default'}>{t(`indicators.source.${actual.source}`)}</Tag>
      {/* A computed figure's note is the API's formula text; the indicator's description names the formula in words. */}
      <Typography.Text>{actual.source === 'formula' ? t('indicators.source.formulaComputed') : actual.sourceNote}</Typography.Text>
    </Space>
  );
}

/** One indicator: its rule, the full chart, its targets with their status by 序时进度, and each actual with where it came from. */
export default function IndicatorPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { indicatorId = '' } = useParams();
  const { data: loaded, error, loading, reload } = useApi(() => indicatorsApi.get(indicatorId), indicatorId);
  const [fresh, setFresh] = useState<Indicator | null>(null);
  const indicator = fresh && fresh.id === indicatorId && (!loaded || fresh.version >= loaded.version) ? fresh : loaded;
  const cooperationId = indicator?.cooperationId ?? '';
  const cooperation = useApi(() => (cooperationId ? api.cooperation(cooperationId) : Promise.resolve(null)), cooperationId);
  const periods = useApi(() => (cooperationId ? reportsApi.periods(cooperationId) : Promise.resolve({ items: [] })), cooperationId);
  const [editing, setEditing] = useState<Editing>(null);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !indicator) return <PageLoading />;
  if (!indicator) return <PageLoading />;

  const saved = (next: Indicator) => {
    setFresh(next);
    setEditing(null);
  };
  // biome-ignore lint/suspicious/noConfusingVoidType: a call that deletes the indicator itself answers nothing, the others the indicator anew.
  const act = async (call: () => Promise<Indicator | void>, done: 'indicators.deleted' | 'indicators.target.deleted' | 'indicators.actual.deleted') => {
    try {
      const next = await call();
      message.success(t(done));
      if (next) setFresh(next);
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };
  const show = (value: number | null) => (value === null ? '—' : formatQuantity(value, indicator.unit, locale));

  const targetColumns: TableColumnsType<IndicatorTarget> = [
    { title: t('indicators.target.year'), dataIndex: 'year', width: 80 },
    { title: t('indicators.target.figure'), key: 'figure', render: (_, target) => targetText(target, indicator.unit, locale) },
    { title: t('indicators.target.actual'), key: 'actual', align: 'right', render: (_, target) => show(target.actual) },
    { title: t('indicators.target.expected'), key: 'expected', align: 'right', render: (_, target) => show(target.expected) },
    { title: t('indicators.target.elapsed'), key: 'elapsed', align: 'right', width: 90, render: (_, target) => percent(target.elapsed) },
    { title: t('indicators.list.status'), key: 'status', width: 100, render: (_, target) => <IndicatorStatusTag status={target.status} /> },
    { title: t('indicators.target.sourceText'), dataIndex: 'sourceText', render: (text: string | null) => text ?? '' },
    ...(indicator.can.edit
      ? [
          {
            title: '',
            key: 'actions',
            width: 110,
            render: (_: unknown, target: IndicatorTarget) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid="edit-target" onClick={() => setEditing({ kind: 'target', target })} />
                <Popconfirm title={t('indicators.target.deleteConfirm')} onConfirm={() => act(() => indicatorsApi.removeTarget(target), 'indicators.target.deleted')} okText={t('common.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="delete-target" />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const actualColumns: TableColumnsType<IndicatorActual> = [
    { title: t('indicators.actual.period'), dataIndex: 'periodLabel', width: 140 },
    { title: t('indicators.actual.value'), key: 'value', align: 'right', width: 150, render: (_, actual) => formatQuantity(Number(actual.value), indicator.unit, locale) },
    { title: t('indicators.actual.source'), key: 'source', render: (_, actual) => <Source actual={actual} /> },
    { title: t('indicators.actual.updatedAt'), key: 'updatedAt', width: 150, render: (_, actual) => formatDate(actual.updatedAt.slice(0, 10), locale) },
    ...(indicator.can.enterActuals
      ? [
          {
            title: '',
            key: 'actions',
            width: 110,
            render: (_: unknown, actual: IndicatorActual) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid="edit-actual" onClick={() => setEditing({ kind: 'actual', actual })} />
                <Popconfirm title={t('indicators.actual.deleteConfirm')} onConfirm={() => act(() => indicatorsApi.removeActual(actual), 'indicators.actual.deleted')} okText={t('common.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="delete-actual" />
                </Popconfirm>
              </Space>
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
          { title: <Link to={`/cooperations/${indicator.cooperationId}`}>{cooperation.data?.name ?? '…'}</Link> },
          { title: <Link to={`/cooperations/${indicator.cooperationId}/indicators`}>{t('indicators.nav')}</Link> },
          { title: indicator.name },
        ]}
      />
      <Card
        title={
          <Space>
            <span data-testid="indicator-title">{indicator.name}</span>
            <IndicatorStatusTag status={indicator.status} testId="indicator-status" />
          </Space>
        }
        extra={
          <Space>
            {indicator.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing({ kind: 'indicator' })} data-testid="edit-indicator">
                {t('common.edit')}
              </Button>
            ) : null}
            {indicator.can.delete ? (
              <Popconfirm
                title={t('indicators.deleteConfirm')}
                description={t('indicators.deleteHint')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  act(async () => {
                    await indicatorsApi.remove(indicator);
                    void navigate(`/cooperations/${indicator.cooperationId}/indicators`);
                  }, 'indicators.deleted')
                }
              >
                <Button danger icon={<DeleteOutlined />} data-testid="delete-indicator">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('indicators.fields.unit')}>{indicator.unit}</Descriptions.Item>
          <Descriptions.Item label={t('indicators.fields.direction')}>{t(`indicators.direction.${indicator.direction}`)}</Descriptions.Item>
          <Descriptions.Item label={t('indicators.fields.rollup')}>
            <Space orientation="vertical" size={0}>
              <span data-testid="indicator-rollup-rule">{t(`indicators.rollup.${indicator.rollup}`)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`indicators.rollupHelp.${indicator.rollup}`)}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('indicators.fields.baseline')}>
            {indicator.baseline === null ? t('common.none') : formatQuantity(Number(indicator.baseline), indicator.unit, locale)}
            {indicator.baselineOn ? ` (${formatDate(indicator.baselineOn, locale) ?? ''})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('indicators.fields.margin')}>{percent(indicator.effectiveMargin)}</Descriptions.Item>
          <Descriptions.Item label={t('indicators.fields.visibility')}>{t(`visibility.${indicator.visibility}`)}</Descriptions.Item>
          {indicator.formula ? (
            <Descriptions.Item label={t('indicators.fields.formula')} span={3}>
              <span data-testid="indicator-formula" title={indicator.formula.text}>
                {formulaWords(indicator.formula, cooperation.data?.parties ?? [], t, locale)}
              </span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('indicators.fields.units')} span={3}>
            {indicator.units.length ? indicator.units.map((u) => <Tag key={u.organizationId}>{u.organizationName}</Tag>) : t('common.none')}
          </Descriptions.Item>
          {indicator.description ? (
            <Descriptions.Item label={t('indicators.fields.description')} span={3}>
              {indicator.description}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('indicators.chart.title')}>
        <IndicatorChart indicator={indicator} />
      </Card>
      <Card
        title={t('indicators.target.title')}
        extra={
          indicator.can.edit ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'target' })} data-testid="add-target">
              {t('indicators.target.add')}
            </Button>
          ) : null
        }
      >
        <Table<IndicatorTarget> rowKey="id" size="small" columns={targetColumns} dataSource={indicator.targets} pagination={false} locale={{ emptyText: t('indicators.list.noTarget') }} data-testid="target-table" />
      </Card>
      <Card
        title={t('indicators.actual.title')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('indicators.actual.hint')}</Typography.Text>
            {indicator.can.enterActuals ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'actual' })} data-testid="add-actual">
                {t('indicators.actual.add')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<IndicatorActual> rowKey="id" size="small" columns={actualColumns} dataSource={[...indicator.actuals].reverse()} pagination={false} locale={{ emptyText: t('indicators.actual.empty') }} data-testid="actual-table" />
      </Card>
      <StatusRule margin={indicator.effectiveMargin} />
      {editing?.kind === 'indicator' && cooperation.data ? (
        <IndicatorFormModal cooperationId={indicator.cooperationId} parties={cooperation.data.parties} indicator={indicator} onClose={() => setEditing(null)} onSaved={saved} />
      ) : null}
      {editing?.kind === 'target' ? <TargetModal indicator={indicator} target={editing.target} onClose={() => setEditing(null)} onSaved={saved} /> : null}
      {editing?.kind === 'actual' ? (
        <ActualModal indicator={indicator} periods={periods.data?.items ?? []} today={todayIso()} actual={editing.actual} onClose={() => setEditing(null)} onSaved={saved} />
      ) : null}
    </Space>
  );
}
