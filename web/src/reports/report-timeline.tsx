import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, MessageOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, List, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { reportsApi, type Report, type ReportReview } from '../api/reports.ts';
import type { Milestone, TaskSide } from '../api/tasks.ts';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { formatQuantity } from '../indicators/quantity.ts';
import { CommentList } from '../tasks/comment-list.tsx';
import { figureValue } from './figure-value.ts';
import { ReasonModal } from './reason-modal.tsx';
import { ReportEvidence } from './report-evidence.tsx';
import { ReportStatusTag } from './report-status-tag.tsx';

interface Props {
  reports: Report[];
  sides: TaskSide[];
  milestones: Milestone[];
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

/** Every decision on the report, round by round: which side, who, when, and the opinion or reason given. */
function ReviewHistory({ reviews, sides }: { reviews: ReportReview[]; sides: TaskSide[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (reviews.length === 0) return null;
  const partyName = (partyId: string) => sides.find((s) => s.partyId === partyId)?.partyName ?? partyId;
  return (
    <List<ReportReview>
      size="small"
      split={false}
      dataSource={reviews}
      data-testid="review-history"
      renderItem={(review) => (
        <List.Item style={{ padding: '2px 0', display: 'block' }} data-decision={review.decision}>
          <Space size={6} wrap>
            <Typography.Text type="secondary">{t('reports.round', { round: review.round })}</Typography.Text>
            <strong>{partyName(review.partyId)}</strong>
            <Tag color={review.decision === 'approved' ? 'success' : 'warning'}>{t(review.decision === 'approved' ? 'tasks.approved' : 'tasks.returned')}</Tag>
            <span>{review.userName ?? t('tasks.system')}</span>
            <Typography.Text type="secondary">{formatDateTime(review.decidedAt, locale)}</Typography.Text>
          </Space>
          {review.reason ? (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text type={review.decision === 'returned' ? 'warning' : undefined}>
                {t(review.decision === 'returned' ? 'reports.reasonShown' : 'reports.opinionShown', { text: review.reason })}
              </Typography.Text>
            </div>
          ) : null}
        </List.Item>
      )}
    />
  );
}

type Decision = 'approve' | 'return' | 'revise';

function ReportEntry({ report, sides, milestones, onChanged }: Omit<Props, 'reports'> & { report: Report }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [discussing, setDiscussing] = useState(false);
  const reached = milestones.filter((m) => report.milestonesReached.includes(m.id));

  const decide = async (text: string) => {
    try {
      if (deciding === 'revise') await reportsApi.revise(report.id, text);
      else await reportsApi.review(report.id, deciding === 'approve' ? 'approved' : 'returned', text || undefined);
    } catch (error) {
      message.error(errorMessage(error, t));
      throw error;
    }
    message.success(t(deciding === 'approve' ? 'reports.approvedToast' : deciding === 'return' ? 'reports.returnedToast' : 'reports.revisionStarted'));
    setDeciding(null);
    onChanged();
  };
  const modal = {
    approve: { title: t('reports.approve'), label: t('reports.opinion'), placeholder: t('reports.opinionPlaceholder'), requiredMessage: null },
    return: { title: t('reports.return'), label: t('reports.returnReason'), placeholder: t('reports.reasonPlaceholder'), requiredMessage: t('reports.reasonRequired') },
    revise: { title: t('reports.revise'), label: t('reports.revisionReason'), placeholder: t('reports.revisionPlaceholder'), requiredMessage: t('reports.revisionReasonRequired') },
  }[deciding ?? 'approve'];

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
        {report.indicatorValues.length > 0 ? (
          <Descriptions.Item label={t('reports.indicatorValues')}>
            <Space size={[16, 4]} wrap data-testid="report-indicator-values">
              {report.indicatorValues.map((v) => (
                <span key={v.indicatorId}>
                  <Link to={`/indicators/${v.indicatorId}`}>{v.name}</Link>：<strong>{formatQuantity(v.value, v.unit, locale)}</strong>
                </span>
              ))}
              <Typography.Text type="secondary">{t(report.status === 'approved' ? 'reports.indicatorValuesOfficial' : 'reports.indicatorValuesPending')}</Typography.Text>
            </Space>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('reports.evidence')}>
          <ReportEvidence reportId={report.id} version={report.version} />
        </Descriptions.Item>
        {report.revisionReason ? (
          <Descriptions.Item label={t('reports.revisionReason')}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="revision-reason">
              {report.revisionReason}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('reports.author')}>
          {report.author?.displayName ?? t('tasks.system')}
          {report.submittedAt ? <Typography.Text type="secondary"> · {formatDateTime(report.submittedAt, locale)}</Typography.Text> : null}
        </Descriptions.Item>
        {report.reviews.length > 0 ? (
          <Descriptions.Item label={t('reports.history')}>
            <ReviewHistory reviews={report.reviews} sides={sides} />
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Space style={{ marginTop: 4 }} wrap>
        {report.can.review ? (
          <>
            <Button type="primary" size="small" onClick={() => setDeciding('approve')} data-testid="approve-report">
              {t('reports.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding('return')} data-testid="return-report">
              {t('reports.return')}
            </Button>
          </>
        ) : null}
        {report.can.revise ? (
          <Button size="small" onClick={() => setDeciding('revise')} data-testid="revise-report">
            {t('reports.revise')}
          </Button>
        ) : null}
        {report.status !== 'draft' ? (
          <Button size="small" type="link" icon={<MessageOutlined />} onClick={() => setDiscussing(!discussing)} aria-expanded={discussing}>
            {t('reports.comments')}
          </Button>
        ) : null}
      </Space>
      {discussing ? (
        <div style={{ marginTop: 8 }} data-testid="report-comments">
          <CommentList subject={{ type: 'report', id: report.id }} />
        </div>
      ) : null}
      <ReasonModal open={deciding !== null} {...modal} onCancel={() => setDeciding(null)} onSubmit={decide} />
    </div>
  );
}

const DOT_COLORS = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange', superseded: 'gray' } as const;

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
