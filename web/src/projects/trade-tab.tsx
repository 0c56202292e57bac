import { Button, Card, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CROSS_SIDE_KINDS, projectsApi, type CrossSideList, type CrossSideTransaction } from '../api/projects.ts';
import type { Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { useRowAction } from '../common/use-row-action.ts';
import { formatDate } from '../format/date.ts';
import { formatAmount } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { partyName } from './project-words.ts';
import { TradeFormModal } from './trade-form-modal.tsx';

const quantityOf = (value: string | null, unit: string | null, locale: string) => (value === null ? '—' : `${new Intl.NumberFormat(locale).format(Number(value))}${unit ? ` ${unit}` : ''}`);

/** Trade between the sides (绿证, procurement, SOE investment, tourism): entries and their totals per quarter. */
export function TradeTab({ cooperationId, parties }: { cooperationId: string; parties: Party[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [kind, setKind] = useState<string | undefined>();
  const [editing, setEditing] = useState<CrossSideTransaction | 'new' | null>(null);
  const { data, error, reload } = useApi(() => projectsApi.trade(cooperationId, { kind, pageSize: 200 }), `${cooperationId}:${kind ?? ''}`);
  const { busy, run } = useRowAction(reload);
  const columns: TableColumnsType<CrossSideTransaction> = [
    { title: t('projects.trade.on'), dataIndex: 'on', width: 130, render: (d: string) => formatDate(d, locale) },
    { title: t('projects.trade.kind'), dataIndex: 'kind', width: 150, render: (k: CrossSideTransaction['kind']) => t(`projects.tradeKind.${k}`) },
    { title: `${t('projects.trade.from')} → ${t('projects.trade.to')}`, key: 'sides', width: 140, render: (_, e) => `${partyName(parties, e.fromPartyId)} → ${partyName(parties, e.toPartyId)}` },
    { title: t('projects.trade.quantity'), key: 'q', align: 'right', width: 130, render: (_, e) => quantityOf(e.quantity, e.unit, locale) },
    { title: t('projects.trade.amountShown'), key: 'a', align: 'right', width: 130, render: (_, e) => (e.amount === null ? '—' : formatAmount(Number(e.amount), e.currency, locale)) },
    { title: t('projects.trade.note'), key: 'note', render: (_, e) => [e.note, e.reason].filter(Boolean).join(' · ') },
    {
      title: '',
      key: 'actions',
      width: 140,
      render: (_, e) =>
        e.can.edit ? (
          <Space>
            <Button size="small" onClick={() => setEditing(e)}>
              {t('projects.trade.edit')}
            </Button>
            <Popconfirm title={t('projects.trade.deleteConfirm')} onConfirm={() => run(e.id, () => projectsApi.deleteTrade(e))}>
              <Button size="small" danger loading={busy === e.id}>
                {t('projects.trade.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];
  const totalsColumns: TableColumnsType<CrossSideList['totals'][number]> = [
    { title: t('projects.trade.quarter'), dataIndex: 'key', width: 120 },
    { title: t('projects.trade.entries'), dataIndex: 'entries', width: 80, align: 'right' },
    { title: t('projects.trade.quantity'), key: 'q', align: 'right', render: (_, g) => quantityOf(g.quantity, g.unit, locale) },
    { title: t('projects.trade.amountShown'), key: 'a', align: 'right', render: (_, g) => (g.amount === null ? '—' : formatAmount(Number(g.amount), g.currency, locale)) },
  ];
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Select allowClear placeholder={t('projects.trade.kind')} style={{ width: 200 }} options={CROSS_SIDE_KINDS.map((k) => ({ value: k, label: t(`projects.tradeKind.${k}`) }))} onChange={(v?: string) => setKind(v)} />
        {data?.can.create ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="create-trade">
            {t('projects.trade.create')}
          </Button>
        ) : null}
      </Space>
      <Table<CrossSideTransaction> rowKey="id" size="small" bordered loading={!data} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 1000 }} pagination={{ pageSize: 20 }} locale={{ emptyText: t('projects.trade.empty') }} data-testid="trade-table" />
      <Card size="small" title={t('projects.trade.totals')}>
        <Table rowKey={(g) => `${g.key}:${g.unit}:${g.currency}`} size="small" pagination={false} columns={totalsColumns} dataSource={data?.totals ?? []} data-testid="trade-totals" />
      </Card>
      {editing ? (
        <TradeFormModal
          cooperationId={cooperationId}
          parties={parties}
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}
