import { useLayoutEffect, useMemo, useRef, type CSSProperties, type ReactNode, type Ref } from 'react';
import { textPanelStyle } from '../common/text-panel.ts';
import { textBlocks, type TextBlock } from './text-blocks.ts';

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

const BLOCK_STYLE: Record<TextBlock['kind'], CSSProperties> = {
  heading: { fontWeight: 600, margin: '4px 0' },
  item: { display: 'list-item', listStyleType: 'disc', marginInlineStart: '1.5em' },
  paragraph: {},
  gap: { height: '0.8em' },
};
const HEADING_SIZE = [20, 18, 16, 15, 15, 15];
/** The text's headings sit under the page's own: its first level is an h3. */
const HEADING_TAG = ['h3', 'h4', 'h5', 'h6'] as const;

function Block({ block, markRef }: { block: TextBlock; markRef: Ref<HTMLElement> | undefined }) {
  let firstMark = true;
  const pieces: ReactNode[] = block.pieces.map((piece, i) => {
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are cut afresh from the text on each render and hold no state.
    if (piece.hidden) return <span key={i} hidden>{piece.text}</span>;
    if (!piece.marked) return piece.text;
    const ref = firstMark ? markRef : undefined;
    firstMark = false;
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are cut afresh from the text on each render and hold no state.
      <mark key={i} ref={ref} data-testid="clause-highlight" style={{ background: '#ffe58f', padding: '1px 0', borderRadius: 2 }}>
        {piece.text}
      </mark>
    );
  });
  if (block.kind === 'heading') {
    const Heading = HEADING_TAG[block.level - 1] ?? 'h6';
    return <Heading style={{ ...BLOCK_STYLE.heading, fontSize: HEADING_SIZE[block.level - 1] }}>{pieces}</Heading>;
  }
  return <div style={BLOCK_STYLE[block.kind]}>{pieces}</div>;
}

/**
 * The agreement's text formatted — headings, list items, paragraphs — with one span marked. The panel scrolls
 * itself so that the mark sits near its top instead of moving the whole page.
 */
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
  const blocks = useMemo(() => textBlocks(text, highlight), [text, highlight]);
  let markPlaced = false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the mark is read from its ref; the span's ends are what says it moved.
  useLayoutEffect(() => {
    const container = containerRef.current;
    const mark = markRef.current;
    if (!container || !mark) return;
    container.scrollTo({ top: Math.max(0, mark.offsetTop - container.clientHeight / 4) });
  }, [highlight?.start, highlight?.end]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: no control: the panel only reads the selection the reader made in it.
    <div
      ref={containerRef}
      data-testid="agreement-text"
      onMouseUp={() => {
        if (onSelectText && containerRef.current) onSelectText(selectionIn(containerRef.current));
      }}
      style={textPanelStyle(height)}
    >
      {blocks.map((block, i) => {
        const holdsMark = block.pieces.some((p) => p.marked && !p.hidden);
        const first = holdsMark && !markPlaced;
        if (holdsMark) markPlaced = true;
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks are cut afresh from the text on each render and hold no state.
        return <Block key={i} block={block} markRef={first ? markRef : undefined} />;
      })}
    </div>
  );
}
