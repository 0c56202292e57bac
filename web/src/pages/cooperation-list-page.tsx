import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import type { CooperationListItem, CooperationStatus } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { StatusTag } from '../common/status-tag.tsx';
import { useMe } from '../session/session-context.tsx';
import { NewCooperationModal } from '../setup/new-cooperation-modal.tsx';

const STATUSES: CooperationStatus[] = ['draft', 'active', 'suspended', 'closed'];
const PAGE_SIZE = 20;

function parseStatus(value: string | null): CooperationStatus | undefined {
  return STATUSES.find((status) => status === value);
}

function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The cooperations the user may see; search, filter and page live in the URL so a view can be shared. */
export default function CooperationListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const q = params.get('q') ?? '';
  const status = parseStatus(params.get('status'));
  const page = parsePage(params.get('page'));

  const { data, error, loading, reload } = useApi(
    () => api.cooperations({ q, status, page, pageSize: PAGE_SIZE }),
    JSON.stringify([q, status, page]),
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const columns: TableColumnsType<CooperationListItem> = [
    {
      title: t('cooperationList.name'),
      dataIndex: 'name',
      width: 300,
      render: (name: string, row) => (
        <div>
          <Link to={`/cooperations/${row.id}`}>{name}</Link>
          {row.summary ? (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
              {row.summary}
            </Typography.Paragraph>
          ) : null}
        </div>
      ),
    },
    {
      title: t('cooperationList.parties'),
      key: 'parties',
      width: 260,
      render: (_, row) => row.parties.map((party) => party.name).join(t('common.listSeparator')),
    },
    { title: t('cooperationList.agreementCount'), dataIndex: 'agreementCount', width: 100, align: 'right' },
    {
      title: t('cooperationList.status'),
      dataIndex: 'status',
      width: 110,
      render: (value: CooperationStatus) => <StatusTag status={value} />,
    },
  ];

  return (
    <Card
      title={t('cooperationList.title')}
      extra={
        <Space wrap>
          {me.can.register ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-cooperation">
              {t('setup.create.open')}
            </Button>
          ) : null}
          <Select<CooperationStatus | ''>
            aria-label={t('cooperationList.statusFilter')}
            value={status ?? ''}
            onChange={(value) => update({ status: value || undefined, page: undefined })}
            style={{ width: 130 }}
            options={[
              { value: '', label: t('cooperationList.allStatuses') },
              ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
            ]}
          />
          <Input.Search
            key={q}
            allowClear
            defaultValue={q}
            placeholder={t('cooperationList.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
            style={{ width: 280 }}
            data-testid="cooperation-search"
          />
        </Space>
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<CooperationListItem>
          rowKey="id"
          size="small"
          bordered
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('cooperationList.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage) => update({ page: nextPage > 1 ? String(nextPage) : undefined }),
          }}
        />
      )}
      {creating ? <NewCooperationModal onClose={() => setCreating(false)} onCreated={(created) => void navigate(`/cooperations/${created.id}`)} /> : null}
    </Card>
  );
}
