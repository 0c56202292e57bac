import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { reportsApi, type Report } from '../api/reports.ts';
import type { Milestone, TaskSide } from '../api/tasks.ts';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { figureValue } from './figure-value.ts';
import { ReasonModal } from './reason-modal.tsx';
import { ReportEvidence } from './report-evidence.tsx';
import { ReportStatusTag } from './report-status-tag.tsx';

interface Props {
  reports: Report[];
  sides: TaskSide[];
  milestones: Milestone[];
  /** The sides whose cooperation office the user is: they review for those sides. */
  reviewingSides: string[];
  onChanged: () => void;
}

/** Where each deciding side stands on the report in its current round. */
function SideStates({ report, sides }: { report: Report; sides: TaskSide[] }) {
  const { t } = useTranslation();
  const partyName = (partyId: string) => sides.find((s) => s.partyId === partyId)?.partyName ?? partyId;
  return (
    <Space size={4} wrap>
      {report.decidingSides.map((partyId) => {
        const review = report.reviews.find((r) => r.round === report.round && r.partyId === partyId);
        const awaiting = report.status === 'submitted' && report.awaitingSides.includes(partyId);
        let icon = <ClockCircleOutlined />;
        let color = 'default';
        let state = t('reports.awaiting');
        if (review?.decision === 'approved') [icon, color, state] = [<CheckCircleFilled key="ok" />, 'success', t('tasks.approved')];
        else if (review?.decision === 'returned') [icon, color, state] = [<CloseCircleFilled key="no" />, 'warning', t('tasks.returned')];
        else if (!awaiting) state = t('common.none');
        return (
          <Tag key={partyId} icon={icon} color={color} data-side-state={review?.decision ?? 'awaiting'}>
            {t('reports.sideState', { party: partyName(partyId), state })}
          </Tag>
        );
      })}
    </Space>
  );
}

function ReportEntry({ report, sides, milestones, reviewingSides, onChanged }: Omit<Props, 'reports'> & { report: Report }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [approving, setApproving] = useState(false);
  const mayReview = report.status === 'submitted' && report.awaitingSides.some((partyId) => reviewingSides.includes(partyId));
  const reached = milestones.filter((m) => report.milestonesReached.includes(m.id));

  const approve = () => {
    setApproving(true);
    reportsApi.review(report.id, 'approved').then(
      () => {
        message.success(t('reports.approvedToast'));
        setApproving(false);
        onChanged();
      },
      (error: unknown) => {
        message.error(errorMessage(error, t));
        setApproving(false);
      },
    );
  };

  const giveBack = async (reason: string) => {
    try {
      await reportsApi.review(report.id, 'returned', reason);
    } catch (error) {
      message.error(errorMessage(error, t));
      throw error;
    }
    message.success(t('reports.returnedToast'));
    setReturning(false);
    onChanged();
  };

  return (
    <div data-testid="report-entry" data-report-id={report.id}>
      <Space size={8} wrap style={{ marginBottom: 6 }}>
        <strong>{report.periodLabel}</strong>
        <span>{report.organizationName}</span>
        <ReportStatusTag status={report.status} />
        {report.revision > 1 ? <Tag>{t('reports.revision', { revision: report.revision })}</Tag> : null}
        <SideStates report={report} sides={sides} />
      </Space>
      <Descriptions size="small" column={1} colon={false} styles={{ label: { width: 136, color: 'rgba(0,0,0,0.45)' } }}>
        <Descriptions.Item label={t('reports.percent')}>
          <Progress percent={report.percent} size="small" style={{ maxWidth: 240, margin: 0 }} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.narrative')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{report.narrative || t('common.none')}</Typography.Paragraph>
        </Descriptions.Item>
        {reached.length > 0 ? (
          <Descriptions.Item label={t('reports.milestonesReached')}>
            {reached.map((m) => (
              <Tag key={m.id} color="green">
                {m.title}
              </Tag>
            ))}
          </Descriptions.Item>
        ) : null}
        {report.figures.length > 0 ? (
          <Descriptions.Item label={t('reports.figures')}>
            <Space size={[16, 4]} wrap>
              {report.figures.map((figure) => (
                <span key={figure.name}>
                  {figure.name}：<strong>{figureValue(figure, locale)}</strong>
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('reports.evidence')}>
          <ReportEvidence reportId={report.id} version={report.version} />
        </Descriptions.Item>
        {report.returnReason ? (
          <Descriptions.Item label={t('reports.returnReason')}>
            <Typography.Text type="warning">{report.returnReason}</Typography.Text>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('reports.author')}>
          {report.author?.displayName ?? t('tasks.system')}
          {report.submittedAt ? <Typography.Text type="secondary"> · {formatDateTime(report.submittedAt, locale)}</Typography.Text> : null}
        </Descriptions.Item>
      </Descriptions>
      {mayReview ? (
        <Space style={{ marginTop: 4 }}>
          <Button type="primary" size="small" loading={approving} onClick={approve} data-testid="approve-report">
            {t('reports.approve')}
          </Button>
          <Button size="small" danger onClick={() => setReturning(true)} data-testid="return-report">
            {t('reports.return')}
          </Button>
        </Space>
      ) : null}
      <ReasonModal
        open={returning}
        title={t('reports.return')}
        placeholder={t('reports.reasonPlaceholder')}
        onCancel={() => setReturning(false)}
        onSubmit={giveBack}
      />
    </div>
  );
}

const DOT_COLORS = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange' } as const;

/** A task's progress reports, newest first, each with where every side's review stands. */
export function ReportTimeline({ reports, ...rest }: Props) {
  const { t } = useTranslation();
  if (reports.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} />;
  return (
    <Timeline
      data-testid="report-timeline"
      items={reports.map((report) => ({
        key: report.id,
        color: DOT_COLORS[report.status],
        content: <ReportEntry report={report} {...rest} />,
      }))}
    />
  );
}
