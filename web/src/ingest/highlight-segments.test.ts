import { describe, expect, it } from 'vitest';
import { segmentText, type Highlight } from './highlight-segments.ts';

const text = '到2025年投资10亿元以上。';
const target: Highlight = { kind: 'target', key: 'target-0', start: 0, end: 14 };
const amount: Highlight = { kind: 'amount', key: 'amount-0', start: 8, end: 12 };

const runs = (segments: ReturnType<typeof segmentText>) => segments.map((s) => [text.slice(s.start, s.end), s.highlight?.kind ?? null]);

describe('cutting the text into marked runs', () => {
  it('covers the whole text, with plain runs between the marks', () => {
    const segments = segmentText(text.length, [amount]);
    expect(runs(segments)).toEqual([
      ['到2025年投资', null],
      ['10亿元', 'amount'],
      ['以上。', null],
    ]);
  });

  it('lets the shorter of two overlapping marks show where they overlap', () => {
    expect(runs(segmentText(text.length, [target, amount]))).toEqual([
      ['到2025年投资', 'target'],
      ['10亿元', 'amount'],
      ['以上', 'target'],
      ['。', null],
    ]);
  });

  it('shows the item pointed at whole, over the marks inside it', () => {
    expect(runs(segmentText(text.length, [target, amount], 'target-0'))).toEqual([
      ['到2025年投资10亿元以上', 'target'],
      ['。', null],
    ]);
  });

  it('ignores spans that do not fit the text', () => {
    const stale: Highlight = { kind: 'project', key: 'project-0', start: 10, end: 400 };
    expect(runs(segmentText(text.length, [stale]))).toEqual([[text, null]]);
  });
});
