import { parseNumber } from './chinese-number.ts';
import type { Count } from './ingest-result.ts';
import { quantitiesOf } from './quantity-parser.ts';
import type { Sentence } from './sentence-splitter.ts';
import { pieceOf } from './text-normaliser.ts';

const COUNT_CLASSIFIERS = new Set(['个', '项', '家', '所', '座', '条', '批', '件', '份', '类']);
// What cooperation texts count: directions, areas, projects, agreements, partners.
const COUNTED_RUN = /^[^，,。；;、：:！？!?\s的和与及等在为是将已]{1,12}/;
const COUNTED_HEAD = /(方向|领域|方面|项目|协议|任务|企业|平台|园区|基地|中心|机构|城市|部门|商协会|协会|单位|产业集群|事项|举措|措施|工程|专项|行动|院所|高校|片区|区县|县|区|市)/g;

/** The counted noun after a classifier: the longest run ending in a word for something cooperation counts. */
function countedThing(rest: string): string | null {
  const run = COUNTED_RUN.exec(rest)?.[0] ?? '';
  let end = -1;
  for (const m of run.matchAll(COUNTED_HEAD)) end = m.index + m[0].length;
  return end > 0 ? run.slice(0, end) : null;
}
const THING_BEFORE = /([^，,。；;、：:！？!?\s的]{0,8}(?:项目|企业|平台|协议|园区|基地|机构|城市))(?:达到|达|共计|共|累计|超过|为|有)?$/;
const BIG_COUNT = /([一二三四五六七八九十两]{1,3}|\d{1,2})大([^，,。；;、：:！？!?\s的和与及等]{1,6}?)(?=[，,。；;、：:！？!?\s的和与及等”]|$)/g;
const BIG_THING = /(方向|领域|方面|任务|板块|平台|工程|行动|中心|产业|片区|集群|机制|举措)$/;

/** Counted things: "16个重点方向", "20个青深合作项目", "15个专项合作协议", "五大重点任务". */
export function extractCounts(sentences: readonly Sentence[]): Count[] {
  const counts: Count[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    for (const q of quantitiesOf(sentence)) {
      if (q.money || !COUNT_CLASSIFIERS.has(q.unit) || q.valueMax !== null) continue;
      const thing = countedThing(text.slice(q.end));
      if (!thing) {
        // 合作项目达126个: the thing named before the figure, which closes its clause.
        const before = THING_BEFORE.exec(text.slice(Math.max(0, q.start - 16), q.start));
        if (!before?.[1] || !/^($|[，,。；;、])/.test(text.slice(q.end, q.end + 1))) continue;
        const start = q.start - before[0].length;
        const piece = pieceOf(sentence.block.view, sentence.start + start, sentence.start + q.end);
        counts.push({ text: piece.text, value: q.value, unit: `${q.unit}${before[1]}`, start: piece.start, end: piece.end });
        continue;
      }
      const numberStart = q.start + Math.max(0, text.slice(q.start, q.end).search(/[\d一二三四五六七八九十两]/));
      const piece = pieceOf(sentence.block.view, sentence.start + numberStart, sentence.start + q.end + thing.length);
      counts.push({ text: piece.text, value: q.value, unit: `${q.unit}${thing}`, start: piece.start, end: piece.end });
    }
    for (const m of text.matchAll(BIG_COUNT)) {
      const thing = m[2] ?? '';
      if (!BIG_THING.test(thing)) continue;
      const value = parseNumber(m[1] ?? '');
      if (value === null || value <= 0) continue;
      const piece = pieceOf(sentence.block.view, sentence.start + m.index, sentence.start + m.index + m[0].length);
      counts.push({ text: piece.text, value, unit: `大${thing}`, start: piece.start, end: piece.end });
    }
  }
  const seen = new Set<string>();
  return counts.sort((a, b) => a.start - b.start).filter((c) => !seen.has(c.text) && seen.add(c.text));
}
