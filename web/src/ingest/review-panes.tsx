import { Alert, Card, Col, Row, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveErrors } from './field-errors.ts';
import { HighlightedText, HighlightLegend } from './highlighted-text.tsx';
import { highlightsOf } from './highlight-segments.ts';
import type { ImportDraft } from './import-draft.ts';
import { issueMessage } from './issue-message.ts';
import { StructureForm } from './structure-form.tsx';
import { useTextFocus } from './text-focus.tsx';
import type { OfficeRefusal } from '../setup/side-offices.tsx';

/** Both panes fill the window below the header and the step bar, and scroll on their own. */
const PANE_HEIGHT = 'calc(100vh - 225px)';

/**
 * Step two: the text with what was read marked on the left, the structure to correct on the right. Pointing at
 * an item on the right shows it in the text; clicking a mark in the text shows its item on the right.
 */
export function ReviewPanes({
  draft,
  errors,
  refusedOffice,
  onChange,
}: {
  draft: ImportDraft;
  errors: SaveErrors;
  refusedOffice: OfficeRefusal | null;
  onChange: (update: (draft: ImportDraft) => ImportDraft) => void;
}) {
  const { t } = useTranslation();
  const { locate } = useTextFocus();
  const formRef = useRef<HTMLDivElement>(null);
  const highlights = useMemo(() => highlightsOf(draft), [draft]);

  const showItem = (key: string) => {
    locate(key);
    const container = formRef.current;
    const element = container?.querySelector<HTMLElement>(`[data-draft-key="${CSS.escape(key)}"]`);
    if (!container || !element) return;
    // Scrolls the form only: scrollIntoView would move the whole page as well and push the header away.
    const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
    container.scrollTo({ top: container.scrollTop + offset - container.clientHeight / 3, behavior: 'smooth' });
    element.animate([{ backgroundColor: '#fff1b8' }, { backgroundColor: 'transparent' }], { duration: 1200, easing: 'ease-out' });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <Card size="small" title={t('import.text.title')} extra={<Typography.Text type="secondary">{t('import.text.hint')}</Typography.Text>}>
          <div style={{ height: PANE_HEIGHT, minHeight: 420, display: 'flex', flexDirection: 'column', gap: 8 }}>
            <HighlightLegend highlights={highlights} />
            <div style={{ flex: 1, minHeight: 0 }}>
              <HighlightedText text={draft.text} highlights={highlights} height="100%" onMarkClick={showItem} />
            </div>
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Card size="small" title={t('import.structure.title')} extra={<Typography.Text type="secondary">{t('import.structure.hint')}</Typography.Text>}>
          <div ref={formRef} style={{ height: PANE_HEIGHT, minHeight: 420, overflowY: 'auto', paddingRight: 8 }}>
            {errors.general.length > 0 ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="general-errors"
                title={t('import.review.otherProblems')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {errors.general.map(({ path, issue }) => (
                      <li key={path}>
                        <code>{path}</code>: {issueMessage(issue, t)}
                        {issue.detail ? <Typography.Text type="secondary"> ({issue.detail})</Typography.Text> : null}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            <StructureForm draft={draft} errors={errors.fields} refusedOffice={refusedOffice} onChange={onChange} />
          </div>
        </Card>
      </Col>
    </Row>
  );
}
