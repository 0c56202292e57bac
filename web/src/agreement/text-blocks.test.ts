import { describe, expect, it } from 'vitest';
import { textBlocks, type TextBlock } from './text-blocks.ts';

const joined = (blocks: TextBlock[]) => blocks.flatMap((b) => b.pieces.map((p) => p.text)).join('');
const shown = (block: TextBlock | undefined) => (block?.pieces ?? []).filter((p) => !p.hidden).map((p) => p.text).join('');

const TEXT = ' \n\n\n# 青深跨区域合作\n\n根据协议，双方加强合作。\n- 科技创新\n- 产业发展\n\n\n## 二、合作机制\n末段';

describe('textBlocks', () => {
  it('keeps every character of the text, in order, so offsets in the page are offsets in the text', () => {
    expect(joined(textBlocks(TEXT, null))).toBe(TEXT);
    expect(joined(textBlocks(TEXT, { start: 5, end: 30 }))).toBe(TEXT);
  });

  it('shows headings and list items without their markers, and a run of blank lines as one break', () => {
    const blocks = textBlocks(TEXT, null);
    expect(blocks.map((b) => b.kind)).toEqual(['gap', 'heading', 'gap', 'paragraph', 'item', 'item', 'gap', 'heading', 'paragraph']);
    expect(shown(blocks[1])).toBe('青深跨区域合作');
    expect(blocks[1]?.level).toBe(1);
    expect(blocks[7]?.level).toBe(2);
    expect(shown(blocks[4])).toBe('科技创新');
    expect(shown(blocks[0])).toBe('');
  });

  it('marks exactly the span, across lines', () => {
    const start = TEXT.indexOf('双方');
    const end = TEXT.indexOf('产业') + 2;
    const marked = textBlocks(TEXT, { start, end })
      .flatMap((b) => b.pieces)
      .filter((p) => p.marked)
      .map((p) => p.text)
      .join('');
    expect(marked).toBe(TEXT.slice(start, end));
  });

  it('reads a text without markers as paragraphs', () => {
    expect(textBlocks('甲\n乙', null).map((b) => [b.kind, shown(b)])).toEqual([
      ['paragraph', '甲'],
      ['paragraph', '乙'],
    ]);
  });
});
