import { PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { indicatorsApi, type Indicator } from '../api/indicators.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { currentLocale } from '../i18n/i18n.ts';
import { IndicatorChart } from '../indicators/indicator-chart.tsx';
import { IndicatorFormModal } from '../indicators/indicator-form-modal.tsx';
import { IndicatorStatusTag } from '../indicators/indicator-status-tag.tsx';
import { formatQuantity } from '../indicators/quantity.ts';
import { StatusRule } from '../indicators/status-rule.tsx';
import { targetText } from '../indicators/target-text.ts';

/** The target that matters now: the first whose year is not over, else the last (as the server's headline status). */
function currentTarget(indicator: Indicator) {
  const year = new Date().getFullYear();
  return indicator.targets.find((t) => t.year === null || t.year >= year) ?? indicator.targets.at(-1);
}

/** A cooperation's indicators: each with its current target, latest value, status and a small chart of actuals against the target line. */
export default function IndicatorListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { cooperationId = '' } = useParams();
  const cooperation = useApi(() => api.cooperation(cooperationId), cooperationId);
  const { data, error, loading, reload } = useApi(() => indicatorsApi.list(cooperationId), cooperationId);
  const [creating, setCreating] = useState(false);

  if (error ?? cooperation.error) return <LoadError error={error ?? cooperation.error} onRetry={reload} />;
  if (loading || !data || !cooperation.data) return <PageLoading />;

  const columns: TableColumnsType<Indicator> = [
    {
      title: t('indicators.fields.name'),
      dataIndex: 'name',
      render: (name: string, indicator) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/indicators/${indicator.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`indicators.rollup.${indicator.rollup}`)} · {t(`indicators.direction.${indicator.direction}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('indicators.list.target'),
      key: 'target',
      width: 200,
      render: (_, indicator) => {
        const target = currentTarget(indicator);
        return target ? `${target.year ?? ''} ${targetText(target, indicator.unit, locale)}` : <Typography.Text type="secondary">{t('indicators.list.noTarget')}</Typography.Text>;
      },
    },
    {
      title: t('indicators.list.actual'),
      key: 'actual',
      width: 150,
      align: 'right',
      render: (_, indicator) => {
        const latest = indicator.series.at(-1);
        return latest ? formatQuantity(latest.value, indicator.unit, locale) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
      },
    },
    { title: t('indicators.list.status'), key: 'status', width: 110, render: (_, indicator) => <IndicatorStatusTag status={indicator.status} testId="indicator-status" /> },
    { title: t('indicators.list.chart'), key: 'chart', width: 200, render: (_, indicator) => <IndicatorChart indicator={indicator} mini /> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperationId}`}>{cooperation.data.name}</Link> },
          { title: t('indicators.nav') },
        ]}
      />
      <Card
        title={t('indicators.list.title')}
        extra={
          data.can.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-indicator">
              {t('indicators.list.create')}
            </Button>
          ) : null
        }
      >
        <Table<Indicator>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data.items}
          pagination={false}
          locale={{ emptyText: t('indicators.list.empty') }}
          data-testid="indicator-table"
          scroll={{ x: 900 }}
        />
      </Card>
      <StatusRule />
      {creating ? (
        <IndicatorFormModal cooperationId={cooperationId} parties={cooperation.data.parties} onClose={() => setCreating(false)} onSaved={(created) => void navigate(`/indicators/${created.id}`)} />
      ) : null}
    </Space>
  );
}
