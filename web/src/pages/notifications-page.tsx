import { App, Badge, Button, Card, Checkbox, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { notificationsApi, type Notification } from '../api/notifications.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { PreferencesCard } from '../notifications/preferences-card.tsx';
import { announceUnreadChanged } from '../notifications/use-unread-count.ts';

const PAGE_SIZE = 20;

export default function NotificationsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(() => notificationsApi.list({ unread, page, pageSize: PAGE_SIZE }), `${unread}:${page}`);

  const afterChange = () => {
    announceUnreadChanged();
    reload();
  };

  const open = (item: Notification) => {
    const go = () => {
      if (item.link) void navigate(item.link);
      else afterChange();
    };
    if (item.readAt) return go();
    notificationsApi.markRead(item.id).then(
      () => {
        announceUnreadChanged();
        go();
      },
      (cause: unknown) => message.error(errorMessage(cause, t)),
    );
  };

  const readAll = () => {
    notificationsApi.markAllRead().then(
      (answer) => {
        message.success(t('notifications.markedAll', { count: answer.marked }));
        afterChange();
      },
      (cause: unknown) => message.error(errorMessage(cause, t)),
    );
  };

  return (
    <>
      <Card
        title={
          <Space>
            {t('notifications.title')}
            {data ? <Badge count={data.unreadCount} /> : null}
          </Space>
        }
        extra={
          <Space>
            <Checkbox
              checked={unread}
              onChange={(e) => {
                setUnread(e.target.checked);
                setPage(1);
              }}
            >
              {t('notifications.unreadOnly')}
            </Checkbox>
            <Button onClick={readAll} disabled={!data || data.unreadCount === 0}>
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      >
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        <List<Notification>
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          data-testid="notifications"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          renderItem={(item) => (
            <List.Item
              style={{ cursor: 'pointer', background: item.readAt ? undefined : '#f0f6ff', paddingInline: 12 }}
              onClick={() => open(item)}
              actions={[
                <Button key="open" type="link" size="small">
                  {t('notifications.open')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
                title={<span style={{ fontWeight: item.readAt ? 400 : 600 }}>{item.title}</span>}
                description={
                  <Space size={12} wrap>
                    <span>{item.body}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt, locale)}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <PreferencesCard />
    </>
  );
}
