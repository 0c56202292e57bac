import { Typography } from 'antd';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLOURS } from './highlight-colours.ts';
import { countByKind, HIGHLIGHT_KINDS, segmentText, type Highlight } from './highlight-segments.ts';
import { useTextFocus } from './text-focus.tsx';
import { textPanelStyle } from '../common/text-panel.ts';

const FLASH_COLOUR = '#ffc53d';

/** The colours and how many items of each kind the text has, so a reader can decode the marks. */
export function HighlightLegend({ highlights }: { highlights: readonly Highlight[] }) {
  const { t } = useTranslation();
  const counts = countByKind(highlights);
  return (
    <div data-testid="highlight-legend" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 14px', fontSize: 13 }}>
      {HIGHLIGHT_KINDS.map((kind) => (
        <span key={kind} data-kind={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 5, whiteSpace: 'nowrap' }}>
          <span
            aria-hidden="true"
            style={{
              width: 14,
              height: 12,
              background: HIGHLIGHT_COLOURS[kind].fill,
              borderBottom: `2px solid ${HIGHLIGHT_COLOURS[kind].line}`,
              borderRadius: 2,
            }}
          />
          <span>{t(`import.kind.${kind}`)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {counts[kind]}
          </Typography.Text>
        </span>
      ))}
    </div>
  );
}

/**
 * The analysed text with every extracted item marked in its kind's colour. The item pointed at on the right is
 * outlined, scrolled to and flashed; clicking a mark asks the form to show that item.
 */
export function HighlightedText({
  text,
  highlights,
  height,
  onMarkClick,
}: {
  text: string;
  highlights: readonly Highlight[];
  height: string;
  onMarkClick: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { focus } = useTextFocus();
  const containerRef = useRef<HTMLDivElement>(null);
  const focusKey = focus?.key ?? null;
  const segments = useMemo(() => segmentText(text.length, highlights, focusKey), [text, highlights, focusKey]);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container || !focus) return;
    const marks = [...container.querySelectorAll<HTMLElement>(`mark[data-key="${CSS.escape(focus.key)}"]`)];
    const first = marks[0];
    if (!first) return;
    const top = first.offsetTop;
    if (top < container.scrollTop || top > container.scrollTop + container.clientHeight - 40) {
      container.scrollTo({ top: Math.max(0, top - container.clientHeight / 4), behavior: 'smooth' });
    }
    for (const mark of marks) {
      const fill = mark.style.backgroundColor;
      mark.animate([{ backgroundColor: FLASH_COLOUR }, { backgroundColor: fill }], { duration: 500, iterations: 2, easing: 'ease-out' });
    }
  }, [focus]);

  return (
    <div
      ref={containerRef}
      data-testid="import-text"
      style={textPanelStyle(height, 240)}
    >
      {segments.map((segment) => {
        const content = text.slice(segment.start, segment.end);
        const highlight = segment.highlight;
        if (!highlight) return <span key={segment.start}>{content}</span>;
        const colours = HIGHLIGHT_COLOURS[highlight.kind];
        const focused = highlight.key === focusKey;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut to the mark's field, which the keyboard reaches in the form; a tab stop per mark would flood the tab order.
          <mark
            key={segment.start}
            data-kind={highlight.kind}
            data-key={highlight.key}
            title={t(`import.kind.${highlight.kind}`)}
            onClick={() => onMarkClick(highlight.key)}
            style={{
              background: colours.fill,
              color: 'inherit',
              padding: '1px 0',
              borderBottom: `2px solid ${colours.line}`,
              borderRadius: 2,
              cursor: 'pointer',
              outline: focused ? `2px solid ${colours.line}` : 'none',
              outlineOffset: 1,
            }}
          >
            {content}
          </mark>
        );
      })}
    </div>
  );
}
