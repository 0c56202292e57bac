import { Badge, Card, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { reportsApi, type InboxItem, type InboxState, type ReportStatus } from '../api/reports.ts';
import { tasksApi, type TaskListItem } from '../api/tasks.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { ReportStatusTag } from '../reports/report-status-tag.tsx';
import { DueDate } from '../tasks/due-date.tsx';
import { PriorityTag, TaskStatusTag } from '../tasks/task-tags.tsx';

type Tab = 'to_submit' | 'to_review' | 'returned' | 'overdue';
const TABS: readonly Tab[] = ['to_submit', 'to_review', 'returned', 'overdue'];
const isTab = (value: string | null): value is Tab => TABS.some((tab) => tab === value);

const LABELS = { to_submit: 'myWork.toSubmit', to_review: 'myWork.toReview', returned: 'myWork.returned', overdue: 'myWork.overdue' } as const;
const EMPTY = { to_submit: 'myWork.emptyToSubmit', to_review: 'myWork.emptyToReview', returned: 'myWork.emptyReturned', overdue: 'myWork.emptyOverdue' } as const;

/** Everything the inbox counts, loaded at once so every tab shows its number. */
function loadAll() {
  return Promise.all([
    reportsApi.inbox('to_submit'),
    reportsApi.inbox('to_review'),
    reportsApi.inbox('returned'),
    tasksApi.mine({ overdue: true, pageSize: 200 }),
  ]);
}

function ReportInbox({ items, state }: { items: InboxItem[]; state: InboxState }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns: TableColumnsType<InboxItem> = [
    { title: t('myWork.task'), dataIndex: 'taskTitle', render: (title: string, item) => <Link to={`/tasks/${item.taskId}`}>{title}</Link> },
    { title: t('myWork.period'), dataIndex: 'periodLabel', width: 160 },
    {
      title: t('myWork.dueOn'),
      dataIndex: 'dueOn',
      width: 150,
      render: (dueOn: string) => formatDate(dueOn, locale),
    },
    {
      title: t('myWork.reportStatus'),
      dataIndex: 'reportStatus',
      width: 120,
      render: (status: ReportStatus | null) => (status ? <ReportStatusTag status={status} /> : <Typography.Text type="secondary">{t('myWork.notStarted')}</Typography.Text>),
    },
    { title: '', key: 'open', width: 80, render: (_, item) => <Link to={`/tasks/${item.taskId}`}>{t('myWork.open')}</Link> },
  ];
  return (
    <Table<InboxItem>
      rowKey={(item) => `${item.taskId}:${item.periodId}:${item.partyId}`}
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: t(EMPTY[state]) }}
      data-testid={`inbox-${state}`}
    />
  );
}

function OverdueTasks({ items }: { items: (TaskListItem & { cooperationName: string })[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TaskListItem & { cooperationName: string }> = [
    { title: t('myWork.task'), dataIndex: 'title', render: (title: string, task) => <Link to={`/tasks/${task.id}`}>{title}</Link> },
    {
      title: t('myWork.cooperation'),
      dataIndex: 'cooperationName',
      width: 200,
      render: (name: string, task) => <Link to={`/cooperations/${task.cooperationId}/tasks`}>{name}</Link>,
    },
    { title: t('tasks.status'), dataIndex: 'status', width: 100, render: (_, task) => <TaskStatusTag status={task.status} /> },
    { title: t('tasks.dueOn'), dataIndex: 'dueOn', width: 140, render: (dueOn: string | null, task) => <DueDate dueOn={dueOn} overdue={task.overdue} /> },
    { title: t('tasks.priority'), dataIndex: 'priority', width: 80, render: (_, task) => <PriorityTag priority={task.priority} /> },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: t(EMPTY.overdue) }}
      data-testid="inbox-overdue"
    />
  );
}

export default function MyWorkPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: Tab = isTab(requested) ? requested : 'to_submit';
  const { data, error, loading, reload } = useApi(loadAll, 'my-work');

  const counts: Record<Tab, number | undefined> = {
    to_submit: data?.[0].items.length,
    to_review: data?.[1].items.length,
    returned: data?.[2].items.length,
    overdue: data?.[3].total,
  };
  const body = (tab: Tab) => {
    if (!data) return null;
    if (tab === 'overdue') return <OverdueTasks items={data[3].items} />;
    const index = tab === 'to_submit' ? 0 : tab === 'to_review' ? 1 : 2;
    return <ReportInbox items={data[index].items} state={tab} />;
  };

  return (
    <Card title={t('myWork.title')} loading={loading && !data}>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams(tab === 'to_submit' ? {} : { tab })}
        items={TABS.map((tab) => ({
          key: tab,
          label: (
            <span data-testid={`tab-${tab}`}>
              {t(LABELS[tab])} <Badge count={counts[tab] ?? 0} showZero={false} color={tab === 'overdue' || tab === 'returned' ? 'red' : 'blue'} />
            </span>
          ),
          children: body(tab),
        }))}
      />
    </Card>
  );
}
