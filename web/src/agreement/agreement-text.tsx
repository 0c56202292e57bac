import { useLayoutEffect, useRef } from 'react';

/**
 * The agreement's text as received, line breaks kept, with one span marked. The panel scrolls itself so that
 * the mark sits near its top instead of moving the whole page.
 */
export function AgreementText({
  text,
  highlight,
  height,
}: {
  text: string;
  highlight: { start: number; end: number } | null;
  height: string;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const container = containerRef.current;
    const mark = markRef.current;
    if (!container || !mark) return;
    container.scrollTo({ top: Math.max(0, mark.offsetTop - container.clientHeight / 4) });
  }, [highlight?.start, highlight?.end]);

  return (
    <div
      ref={containerRef}
      data-testid="agreement-text"
      style={{
        position: 'relative',
        height,
        minHeight: 360,
        overflowY: 'auto',
        padding: '12px 16px',
        background: '#fcfcfd',
        border: '1px solid #e5e8ee',
        borderRadius: 4,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        lineHeight: 1.9,
        fontSize: 15,
      }}
    >
      {highlight ? (
        <>
          {text.slice(0, highlight.start)}
          <mark ref={markRef} data-testid="clause-highlight" style={{ background: '#ffe58f', padding: '1px 0', borderRadius: 2 }}>
            {text.slice(highlight.start, highlight.end)}
          </mark>
          {text.slice(highlight.end)}
        </>
      ) : (
        text
      )}
    </div>
  );
}
