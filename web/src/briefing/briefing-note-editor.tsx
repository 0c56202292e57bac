import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { briefingApi, type Briefing } from '../api/briefing.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

const NOTE_MAX = 2000;

/** The offices' 领导关注 paragraph for the period; a save over someone else's newer text is refused and says so. */
export function BriefingNoteEditor({ data, onSaved, onStale }: { data: Briefing; onSaved: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const note = data.note;
  const [text, setText] = useState(note?.text ?? '');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ conflict: boolean; text: string } | null>(null);
  if (!note || !data.period) return null;
  const period = data.period.id;
  const tooLong = text.trim().length > NOTE_MAX;

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await briefingApi.saveNote(data.cooperation.id, { period, text, version: note.version });
      void message.success(t('briefing.noteSaved'));
      onSaved();
    } catch (error) {
      const conflict = error instanceof ApiError && error.status === 409;
      setFailure({ conflict, text: conflict ? t('briefing.noteConflict') : errorMessage(error, t) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="no-print" data-testid="note-editor">
      <Input.TextArea
        aria-label={t('briefing.leaderNote')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={NOTE_MAX}
        showCount
        placeholder={t('briefing.notePlaceholder')}
        status={tooLong ? 'error' : undefined}
      />
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid={failure.conflict ? 'note-conflict' : 'note-error'}
          title={failure.text}
          action={
            failure.conflict ? (
              <Button size="small" onClick={onStale}>
                {t('briefing.noteReload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Space style={{ marginTop: 8 }} wrap>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={tooLong || text === note.text} data-testid="note-save">
          {t('briefing.noteSave')}
        </Button>
        {note.updatedAt ? (
          <Typography.Text type="secondary">{t('briefing.noteUpdated', { who: note.updatedByName ?? '', at: formatDateTime(note.updatedAt, currentLocale()) })}</Typography.Text>
        ) : null}
      </Space>
    </div>
  );
}
