import { AlertOutlined, AuditOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Progress, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ledgerExportUrl } from '../api/ledger-exchange.ts';
import { tasksApi, type LedgerQuery, type TaskListItem, type TaskPriority } from '../api/tasks.ts';
import type { Cooperation, Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { BulkActions } from '../tasks/bulk-actions.tsx';
import { DueDate } from '../tasks/due-date.tsx';
import { LedgerFilters } from '../tasks/ledger-filters.tsx';
import { ledgerParamsFrom, ledgerQueryFrom } from '../tasks/ledger-query.ts';
import { NewTaskModal } from '../tasks/new-task-modal.tsx';
import { StatusChips } from '../tasks/status-chips.tsx';
import { StatusSelect } from '../tasks/status-select.tsx';
import { PriorityTag } from '../tasks/task-tags.tsx';

/** antd's error red, so a late task's bar still shows its percent rather than a cross. */
const OVERDUE_RED = '#ff4d4f';

function unitName(task: TaskListItem, partyId: string): string | undefined {
  return task.sides.find((side) => side.partyId === partyId)?.lead?.name;
}

function Ledger({ cooperation, parties }: { cooperation: Cooperation; parties: Party[] }) {
  const cooperationId = cooperation.id;
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = ledgerQueryFrom(params);
  const { data, error, loading, reload } = useApi(() => tasksApi.ledger(cooperationId, query), `${cooperationId}?${params.toString()}`);
  const [creating, setCreating] = useState(false);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  // Changing many tasks at once is the offices' work, as creating them is; the server still checks each one.
  const bulk = cooperation.can.createTasks;
  const selected = (data?.items ?? []).filter((task) => selectedIds.includes(task.id));

  const change = (patch: Partial<LedgerQuery>) => setParams(ledgerParamsFrom({ ...query, page: 1, ...patch }));

  const columns: TableColumnsType<TaskListItem> = [
    {
      title: t('tasks.title'),
      dataIndex: 'title',
      render: (title: string, task) => (
        <Space size={4} wrap>
          <Link to={`/tasks/${task.id}`}>{title}</Link>
          {task.overdue ? <Tag color="error">{t('tasks.overdueTag')}</Tag> : null}
          {task.closeRequested ? <Tag color="purple">{t('tasks.closeRequestedTag')}</Tag> : null}
        </Space>
      ),
    },
    ...parties.map(
      (party): TableColumnsType<TaskListItem>[number] => ({
        title: t('tasks.leadUnit', { party: party.name }),
        key: `lead-${party.id}`,
        width: 180,
        render: (_, task) => unitName(task, party.id) ?? <Typography.Text type="secondary">{t('tasks.none')}</Typography.Text>,
      }),
    ),
    {
      title: t('tasks.status'),
      key: 'status',
      width: 120,
      render: (_, task) => <StatusSelect task={task} editable={task.can.updateProgress} onChanged={reload} />,
    },
    {
      title: t('tasks.percent'),
      dataIndex: 'percent',
      width: 130,
      render: (percent: number, task) => (
        <Progress percent={percent} size="small" strokeColor={task.overdue ? OVERDUE_RED : undefined} format={(value) => `${value ?? 0}%`} />
      ),
    },
    {
      title: t('tasks.milestones'),
      key: 'milestones',
      width: 80,
      align: 'center',
      render: (_, task) => t('tasks.milestoneCount', { done: task.milestoneCounts.done, total: task.milestoneCounts.total }),
    },
    {
      title: t('tasks.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (dueOn: string | null, task) => <DueDate dueOn={dueOn} overdue={task.overdue} />,
    },
    { title: t('tasks.priority'), dataIndex: 'priority', width: 80, render: (priority: TaskPriority) => <PriorityTag priority={priority} /> },
  ];

  return (
    <Card
      title={t('tasks.ledgerTitle')}
      extra={
        <Space wrap>
          {/* The file holds what the page lists: the same filters go to the export. */}
          <Button icon={<DownloadOutlined />} href={ledgerExportUrl(cooperationId, query, 'xlsx', i18n.language === 'en' ? 'en' : 'zh-CN')} data-testid="ledger-export">
            {t('ledgerImport.export')}
          </Button>
          {cooperation.can.importTasks ? (
            <Link to={`/cooperations/${cooperationId}/tasks/import`}>
              <Button icon={<UploadOutlined />} data-testid="ledger-import">
                {t('ledgerImport.button')}
              </Button>
            </Link>
          ) : null}
          {cooperation.can.createTasks ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-task">
              {t('tasks.create.button')}
            </Button>
          ) : null}
          {cooperation.can.readAudit ? (
            <>
              <Link to={`/cooperations/${cooperationId}/supervision`}>
                <Button icon={<AlertOutlined />}>{t('supervision.nav')}</Button>
              </Link>
              <Link to={`/cooperations/${cooperationId}/audit`}>
                <Button icon={<AuditOutlined />}>{t('audit.nav')}</Button>
              </Link>
            </>
          ) : null}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <LedgerFilters key={params.toString() === '' ? 'clear' : 'set'} query={query} parties={parties} onChange={change} onClear={() => setParams(new URLSearchParams())} />
        <StatusChips counts={data?.countsByStatus} selected={query.status ?? []} onChange={(status) => change({ status: status.length > 0 ? status : undefined })} />
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {bulk && selected.length > 0 ? (
          <BulkActions
            selected={selected}
            parties={parties}
            ownSides={parties.filter((p) => p.can.manageTasks).map((p) => p.id)}
            onDone={() => {
              setSelectedIds([]);
              reload();
            }}
          />
        ) : null}
        <Table<TaskListItem>
          rowKey="id"
          size="small"
          bordered
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          rowSelection={bulk ? { selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys.map(String)), columnWidth: 36 } : undefined}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('tasks.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page) => setParams(ledgerParamsFrom({ ...query, page })),
          }}
          data-testid="task-ledger"
        />
      </Space>
      {creating ? (
        <NewTaskModal
          cooperationId={cooperationId}
          parties={parties}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            reload();
          }}
        />
      ) : null}
    </Card>
  );
}

export default function TaskLedgerPage() {
  const { t } = useTranslation();
  const { cooperationId = '' } = useParams();
  const { data: cooperation, error, loading, reload } = useApi(() => api.cooperation(cooperationId), cooperationId);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading || !cooperation) return <PageLoading />;
  const parties = [...cooperation.parties].sort((a, b) => a.ordinal - b.ordinal);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link> },
          { title: t('tasks.ledgerTitle') },
        ]}
      />
      <Ledger cooperation={cooperation} parties={parties} />
    </Space>
  );
}
