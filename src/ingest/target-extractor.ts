import type { Block } from './document-layout.ts';
import type { Target } from './ingest-result.ts';
import { quantitiesOf, type Quantity } from './quantity-parser.ts';
import type { Sentence } from './sentence-splitter.ts';
import { pieceOf } from './text-normaliser.ts';

// "到2025年", "力争到2025年底", "2035年前": a goal's horizon; 截至2025年 is a report date instead, and
// 1994年至2018年 a span of years past.
// A year whose clause says what someone will do (2024年，双方将…; 2024年思明区计划…) is a year's plan.
const HORIZON =
  /(?<!截|\d{4}\s?年\s?|\d{4}\s?年[上下]半年\s?)(?:到|至|力争到?|争取到?|预计到?|计划到?|确保到?|目标到?)\s?(\d{4})\s?年(?:底|末)?|(\d{4})\s?年(?:底|末)?(?:前|以前)(?!后)|(?<![截至于到在\d])(\d{4})\s?年(?:内|度)?(?=[，,]?[^，,。；;：:\d]{0,12}?(?:将|计划|拟|力争|争取))/g;
// Without a year, only words that state a goal make a figure a target.
// A plan (规划面积约1000亩, 计划总投资, a plan period’s 拟安排) sets a goal; a forecast (预计年产值20亿元) does not (docs/ingest-conventions.md).
const GOAL_WORD = /力争|争取|确保|目标(?:是|为)?|规划(?:面积|占地|用地|建设|区域)|计划/;
const CLAUSE_START = /[，,；;。:：!?！？]/;
const LEADING = /^(?:其中|并且?|且|同时|力争|争取|确保|实现|达到|预计|计划|目标是|目标为|将)+/;
const TRAILING_VERB = /(?:力争|争取|确保|预计|计划|将|达到|达|超过|为|实现|增长|增加|提高到|提升到|提高至|提升至|保持在|稳定在|控制在|压缩至|压缩到|缩短至|缩短到|降至|降低至|降低到|完成)+$/;
// The noun after a classifier (2-3个百亿级产业集群); 以内, 以下 bound the figure instead.
const POST_NOUN = /^(?!以内|以下|之内|左右)[^，,。；;：:！？!?\s]{2,15}/;
// 到“十四五”末: the last year of a five-year plan period.
const PLAN_PERIOD_END = /(?:到|至)?[“"‘]?(十四五|十五五|十六五)[”"’]?(?:时期|期)?末/g;
const FIVE_YEAR_PLAN_END: Readonly<Record<string, number>> = { 十四五: 2025, 十五五: 2030, 十六五: 2035 };
// “十四五”期间，江苏省拟安排…: what a plan period will do is a goal for its last year.
const PLAN_PERIOD_SPAN = /[“"‘]?(十四五|十五五|十六五)[”"’]?(?:时期|期间)(?=[，,]?[^，,。；;：:]{0,12}?(?:将|计划|拟|力争|争取))/g;
// 今年，上海将安排援疆资金…: this year's plan, dated by the page (明年: the year after).
const RELATIVE_PLAN = /(?<![去前])(今年|明年)(?:内|度)?(?=[，,]?[^，,。；;：:\d]{0,12}?(?:将|计划|拟|力争|争取))/g;
// 2025年甲县将向乙县投入帮扶资金: the year, the subject and the verb of a year's plan are not the indicator.
const PLAN_LEAD = /^\d{4}\s?年(?:底|末|内|度)?[，,]?[^，,]*?(?:将|计划|拟|力争|争取)(?:[向为对][^，,]{1,8}?(?:投入|提供|安排|输送))?/;
const LIST_COUNT = /^(?:重点|主要|关键)?(?:合作)?(?:方面|领域|任务|方向|举措|措施|件事|专项行动)/;
// A year named after the horizon dates its own figures (…。2023年两县贸易额为5亿元).
const YEAR = /\d{4}\s?年/g;
const HORIZON_REACH = 2;

interface Horizon {
  readonly at: number;
  readonly year: number;
}

