import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestResult, SourceSpan } from './ingest-result.ts';
import { readCooperation } from './cooperation-reader.ts';
import { decodeText, ingest, MAX_INGEST_CHARS } from './index.ts';
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
      `${'签署《'.repeat(40_000)}协议`,
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

// Bad input the import page and the API receive (issue 15): each gives an answer within a bound a person would
// accept, and reading it keeps memory bounded.
describe('ingest on bad input, with a time limit', () => {
  const timed = (text: string) => {
    const started = performance.now();
    const result = ingest(text);
    return { result, ms: performance.now() - started };
  };

  it('reads a 1 MB text within seconds, up to MAX_INGEST_CHARS, without holding on to memory', () => {
    const paragraph = '两市签署战略合作框架协议，双方将在产业协作、科技创新、文化旅游等方面开展合作，总投资100亿元。\n';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)).slice(0, 1_000_000);
    ingest(paragraph);
    const before = process.memoryUsage().heapUsed;
    const { result, ms } = timed(text);
    expect(ms).toBeLessThan(10_000);
    expect(result.amounts.every((a) => a.end <= MAX_INGEST_CHARS)).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
  }, 60_000);

  it('answers 100,000 repeated enumerators within seconds', () => {
    for (const unit of ['一是', '（一）', '1.', '①', '、', '第一条', '第一章']) {
      const { result, ms } = timed(unit.repeat(100_000));
      expect(ms, unit).toBeLessThan(10_000);
      expect(result.parties).toEqual([]);
    }
  }, 120_000);

  it('reads the text of HTML source, never its markup, as a title or an item', () => {
    const html =
      '<!DOCTYPE html><html><head><title>两市签署合作协议</title><script>var a = 1;</script></head><body><div class="nav">首页 | 新闻</div>' +
      '<p>青岛市与深圳市签署战略合作框架协议，双方将在海洋经济、科技创新、金融服务等方面开展合作。</p></body></html>';
    const { result, ms } = timed(html);
    expect(ms).toBeLessThan(5_000);
    const texts = [result.title ?? '', ...result.areas.flatMap((a) => [a.title ?? '', ...a.items.map((i) => i.title)]), ...result.projects];
    expect(texts.filter((t) => /[<>]/.test(t))).toEqual([]);
  }, 60_000);

  it('reads GB18030 and UTF-16 files as the same text as UTF-8', () => {
    const text = '青岛深圳签署协议\n\n1月8日，青岛市与深圳市签署战略合作框架协议。';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toBe(text);
    // 青岛 in GB18030 (GBK): C7E0 B5BA.
    expect(decodeText(new Uint8Array([0xc7, 0xe0, 0xb5, 0xba]))).toBe('青岛');
    expect(ingest(decodeText(utf16)).parties).toEqual(['青岛市', '深圳市']);
  });

  it('answers every arbitrary input well within a second', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2_000 }), (text) => {
        const { ms } = timed(text);
        expect(ms).toBeLessThan(1_000);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
