import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from './use-unread-count.ts';

/** The bell in the header, with the number of unread notifications; it opens the notification list. */
export function UnreadBadge({ color }: { color: string }) {
  const { t } = useTranslation();
  const count = useUnreadCount();
  return (
    <Link
      to="/notifications"
      aria-label={t('notifications.badgeLabel', { count })}
      data-testid="unread-badge"
      data-count={count}
      style={{ display: 'inline-flex', paddingInline: '4px 12px' }}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ color, fontSize: 18 }} />
      </Badge>
    </Link>
  );
}
