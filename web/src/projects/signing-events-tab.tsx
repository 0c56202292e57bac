import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SigningEvent, SigningEventList } from '../api/projects.ts';
import { LoadError } from '../common/load-error.tsx';
import { formatDate } from '../format/date.ts';
import { formatAmounts } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { rate } from './project-words.ts';
import { SigningEventFormModal } from './signing-event-form-modal.tsx';

/** The cooperation's 签约活动 with what leaders ask of each: count, amount, 履约率, 开工率, 资金到位率. */
export function SigningEventsTab({ cooperationId, list, error, reload }: { cooperationId: string; list: SigningEventList | undefined; error: unknown; reload: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<SigningEvent> = [
    { title: t('projects.events.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/signing-events/${row.id}`}>{name}</Link> },
    { title: t('projects.events.heldOn'), dataIndex: 'heldOn', width: 130, render: (d: string) => formatDate(d, locale) },
    { title: t('projects.events.place'), dataIndex: 'place', width: 100, render: (p: string | null) => p ?? '—' },
    { title: t('projects.events.projects'), key: 'projects', width: 100, align: 'right', render: (_, e) => e.figures.projects },
    { title: t('projects.events.contracted'), key: 'contracted', width: 130, align: 'right', render: (_, e) => formatAmounts(e.figures.contracted, locale) },
    { title: t('projects.events.inPlace'), key: 'inPlace', width: 130, align: 'right', render: (_, e) => formatAmounts(e.figures.inPlace, locale) },
    { title: t('projects.events.fulfilmentRate'), key: 'f', width: 90, align: 'right', render: (_, e) => rate(e.figures.fulfilmentRate) },
    { title: t('projects.events.startRate'), key: 's', width: 90, align: 'right', render: (_, e) => rate(e.figures.startRate) },
    { title: t('projects.events.fundsRate'), key: 'r', width: 110, align: 'right', render: (_, e) => rate(e.figures.fundsRate) },
  ];
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        {list?.can.create ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="create-event">
            {t('projects.events.create')}
          </Button>
        ) : null}
        <Typography.Text type="secondary">{t('projects.events.ratesHint')}</Typography.Text>
      </Space>
      <Table<SigningEvent> rowKey="id" size="small" bordered columns={columns} dataSource={list?.items ?? []} scroll={{ x: 'max-content' }} loading={!list} pagination={false} locale={{ emptyText: t('projects.events.empty') }} data-testid="event-table" />
      {creating ? <SigningEventFormModal cooperationId={cooperationId} onClose={() => setCreating(false)} onSaved={(e) => void navigate(`/signing-events/${e.id}`)} /> : null}
    </Space>
  );
}
