import { Typography } from 'antd';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

/** A due date, in red when the work is late. */
export function DueDate({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const text = formatDate(dueOn, currentLocale()) ?? '—';
  return overdue ? (
    <Typography.Text type="danger" strong data-overdue="true">
      {text}
    </Typography.Text>
  ) : (
    <span>{text}</span>
  );
}
