import { Alert, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textPanelStyle } from '../common/text-panel.ts';
import { type ChangePart, versionChanges } from './version-changes.ts';

function Part({ part }: { part: ChangePart }) {
  if (part.kind === 'added') return <ins style={{ background: '#d9f7be', textDecoration: 'none' }}>{part.text}</ins>;
  if (part.kind === 'removed') return <del style={{ background: '#ffd6d6', color: '#a8071a' }}>{part.text}</del>;
  return <span>{part.text}</span>;
}

/** An older version of the text against the text in force: removed words struck through in red, added ones in green. */
export function VersionChangesView({ older, current, height }: { older: string; current: string; height: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => versionChanges(older, current), [older, current]);
  if (!parts) return <Alert type="info" showIcon title={t('agreement.changes.tooDifferent')} />;
  const added = parts.filter((p) => p.kind === 'added').length;
  const removed = parts.filter((p) => p.kind === 'removed').length;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }} data-testid="version-changes-summary">
        {added + removed === 0 ? t('agreement.changes.none') : t('agreement.changes.summary', { added, removed })}
      </Typography.Paragraph>
      <div style={textPanelStyle(height)} data-testid="version-changes">
        {parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are worked out afresh from the two texts and hold no state.
          <Part key={i} part={part} />
        ))}
      </div>
    </>
  );
}
