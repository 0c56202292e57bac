import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestResult, SourceSpan } from './ingest-result.ts';
import { readCooperation } from './cooperation-reader.ts';
import { ingest, MAX_INGEST_CHARS } from './index.ts';
import { cleanSource } from './text-normaliser.ts';

// Pieces of official texts, so that random strings often look like the real thing.
const FRAGMENTS = [
  '两市', '签署', '《战略合作框架协议》', '（一）', '1.', '一是', '①', '、', '，', '。', '；', '：', '等5个方面', '到2025年',
  '10亿美元以上', '2-3亿元', '青岛', '深圳', '“', '”', '《', '》', '(', ')', '\n', '\n\n', '■', '□记者 报道', '责任编辑：',
  '合作', '共建', '产业园', '重点在', '领域', '日前', '今天', '2021-01-14', '第一，', '\u200b', '\ud800', '🙂',
];

const spanned = (result: IngestResult): Array<SourceSpan & { text?: string }> => [
  ...result.party_details,
  ...result.areas,
  ...result.areas.flatMap((a) => a.items),
  ...result.amounts,
  ...result.targets,
  ...result.counts,
  ...result.sub_agreement_details.map((s) => ({ ...s, text: s.name })),
  ...result.project_details.map((p) => ({ ...p, text: p.name })),
  ...(result.title_span ? [{ ...result.title_span, text: result.title ?? '' }] : []),
  ...(result.agreement_span ? [{ ...result.agreement_span, text: result.agreement ?? '' }] : []),
  ...(result.signed_on_span ? [{ ...result.signed_on_span, text: result.signed_on_text ?? '' }] : []),
];

function expectValidSpans(text: string, result: IngestResult): void {
  for (const item of spanned(result)) {
    expect(item.start).toBeGreaterThanOrEqual(0);
    expect(item.start).toBeLessThanOrEqual(item.end);
    expect(item.end).toBeLessThanOrEqual(text.length);
    if (item.text !== undefined) expect(item.text).toBe(cleanSource(text.slice(item.start, item.end)));
  }
  for (const area of result.areas) {
    if (area.title !== null) expect(area.title).toBe(cleanSource(text.slice(area.start, area.end)));
    for (const item of area.items) expect(item.title).toBe(cleanSource(text.slice(item.start, item.end)));
  }
}

// The reader is called directly so that a defect throws here instead of being swallowed by ingest.
// Each test has a bound far above its run time, so a regex blow-up fails the test instead of hanging the run.
describe('ingest on any input', () => {
  it('returns and keeps every span inside the text for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectValidSpans(text, readCooperation(text));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('returns and keeps every span on its source for texts made of official phrases', () => {
    const officialish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(officialish, (text) => {
        expectValidSpans(text, readCooperation(text));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('returns for huge repeats, unbalanced brackets and binary junk', () => {
    const inputs = [
      '',
      '   \n\n\t',
      '《'.repeat(50_000),
      '（一）'.repeat(30_000),
      '合作、'.repeat(70_000),
      '1'.repeat(300_000),
      '一'.repeat(250_000),
      String.fromCharCode(...Array.from({ length: 60_000 }, (_, i) => (i * 7919) % 65_536)),
      '签署《'.repeat(40_000) + '协议',
    ];
    for (const text of inputs) expectValidSpans(text, readCooperation(text));
  }, 60_000);

  it('reads no further than MAX_INGEST_CHARS into a longer text', () => {
    const text = `${'无关内容。'.repeat(MAX_INGEST_CHARS / 5)}两市签署合作协议，总投资100亿元。`;
    expect(ingest(text).amounts).toEqual([]);
  }, 60_000);

  it('gives an empty structure for text about something else', () => {
    const result = ingest('今日天气\n\n今天晴转多云，气温18至25摄氏度，市民出行注意防晒。');
    expect(result.areas).toEqual([]);
    expect(result.amounts).toEqual([]);
    expect(result.parties).toEqual([]);
    expect(result.agreement).toBeNull();
  });

  it('treats a non-string as empty text', () => {
    expect(ingest(undefined as unknown as string).areas).toEqual([]);
  });
});
