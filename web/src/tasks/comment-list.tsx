import { App, Button, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { reportsApi, type Comment, type CommentSubject } from '../api/reports.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

/** A task's or a report's discussion. Bodies are shown as plain text (React escapes them), @mentions included, never as HTML. */
export function CommentList({ subject }: { subject: CommentSubject }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const { data, error, reload } = useApi(() => reportsApi.comments(subject), `${subject.type}/${subject.id}`);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);

  const send = () => {
    if (!draft.trim()) return;
    setSending(true);
    reportsApi.addComment(subject, draft).then(
      () => {
        message.success(t('tasks.commentAdded'));
        setDraft('');
        setSending(false);
        reload();
      },
      (cause: unknown) => {
        message.error(errorMessage(cause, t));
        setSending(false);
      },
    );
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noComments')} /> : null}
      {data && data.items.length > 0 ? (
        <List<Comment>
          size="small"
          dataSource={data.items}
          data-testid="comments"
          renderItem={(comment: Comment) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space size={8}>
                    <strong>{comment.author?.displayName ?? t('tasks.system')}</strong>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(comment.createdAt, locale)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Typography.Text>
                    {comment.mentions.length > 0 ? (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('tasks.mentioned', { names: comment.mentions.map((m) => m.displayName).join(t('common.listSeparator')) })}
                        </Typography.Text>
                      </div>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
      {data?.can.comment ? (
        <>
          <Input.TextArea rows={2} value={draft} maxLength={5000} onChange={(e) => setDraft(e.target.value)} placeholder={t('tasks.commentPlaceholder')} aria-label={t('tasks.commentPlaceholder')} />
          <Button type="primary" onClick={send} loading={sending} disabled={!draft.trim()}>
            {t('tasks.commentSend')}
          </Button>
        </>
      ) : null}
    </Space>
  );
}
