import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tasksApi, type SupervisionNotice } from '../api/tasks.ts';
import { useRowAction } from '../common/use-row-action.ts';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

interface Props {
  notices: SupervisionNotice[];
  /** Those who work on the task sign for the notices issued to it. */
  mayAcknowledge: boolean;
  onChanged: () => void;
}

/** The 督办 notices issued on a task, newest first, with their deadline and whether they were signed for. */
export function NoticeList({ notices, mayAcknowledge, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { busy, run } = useRowAction(onChanged);
  if (notices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.noNotices')} />;

  return (
    <List<SupervisionNotice>
      size="small"
      dataSource={[...notices].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
      data-testid="notices"
      renderItem={(notice) => (
        <List.Item
          actions={
            !notice.acknowledgedAt && mayAcknowledge
              ? [
                  <Button key="ack" size="small" type="primary" loading={busy === notice.id} onClick={() => run(notice.id, () => tasksApi.acknowledgeNotice(notice.id))}>
                    {t('supervision.acknowledge')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space size={6} wrap>
                <strong>{notice.number}</strong>
                <Tag color="red">{t('supervision.noticeDeadline', { date: formatDate(notice.deadline, locale) })}</Tag>
                {notice.acknowledgedAt ? (
                  <Tag color="success">{t('supervision.acknowledgedAt', { date: formatDateTime(notice.acknowledgedAt, locale) })}</Tag>
                ) : (
                  <Tag color="warning">{t('supervision.unacknowledged')}</Tag>
                )}
              </Space>
            }
            description={<Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
}
