import { AlertOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Progress, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { reportsApi } from '../api/reports.ts';
import { tasksApi, type TaskDetail, type TaskSide } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { useMarkTaskRead } from '../notifications/use-mark-task-read.ts';
import { ReportForm } from '../reports/report-form.tsx';
import { ReportTimeline } from '../reports/report-timeline.tsx';
import { useMe } from '../session/session-context.tsx';
import { addDaysIso, todayIso } from '../tasks/calendar.ts';
import { ClosurePanel } from '../tasks/closure-panel.tsx';
import { CommentList } from '../tasks/comment-list.tsx';
import { DueDate } from '../tasks/due-date.tsx';
import { EditTaskModal } from '../tasks/edit-task-modal.tsx';
import { IssueNoticeModal } from '../tasks/issue-notice-modal.tsx';
import { MilestoneList } from '../tasks/milestone-list.tsx';
import { NoticeList } from '../tasks/notice-list.tsx';
import { StatusSelect } from '../tasks/status-select.tsx';
import { PriorityTag } from '../tasks/task-tags.tsx';

function SidesTable({ sides }: { sides: TaskSide[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TaskSide> = [
    { title: t('tasks.side'), dataIndex: 'partyName', width: 120, render: (name: string) => <strong>{name}</strong> },
    {
      title: t('tasks.leadUnits'),
      key: 'lead',
      render: (_, side) => side.lead?.name ?? <Typography.Text type="secondary">{t('tasks.none')}</Typography.Text>,
    },
    {
      title: t('tasks.coUnits'),
      key: 'co',
      render: (_, side) => (side.co.length > 0 ? side.co.map((unit) => <Tag key={unit.organizationId}>{unit.name}</Tag>) : t('common.none')),
    },
  ];
  return <Table<TaskSide> rowKey="partyId" size="small" bordered pagination={false} columns={columns} dataSource={sides} data-testid="task-sides" />;
}

/** Correcting and deleting the task, for those who manage it (the server's `can.edit`). */
function TaskActions({ task, parties, onSaved }: { task: TaskDetail; parties: Party[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (!task.can.edit) return null;

  const remove = async () => {
    setDeleting(true);
    try {
      await tasksApi.delete(task);
      message.success(t('tasks.edit.deleted', { title: task.title }));
      void navigate(`/cooperations/${task.cooperationId}/tasks`);
    } catch (error) {
      message.error(errorMessage(error, t));
      setDeleting(false);
    }
  };

  return (
    <Space wrap>
      <Button size="small" icon={<EditOutlined />} disabled={parties.length === 0} onClick={() => setEditing(true)}>
        {t('tasks.edit.button')}
      </Button>
      <Popconfirm
        title={t('tasks.edit.deleteConfirm')}
        description={t('tasks.edit.deleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => void remove()}
      >
        <Button size="small" danger icon={<DeleteOutlined />} loading={deleting}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
      {editing ? (
        <EditTaskModal
          task={task}
          parties={parties}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      ) : null}
    </Space>
  );
}

/** The progress reports and, for the task's own units, the form to report. */
function Reports({ task, onChanged }: { task: TaskDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [version, setVersion] = useState(0);
  const { data, error, reload } = useApi(
    () => Promise.all([reportsApi.ofTask(task.id), reportsApi.periods(task.cooperationId)]),
    `${task.id}#${version}`,
  );
  const refresh = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const [reports, periods] = data;
  const ownReports = reports.items.filter((r) => r.organizationId === me.user.organizationId);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('reports.title')}>
        <ReportTimeline reports={reports.items} sides={task.sides} milestones={task.milestones} onChanged={refresh} />
      </Card>
      {task.can.report && task.can.updateProgress ? (
        <Card title={t('reports.submitTitle')}>
          <ReportForm
            key={version}
            taskId={task.id}
            cooperationId={task.cooperationId}
            periods={periods.items}
            milestones={task.milestones}
            ownReports={ownReports}
            today={todayIso()}
            onSubmitted={refresh}
          />
        </Card>
      ) : null}
    </Space>
  );
}

export default function TaskPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { taskId = '' } = useParams();
  const { data: task, error, loading, reload } = useApi(() => tasksApi.task(taskId), taskId);
  useMarkTaskRead(task?.id);
  const cooperationId = task?.cooperationId ?? '';
  const { data: cooperation } = useApi(() => (cooperationId ? api.cooperation(cooperationId) : Promise.resolve(undefined)), cooperationId);
  const [issuing, setIssuing] = useState(false);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !task) return <PageLoading />;
  if (!task) return <PageLoading />;
  const parties = [...(cooperation?.parties ?? [])].sort((a, b) => a.ordinal - b.ordinal);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${task.cooperationId}`}>{cooperation?.name ?? '…'}</Link> },
          { title: <Link to={`/cooperations/${task.cooperationId}/tasks`}>{t('tasks.ledgerTitle')}</Link> },
          { title: task.title },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title={
                <Space wrap>
                  <span data-testid="task-title">{task.title}</span>
                  {task.overdue ? <Tag color="error">{t('tasks.overdueTag')}</Tag> : null}
                  {task.closeRequested ? <Tag color="purple">{t('tasks.closeRequestedTag')}</Tag> : null}
                </Space>
              }
              extra={<TaskActions task={task} parties={parties} onSaved={reload} />}
            >
              <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('tasks.status')}>
                  <StatusSelect task={task} editable={task.can.updateProgress} onChanged={reload} />
                </Descriptions.Item>
                <Descriptions.Item label={t('tasks.percent')}>
                  <Progress percent={task.percent} size="small" style={{ minWidth: 120, margin: 0 }} />
                </Descriptions.Item>
                <Descriptions.Item label={t('tasks.priority')}>
                  <PriorityTag priority={task.priority} />
                </Descriptions.Item>
                <Descriptions.Item label={t('tasks.startOn')}>{formatDate(task.startOn, locale) ?? t('common.none')}</Descriptions.Item>
                <Descriptions.Item label={t('tasks.dueOn')}>
                  <DueDate dueOn={task.dueOn} overdue={task.overdue} />
                </Descriptions.Item>
                <Descriptions.Item label={t('tasks.joint')}>{task.joint ? t('tasks.jointYes') : t('tasks.jointNo')}</Descriptions.Item>
                <Descriptions.Item label={t('tasks.owners')} span={2}>
                  {task.owners.length > 0 ? task.owners.map((o) => o.displayName).join(t('common.listSeparator')) : t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('tasks.tags')}>{task.tags.length > 0 ? task.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('common.none')}</Descriptions.Item>
                <Descriptions.Item label={t('tasks.clauses')} span={3}>
                  {task.clauses.length > 0
                    ? task.clauses.map((c) => (
                        <Link key={c.id} to={`/agreements/${c.agreementId}`} style={{ marginInlineEnd: 12 }}>
                          {c.label} {c.title}
                        </Link>
                      ))
                    : t('common.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('tasks.description')} span={3}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{task.description || t('common.none')}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('tasks.sides')}>
              <SidesTable sides={task.sides} />
            </Card>
            <Reports task={task} onChanged={reload} />
            <Card title={t('tasks.comments')}>
              <CommentList subject={{ type: 'task', id: task.id }} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('tasks.milestones')}>
              <MilestoneList taskId={task.id} milestones={task.milestones} editable={task.can.updateProgress} onChanged={reload} />
            </Card>
            <Card title={t('tasks.closure')}>
              <ClosurePanel task={task} onChanged={reload} />
            </Card>
            <Card
              title={t('supervision.notices')}
              extra={
                task.can.issueNotice ? (
                  <Button size="small" danger icon={<AlertOutlined />} onClick={() => setIssuing(true)}>
                    {t('supervision.issue')}
                  </Button>
                ) : null
              }
            >
              <NoticeList notices={task.supervisionNotices} onChanged={reload} />
            </Card>
          </Space>
        </Col>
      </Row>
      <IssueNoticeModal task={issuing ? task : null} defaultDeadline={addDaysIso(todayIso(), 7)} onClose={() => setIssuing(false)} onIssued={reload} />
    </Space>
  );
}
