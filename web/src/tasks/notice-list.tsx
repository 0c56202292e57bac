import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { tasksApi, type SupervisionNotice } from '../api/tasks.ts';
import { useRowAction } from '../common/use-row-action.ts';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

interface Props {
  notices: SupervisionNotice[];
  onChanged: () => void;
}

/** Each unit a notice is addressed to, with who signed for it and when, or that it is still to sign. */
function Recipients({ notice }: { notice: SupervisionNotice }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Space size={[6, 4]} wrap data-testid="notice-recipients">
      <Typography.Text type="secondary">{t('supervision.addressedTo')}</Typography.Text>
      {notice.recipients.map((r) => (
        <Tag key={r.organizationId} color={r.acknowledgedAt ? 'success' : 'warning'}>
          {r.acknowledgedAt
            ? t('supervision.signedBy', { unit: r.organizationName, name: r.acknowledgedByName ?? t('common.none'), date: formatDateTime(r.acknowledgedAt, locale) })
            : t('supervision.toSign', { unit: r.organizationName })}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * The 督办 notices issued on a task, newest first, with their deadline, whom
 * they are addressed to and who signed; 签收 is offered where the server says
 * the user may sign (a user of a recipient unit that has not signed yet).
 */
export function NoticeList({ notices, onChanged }: Props) {
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
            notice.can.acknowledge
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
            description={
              <Space orientation="vertical" size={4}>
                <Recipients notice={notice} />
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
