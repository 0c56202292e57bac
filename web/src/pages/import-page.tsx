import { EditOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { hasErrors, NO_ERRORS, saveErrorsFrom, validateDraft, type SaveErrors } from '../ingest/field-errors.ts';
import { commitRequestOf, draftFromResult, type ImportDraft } from '../ingest/import-draft.ts';
import { ingestApi } from '../ingest/ingest-api.ts';
import { ReviewPanes } from '../ingest/review-panes.tsx';
import { TextFocusProvider } from '../ingest/text-focus.tsx';
import { TextInputCard } from '../ingest/text-input-card.tsx';
import { useSession } from '../session/session-context.tsx';
import { officeRefusal, type OfficeRefusal } from '../setup/side-offices.tsx';

interface Review {
  draft: ImportDraft;
  /** Grows with every analysis, so the form starts afresh (tree expansion, open editors) on a new proposal. */
  serial: number;
  edited: boolean;
}

/** Client-side problems are re-checked as the person types; the server's stay until the draft changes. */
function mergeErrors(local: SaveErrors, server: SaveErrors): SaveErrors {
  return { fields: { ...local.fields, ...server.fields }, general: server.general };
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [text, setText] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [analysing, setAnalysing] = useState(false);
  const [analyseError, setAnalyseError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const [serverErrors, setServerErrors] = useState<SaveErrors>(NO_ERRORS);
  const [saveFailure, setSaveFailure] = useState<unknown>(null);
  const [refusedOffice, setRefusedOffice] = useState<OfficeRefusal | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);

  const errors = review && attempts > 0 ? mergeErrors(validateDraft(review.draft), serverErrors) : NO_ERRORS;

  // After a refused save, bring the first marked field into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's errors are the trigger: the marks they bring are found in the page.
  useEffect(() => {
    if (attempts === 0) return;
    pageRef.current?.querySelector('.ant-form-item-has-error, [data-testid=area-node-error], [data-testid=general-errors], [data-testid=parties-error]')?.scrollIntoView({ block: 'center' });
  }, [attempts, serverErrors]);

  const analyse = () => {
    setAnalysing(true);
    setAnalyseError(null);
    ingestApi.analyse(text).then(
      (result) => {
        setReview((previous) => ({ draft: draftFromResult(text, result), serial: (previous?.serial ?? 0) + 1, edited: false }));
        setAttempts(0);
        setServerErrors(NO_ERRORS);
        setSaveFailure(null);
        setAnalysing(false);
      },
      (error: unknown) => {
        setAnalyseError(error);
        setAnalysing(false);
      },
    );
  };

  const change = (update: (draft: ImportDraft) => ImportDraft) => {
    setReview((previous) => (previous ? { ...previous, draft: update(previous.draft), edited: true } : previous));
    setServerErrors(NO_ERRORS);
    setRefusedOffice(null);
  };

  /** Leaving the proposal loses the corrections made to it; ask first when there are any. */
  const discardThen = (content: string, action: () => void) => {
    if (!review?.edited) {
      action();
      return;
    }
    modal.confirm({ title: t('import.review.discardTitle'), content, onOk: action });
  };

  const save = async () => {
    if (!review) return;
    const { draft } = review;
    setAttempts((n) => n + 1);
    setSaveFailure(null);
    if (hasErrors(validateDraft(draft))) {
      message.error(t('import.review.fixFirst'));
      return;
    }
    const { body, keysByPath } = commitRequestOf(draft);
    setSaving(true);
    try {
      const result = await ingestApi.commit(body);
      // A new cooperation made the user its office: the pages it opens on go by the roles in /me.
      await refresh();
      message.success(t('import.review.saved', result.created));
      navigate(`/cooperations/${result.cooperationId}`);
    } catch (error) {
      const located = saveErrorsFrom(error, draft, keysByPath);
      const office = officeRefusal(error, draft.parties);
      if (office) {
        setRefusedOffice(office);
        message.error(t('import.review.fixFirst'));
      } else if (located && hasErrors(located)) {
        setServerErrors(located);
        message.error(t('import.review.fixFirst'));
      } else {
        setSaveFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const step = review ? 1 : 0;
  return (
    <div ref={pageRef} data-testid="import-page">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" styles={{ body: { padding: '10px 16px' } }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 24, flexWrap: 'wrap' }}>
            <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
              {t('import.title')}
            </Typography.Title>
            <Steps
              size="small"
              current={step}
              style={{ flex: 1, minWidth: 320, maxWidth: 640 }}
              items={[{ title: t('import.steps.paste') }, { title: t('import.steps.review') }, { title: t('import.steps.save') }]}
            />
            {review ? (
              <Space style={{ marginInlineStart: 'auto' }}>
                <Button icon={<EditOutlined />} onClick={() => discardThen(t('import.review.discardBack'), () => setReview(null))}>
                  {t('import.review.backToText')}
                </Button>
                <Button icon={<ReloadOutlined />} loading={analysing} onClick={() => discardThen(t('import.review.discardReanalyse'), analyse)}>
                  {t('import.review.reanalyse')}
                </Button>
                <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="save-import">
                  {t('import.review.save')}
                </Button>
              </Space>
            ) : null}
          </div>
        </Card>
        {saveFailure ? (
          <Alert type="error" showIcon closable title={t('import.review.saveFailed')} description={errorMessage(saveFailure, t)} data-testid="save-error" />
        ) : null}
        {review ? (
          <TextFocusProvider key={review.serial}>
            <ReviewPanes draft={review.draft} errors={errors} refusedOffice={refusedOffice} onChange={change} />
          </TextFocusProvider>
        ) : (
          <TextInputCard text={text} analysing={analysing} error={analyseError} onTextChange={setText} onAnalyse={analyse} />
        )}
      </Space>
    </div>
  );
}
