import { useLayoutEffect, useRef } from 'react';

/**
 * The agreement's text as received, line breaks kept, with one span marked. The panel scrolls itself so that
 * the mark sits near its top instead of moving the whole page.
 */
/**
 * Where the reader's selection lies in the text, as offsets into it (UTF-16 code units, as the clause spans count):
 * the length of what precedes each end of the selection inside the panel. Null when nothing of the panel is selected.
 */
function selectionIn(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

export function AgreementText({
  text,
  highlight,
  height,
  onSelectText,
}: {
  text: string;
  highlight: { start: number; end: number } | null;
  height: string;
  /** Told the span the reader selects in the text (null when the selection is gone), for marking a clause's place. */
  onSelectText?: (span: { start: number; end: number } | null) => void;
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
      onMouseUp={() => {
        if (onSelectText && containerRef.current) onSelectText(selectionIn(containerRef.current));
      }}
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