function horizonsOf(block: Block, currentYear: number | null): Horizon[] {
  const found: Horizon[] = [];
  for (const m of block.view.text.matchAll(HORIZON)) {
    const year = Number(m[1] ?? m[2] ?? m[3]);
    if (year >= 1990 && year <= 2100) found.push({ at: m.index, year });
  }
  for (const m of [...block.view.text.matchAll(PLAN_PERIOD_END), ...block.view.text.matchAll(PLAN_PERIOD_SPAN)]) {
    const year = FIVE_YEAR_PLAN_END[m[1] ?? ''];
    if (year !== undefined) found.push({ at: m.index, year });
  }
  if (currentYear !== null && /今年|明年/.test(block.view.text)) {
    for (const m of block.view.text.matchAll(RELATIVE_PLAN)) found.push({ at: m.index, year: m[1] === '明年' ? currentYear + 1 : currentYear });
  }
  found.sort((a, b) => a.at - b.at);
  return found;
}

function clauseBounds(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !CLAUSE_START.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !CLAUSE_START.test(text.charAt(to))) to++;
  return { from, to };
}

/** Whether a year that is not a horizon stands between a horizon and a figure. */
function otherYearBetween(text: string, horizons: readonly Horizon[], from: number, to: number): boolean {
  for (const m of text.slice(from, to).matchAll(YEAR)) {
    const at = from + m.index;
    if (!horizons.some((h) => at >= h.at && at <= h.at + 8)) return true;
  }
  return false;
}

/**
 * The thing a figure measures: the noun phrase after a classifier (建成2-3个
 * 百亿级产业集群 → 百亿级产业集群), else the words before the figure in its
 * clause without connectives and verbs (其中世界500强企业2-3家 → 世界500强企业).
 */
function indicatorOf(text: string, q: Quantity): { start: number; end: number } {
  const { from, to } = clauseBounds(text, q.start, q.end);
  const after = POST_NOUN.exec(text.slice(q.end, to));
  if (!q.money && q.unit !== '%' && after) return { start: q.end, end: q.end + after[0].length };
  const before = text.slice(from, q.start);
  const plan = PLAN_LEAD.exec(before)?.[0].length ?? 0;
  const lead = plan + (LEADING.exec(before.slice(plan))?.[0].length ?? 0);
  const trail = TRAILING_VERB.exec(before.slice(lead))?.[0].length ?? 0;
  return { start: from + lead, end: q.start - trail };
}

/**
 * Quantitative goals. A horizon ("到2025年", "2035年前", "2024年…将", and
 * "今年…将" in the year of the page's dateline, `currentYear`) governs the figures
 * after it up to the next horizon, in its sentence and the two after it
 * within the paragraph; a figure with
 * no horizon is a target only after a goal word (力争, 确保, 目标) in its clause.
 */
export function extractTargets(blocks: readonly Block[], sentencesOf: (block: Block) => readonly Sentence[], currentYear: number | null): Target[] {
  const targets: Target[] = [];
  for (const block of blocks) {
    const horizons = horizonsOf(block, currentYear);
    const text = block.view.text;
    const sentences = sentencesOf(block);
    const sentenceIndex = (at: number) => sentences.findIndex((s) => at < s.end);
    sentences.forEach((sentence, index) => {
      for (const q of quantitiesOf(sentence)) {
        // 在…等五个方面深化合作: counting the areas of the list before it, not a goal.
        if (LIST_COUNT.test(sentence.text.slice(q.end, q.end + 6))) continue;
        const start = sentence.start + q.start;
        const end = sentence.start + q.end;
        // A horizon governs its own sentence and the two after it.
        const governing = [...horizons].reverse().find((h) => h.at < start && index - sentenceIndex(h.at) <= HORIZON_REACH);
        const horizon = governing && !otherYearBetween(text, horizons, governing.at, start) ? governing : undefined;
        const at = { ...q, start, end };
        if (!horizon) {
          const { from } = clauseBounds(text, start, end);
          if (!GOAL_WORD.test(text.slice(from, start))) continue;
        }
        const indicator = indicatorOf(text, at);
        const { from } = clauseBounds(text, start, end);
        const source = pieceOf(block.view, Math.min(from, indicator.start), Math.max(end, indicator.end));
        const name = pieceOf(block.view, indicator.start, indicator.end).text;
        targets.push({
          text: source.text,
          year: horizon?.year ?? null,
          indicator: name,
          value: q.value,
          value_max: q.valueMax,
          unit: q.unit,
          comparator: q.comparator,
          start: source.start,
          end: source.end,
        });
      }
    });
  }
  return targets;
}
