import { parseNumber } from './chinese-number.ts';
import type { Sentence } from './sentence-splitter.ts';
import { segmentWords } from './word-segmenter.ts';

/** What the words closing a list say its items are. */
type ListKind = 'area' | 'agreement' | 'project' | 'other';

/** Offsets in a block's view. */
interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * An enumeration written inside a sentence: "从A、B、C等五个方面着手",
 * "A、B等6个…协议", or a colon list "以下六个方面工作：A，…；B，…". All
 * offsets are in the view of the sentence's block.
 */
export interface InlineList {
  readonly sentence: Sentence;
  readonly items: readonly OffsetRange[];
  readonly kind: ListKind;
  /** The number the text gives ("等五个方面" → 5), if any. */
  readonly count: number | null;
  /** Written under a heading of its own (a colon list's lead, or 五大重点任务). */
  readonly title: OffsetRange | null;
  /** Introduced as the focus of the cooperation: 重点在…, 合作领域包括…. */
  readonly emphasised: boolean;
  /** Closed by words that call the items the key areas (…等重点领域), whoever names them. */
  readonly keyAreas: boolean;
  /**
   * Uncounted, but the parties cooperate on its items (在A、B等方面开展合作, 涵盖A、B等方面, 将加强A、深化B、推动C):
   * the areas of a text that states them in no other way.
   */
  readonly cooperatedOn: boolean;
  readonly start: number;
  readonly end: number;
}

const CLAUSE_BREAK = /[，,；;。！？!?：:]/;
const CN_COUNT = '[一二三四五六七八九十两]{1,3}';
const COUNT = `(?:\\d{1,3}|${CN_COUNT})`;
// The nouns that make a counted list a list of cooperation areas or tasks.
const AREA_NOUN = /^(?:个|项|大|类|件)?(?:重点|主要|关键|专项)?(?:合作)?(?:方面|领域|任务|工作|件事|事项|方向|举措|措施|行动|重点)/;
const AGREEMENT_NOUN = /协议|协定|备忘录|合同|意向书/;
const SIGNING_VERB = /签订|签署|签约|签下/;
const AGREEMENT_END = /(?:协议|协定|备忘录|合同|意向书|协议书|合作文件)\s*$/;
const PROJECT_NOUN = /^(?:个|项|批|家)?(?:重大|重点|领军|签约|合作|产业|标志性|功能|创新)?(?:项目|平台|园区|基地|示范区|合作区|先行区)/;
// "A、B等项目" names projects whatever the verb; platforms and parks only when created.
const PROJECT_ITSELF = new RegExp(`^(?:\\d{1,3}|${'[一二三四五六七八九十两]{1,3}'})?(?:个|项|批)?(?:重大|重点|领军|签约|合作|产业|标志性)?项目`);
// The words before a colon say what a list after it holds (签约的项目分别是：A、B等).
const HEAD_KIND: ReadonlyArray<readonly [RegExp, ListKind]> = [
  [/协议|协定|备忘录/, 'agreement'],
  [/项目/, 'project'],
];
// Things a list of projects is said to be created or brought in by.
const PROJECT_CONTEXT = /共建|合建|新建|建设|打造|引进|落户|落地|签约|开工|投产|揭牌|启动/;
const COUNTED_CLOSER = new RegExp(`^等?(${COUNT})(?=个|项|大|类|件|方面|领域|家|所|份|批)`);
const UNCOUNTED_CLOSER = new RegExp(`(${COUNT})(大|项|个)(?:重点|主要|关键)?(?:任务|方面|领域|工作|方向|举措|措施|重点)`);
const EMPHASIS = /重点\s*(?:在|围绕|聚焦|推进|包括|是|为|就|从|做好|抓好)?$|(?:合力|全力|着力|共同)(?:做好|抓好)$/;
// After the list's closer, the parties cooperate on its items: 在A、B等方面开展合作, 等领域协作, 等方面深度合作.
const COOPERATION_AFTER = /^[^，,；;。]{0,14}?(?:合作|协作|交流|对接|协同|共建)/;
// 涵盖A、B等方面, 涉及A、B等领域 in a sentence about aid or cooperation.
const COVERS = /(?:涵盖|涉及|覆盖)$/;
const AID_OR_COOPERATION = /合作|协作|协议|援|帮扶|对口|结对/;
// 将A、B、C: a run of measures the parties will take, each opening with a verb.
const WILL = /(?:将|要|今后|下一步)[^，,；;。]{0,16}$/;
// A sentence that reports the signing or what the agreement itself says
// (根据协议，双方将在…等方面开展合作; 两省签署协议，将在…等重点领域深化合作).
const AGREEMENT_CONTENT = /^(?:根据|按照|依据)(?:协议|框架协议|合作协议|方案)|协议(?:明确|提出|约定|指出|规定)|签署|签订/;
const PLAIN_AREA_CLOSER = /^(?:重点)?(?:方面|领域)/;
// A closer that itself calls the items the key areas (…等重点领域, 等五个重点方面) puts them in
// focus when the parties are the ones acting on them (双方将围绕…等重点领域深化合作).
const FOCUS_CLOSER = /^(?:个|项|大)?(?:重点|主要)(?:合作)?(?:领域|方面|任务|方向)/;
const SIGNED = /签署|签订/;
const PARTIES_ACTING = /双方|两地|两市|两省|两区|两县|三地|三方|三省|各方/;
const TOPIC_OPENER = /(?:围绕|聚焦|在)[^、，,；;。]*$/;
const TOPIC_END = /(?:方面|领域|上|中|开展|加强|深化|推进|进行|展开|实施|推动|合作|交流)/;
const AREA_HEAD = /(?:合作领域|合作内容|合作重点|重点领域|重点任务|主要任务|重点工作|合作事项|主要内容)(?:主要|重点)?(?:包括|涵盖|涉及|有|为|是)$/;
const COLON_HEAD = new RegExp(`(?:(?:以下|如下)?${COUNT}(?:个|项|大|方面)|包括|如下|主要有|分别是|重点是|主要是|任务是|重点任务|主要任务|合作内容|合作领域)`);

const LATE_OPENER = /(?:将在|要在|将围绕|将聚焦|共同在|携手在|将|要)(?=[^、，,；;。]{2,})/;
// Words that introduce a list's first item (在A、B…, 围绕A、B…, 包括A、B…).
const OPENERS = new Set([
  '从', '在', '围绕', '聚焦', '包括', '包含', '涵盖', '涉及', '重点', '分别是', '分别为', '是', '有', '即', '就', '对', '如', '涉足', '覆盖',
  '着眼', '瞄准', '立足', '针对', '到', '为',
]);
// Verbs whose object is the list (重点做好A、B…, 签订了A、B等协议, 共建A、B等平台);
// they do not introduce a list of measures that themselves open with verbs.
const VERB_OPENERS = new Set([
  '做好', '抓好', '赋予', '提出', '明确', '签署', '签订', '签下', '共建', '合建', '建设', '打造', '引进', '确定', '推出', '设立', '布局',
]);

// Verbs that open the items of a list of measures in official texts.
const LEAD_VERBS = new Set(
  ('加强 深化 推进 推动 建设 共建 打造 构建 开展 促进 优化 完善 建立 健全 鼓励 支持 提升 提高 扩大 培育 发展 强化 拓展 探索 实施 落实 ' +
    '协同 共促 共推 联合 创新 引导 引进 搭建 组建 设立 谋划 做强 做大 加快 共同 携手 参与 服务 融入 对接 保障 统筹 助力 深入 全面 ' +
    '积极 持续 互学 共享 共育 共创 共拓 加大 增强 夯实 畅通 密切 做好 抓好 用好 发挥 推广 复制 启动 筹建 组织 举办 开拓 培养 吸引 ' +
    '招引 承接 布局 延伸 壮大 拓宽 实现 形成 巩固 构筑 营造 深耕 聚焦 围绕 规划 互派 共办 共抓 合力 协作').split(' '),
);

const SUBJECT_AND_VERB = new RegExp(
  `^(?:双方|两市|两地|两省|两区|两县|各方|三方|三地|将|要|共同|联合|携手|进一步|积极|继续|持续|全面|重点|着力|大力|加快|不断|深入)*(?:${[...LEAD_VERBS].join('|')})`,
);

function startsWithLeadVerb(phrase: string): boolean {
  return LEAD_VERBS.has(phrase.slice(0, 2));
}

function trimRange(text: string, start: number, end: number): OffsetRange {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /[\s的]/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * Where the first item begins in the text before the first 、: after the last
 * introducing word (在, 围绕, 重点做好…), and, when the other items are
 * measures opening with a verb, at the first such verb (赋予示范区加强… → 加强…).
 */
function firstItemStart(text: string, from: number, to: number, verbLed: boolean): number {
  const windowStart = Math.max(from, to - 40);
  const words = segmentWords(text.slice(windowStart, to));
  let start = windowStart;
  let opened = false;
  const isOpener = (k: number) => {
    const word = words[k]?.word ?? '';
    return OPENERS.has(word) || (!verbLed && VERB_OPENERS.has(word));
  };
  for (let k = words.length - 2; k >= 0; k--) {
    if (!isOpener(k)) continue;
    // 重点抓好共建园区、…: of two introducing words in a row, the first one opens the list.
    let first = k;
    while (first > 0 && !verbLed && VERB_OPENERS.has(words[first - 1]?.word ?? '') && VERB_OPENERS.has(words[first]?.word ?? '')) first--;
    start = windowStart + (words[first]?.end ?? 0);
    opened = true;
    break;
  }
  // 《方案》及A、B… and 框架协议及A、B…: the agreement before the conjunction is not an item.
  const named = [...text.slice(start, to).matchAll(/》(?:以及|及|和|与)?|(?:协议|协定|备忘录|方案)(?:以及|及|和|与)/g)].pop();
  if (named && start + named.index + named[0].length < to) start += named.index + named[0].length;
  // 吸引了A、B…, 明确了A、B…, 为了A、B…: the list starts after the 了.
  const perfective = text.lastIndexOf('了', to - 2);
  if (perfective >= start) start = perfective + 1;
  if (verbLed && !startsWithLeadVerb(text.slice(start, to))) {
    const verb = words.find((w) => windowStart + w.start > start && startsWithLeadVerb(text.slice(windowStart + w.start, to)));
    if (verb) start = windowStart + verb.start;
  }
  if (!verbLed && !opened) {
    // 双方将深化A、B、C等领域合作: in a list of things, the subject and verb before the first one are not part of it.
    const lead = SUBJECT_AND_VERB.exec(text.slice(start, to));
    if (lead && to - start - lead[0].length >= 2) start += lead[0].length;
  }
  return start;
}

/** What the words after 等 say the items are: they end with 协议, or start with 项目 or 方面. */
function classify(noun: string): ListKind {
  // 广州与百色、深圳与河池等8对结对市分别签订了协议: the items sign the agreement, they do not name it.
  if (AGREEMENT_END.test(noun)) return SIGNING_VERB.test(noun) ? 'other' : 'agreement';
  if (PROJECT_NOUN.test(noun)) return 'project';
  if (AREA_NOUN.test(noun)) return 'area';
  return 'other';
}

/** The list joined by 、 in one clause of the sentence, if there is one. */
function listInClause(sentence: Sentence, text: string, cs: number, ce: number, headRange: OffsetRange | null): InlineList | null {
  const head = headRange ? text.slice(headRange.start, headRange.end) : null;
  const afterColon = head !== null;
  let firstSep = text.indexOf('、', cs);
  if (firstSep < 0 || firstSep >= ce) return null;
  const etc = text.indexOf('等', firstSep);
  // 深圳、中山将在港航、航空等方面: a list the parties open after their own names starts after 将在.
  const opener = LATE_OPENER.exec(text.slice(firstSep, etc >= 0 && etc < ce ? etc : ce));
  if (opener) {
    const next = text.indexOf('、', firstSep + opener.index + opener[0].length);
    if (next >= 0 && next < ce && (etc < 0 || next < etc)) firstSep = next;
  }
  let listEnd: number;
  let closerStart: number | null = null;
  let count: number | null = null;
  let kind: ListKind = 'other';
  let title: OffsetRange | null = null;
  let plainArea = false;
  let focusCloser = false;
  let keyAreas = false;
  let partiesCooperate = false;
  let verbRun = false;
  if (etc >= 0 && etc < ce) {
    listEnd = etc;
    closerStart = etc + 1;
    const counted = COUNTED_CLOSER.exec(text.slice(etc, ce));
    if (counted?.[1]) count = parseNumber(counted[1]);
    const nounStart = etc + (counted?.[0].length ?? 1);
    kind = classify(text.slice(nounStart, ce));
    if (kind === 'other' && head !== null) kind = HEAD_KIND.find(([pattern]) => pattern.test(head))?.[1] ?? 'other';
    plainArea = !counted && PLAIN_AREA_CLOSER.test(text.slice(nounStart, ce));
    keyAreas = kind === 'area' && FOCUS_CLOSER.test(text.slice(nounStart, ce));
    focusCloser = keyAreas && PARTIES_ACTING.test(text.slice(0, firstSep));
    // …签署《…备忘录》。双方将在A、B、C等领域深化合作: the parties saying, as they sign, where they will cooperate.
    partiesCooperate =
      plainArea && PARTIES_ACTING.test(text.slice(cs, firstSep)) && /合作|协作/.test(text.slice(nounStart, ce)) && SIGNED.test(text.slice(0, cs) + sentenceBefore(sentence));
  } else {
    const bare = UNCOUNTED_CLOSER.exec(text.slice(firstSep, ce));
    if (bare?.[1]) {
      listEnd = firstSep + bare.index;
      closerStart = listEnd;
      count = parseNumber(bare[1]);
      kind = 'area';
      title = { start: listEnd, end: listEnd + bare[0].length };
    } else if (afterColon) {
      listEnd = ce;
      // 签下的项目包括：A、B、C: the lead says what the list holds.
      kind = HEAD_KIND.find(([pattern]) => head !== null && pattern.test(head))?.[1] ?? 'area';
    } else {
      // 围绕A、B和C开展合作: after 围绕, 聚焦 or 在, the topics run up to the verb that follows them.
      const topicEnd = TOPIC_OPENER.test(text.slice(Math.max(cs, firstSep - 24), firstSep)) ? TOPIC_END.exec(text.slice(firstSep, ce)) : null;
      if (topicEnd && topicEnd.index > 0) {
        listEnd = firstSep + topicEnd.index;
        kind = 'area';
        plainArea = true;
      } else {
        // 今后将拓展协作成果、深化区域合作、推动乡村振兴: measures to the end of the clause, kept only when verb-led.
        listEnd = ce;
        kind = 'area';
        verbRun = true;
      }
    }
  }
  const seps: number[] = [];
  for (let k = firstSep; k < listEnd; k++) if (text.charAt(k) === '、') seps.push(k);
  const rest: OffsetRange[] = [];
  for (let k = 0; k < seps.length; k++) {
    const s = (seps[k] ?? 0) + 1;
    const e = seps[k + 1] ?? listEnd;
    rest.push(trimRange(text, s, e));
  }
  const verbLed = rest.filter((r) => startsWithLeadVerb(text.slice(r.start, r.end))).length * 2 > rest.length;
  const firstStart = firstItemStart(text, cs, firstSep, verbLed);
  const split = splitAtAndAlso(text, [trimRange(text, firstStart, firstSep), ...rest]);
  splitLastItem(text, split);
  const items = count !== null && verbLed ? fitToCount(text, split, count) : split;
  // …8项专项合作协议，分别是：A协议、B协议…: items that are agreements make an agreement list, whatever the colon's words.
  if (kind === 'area' && afterColon && items.filter((r) => AGREEMENT_END.test(text.slice(r.start, r.end))).length * 2 > items.length) kind = 'agreement';
  const before = text.slice(cs, firstStart);
  const itself = etc >= 0 && etc < ce && PROJECT_ITSELF.test(text.slice(etc + 1, ce));
  if (kind === 'project' && !itself && !PROJECT_CONTEXT.test(text.slice(cs, ce)) && head === null) kind = 'other';
  const sane = items.every((r) => r.end - r.start >= 1 && r.end - r.start <= 40 && !text.slice(r.start, r.end).includes('等'));
  // Without 等, a count only closes the list when it counts exactly its items (五大重点任务).
  const countFits = closerStart !== listEnd || text.charAt(listEnd) === '等' || count === items.length;
  // 重点做好A、B等四件事, 重点做好A、B三项工作: a counted task list the text puts in focus is headed by that whole phrase.
  const focus = EMPHASIS.exec(before);
  if (focus && count !== null && closerStart !== null) title = { start: cs + (before.length - focus[0].length), end: ce };
  // 双方将重点推进六大任务：A、B、C: the lead that counts the tasks heads them.
  const headed = headRange !== null && head !== null && kind === 'area' && COLON_HEAD.test(head.slice(-14)) && !AGREEMENT_NOUN.test(head);
  if (!title && headed) title = trimRange(text, headRange.start, headRange.end);
  if (!sane || items.length < 2 || !countFits) return null;
  if (verbRun && (!verbLed || items.length < 3 || rest.some((r) => !startsWithLeadVerb(text.slice(r.start, r.end))) || !WILL.test(text.slice(0, firstStart)))) return null;
  const after = closerStart !== null ? text.slice(closerStart, ce) + text.slice(ce).replace(/^[，,]/, '') : '';
  const cooperateOn = plainArea && !verbRun && closerStart !== null && COOPERATION_AFTER.test(after.replace(/^(?:重点)?(?:方面|领域)/, ''));
  const covered = plainArea && COVERS.test(text.slice(cs, firstStart)) && AID_OR_COOPERATION.test(sentence.text);
  return {
    sentence,
    items: items.map((r) => ({ start: sentence.start + r.start, end: sentence.start + r.end })),
    kind,
    count,
    title: title ? { start: sentence.start + title.start, end: sentence.start + title.end } : null,
    emphasised: EMPHASIS.test(before) || AREA_HEAD.test(before) || focusCloser || partiesCooperate || headed || (plainArea && AGREEMENT_CONTENT.test(text)),
    keyAreas,
    cooperatedOn: cooperateOn || covered || verbRun,
    start: sentence.start + (items[0]?.start ?? firstStart),
    end: sentence.start + ce,
  };
}

/** The sentence before this one in its paragraph, or nothing. */
function sentenceBefore(sentence: Sentence): string {
  const text = sentence.block.view.text.slice(0, sentence.start);
  const end = text.replace(/[。！？!?\s]+$/, '').length;
  return text.slice(Math.max(0, text.slice(0, end).search(/[^。！？!?]*$/)), end);
}

/**
 * "提升基础设施、教育医疗、劳务协作水平…等五个方面": when a list of measures has
 * more pieces than its count, a piece that opens with no verb continues the
 * measure before it.
 */
function fitToCount(text: string, items: readonly OffsetRange[], count: number): OffsetRange[] {
  if (items.length <= count) return [...items];
  const merged: OffsetRange[] = [];
  for (const item of items) {
    const previous = merged[merged.length - 1];
    if (previous && !startsWithLeadVerb(text.slice(item.start, item.end))) merged[merged.length - 1] = { start: previous.start, end: item.end };
    else merged.push(item);
  }
  return merged.length === count ? merged : [...items];
}

/** "项目对接以及生物医药": 以及 inside a list of 、 joins two of its items. */
function splitAtAndAlso(text: string, items: readonly OffsetRange[]): OffsetRange[] {
  return items.flatMap((item) => {
    const at = text.slice(item.start, item.end).indexOf('以及');
    return at >= 2 && item.end - item.start - at - 2 >= 2 ? [{ start: item.start, end: item.start + at }, { start: item.start + at + 2, end: item.end }] : [item];
  });
}

/** "A、B和C": the last piece holds two items when its first part is as long as the others. */
function splitLastItem(text: string, rest: OffsetRange[]): void {
  const last = rest[rest.length - 1];
  if (!last || rest.length < 2) return;
  const piece = text.slice(last.start, last.end);
  const m = /(以及|和|及)/.exec(piece);
  if (!m || m.index < 2 || piece.length - m.index - m[0].length < 2) return;
  const longest = Math.max(...rest.slice(0, -1).map((r) => r.end - r.start), 2);
  if (m.index > longest * 1.5) return;
  rest.splice(rest.length - 1, 1, { start: last.start, end: last.start + m.index }, { start: last.start + m.index + m[0].length, end: last.end });
}

/** "以下六个方面工作：A，…；B，…；C，…": items are the lead clauses of the semicolon parts. */
function colonList(sentence: Sentence): InlineList | null {
  const text = sentence.text;
  const colon = text.search(/[:：]/);
  if (colon < 4) return null;
  const head = text.slice(0, colon);
  if (!COLON_HEAD.test(head.slice(-14)) || AGREEMENT_NOUN.test(head) || /项目/.test(head)) return null;
  const parts: OffsetRange[] = [];
  let s = colon + 1;
  for (let k = s; k <= text.length; k++) {
    if (k === text.length || /[；;]/.test(text.charAt(k))) {
      parts.push({ start: s, end: k });
      s = k + 1;
    }
  }
  if (parts.length < 2) return null;
  const items = parts.map((p) => {
    const body = text.slice(p.start, p.end);
    const comma = body.search(/[，,。]/);
    const end = comma > 0 ? p.start + comma : p.end;
    return trimRange(text, p.start, Math.min(end, p.start + 40));
  });
  if (items.some((r) => r.end - r.start < 2)) return null;
  const countMatch = new RegExp(`(${COUNT})(?:个|项|大|方面)`).exec(head);
  const headStart = head.search(/\S/);
  return {
    sentence,
    items: items.map((r) => ({ start: sentence.start + r.start, end: sentence.start + r.end })),
    kind: 'area',
    count: countMatch?.[1] ? parseNumber(countMatch[1]) : null,
    title: { start: sentence.start + Math.max(0, headStart), end: sentence.start + colon },
    emphasised: true,
    keyAreas: false,
    cooperatedOn: false,
    start: sentence.start,
    end: sentence.start + text.length,
  };
}

/** Every inline list of a sentence, left to right. */
export function extractInlineLists(sentence: Sentence): InlineList[] {
  const text = sentence.text;
  const colon = colonList(sentence);
  if (colon) return [colon];
  const lists: InlineList[] = [];
  let cs = 0;
  let head: OffsetRange | null = null;
  for (let k = 0; k <= text.length; k++) {
    const ch = text.charAt(k);
    if (k === text.length || CLAUSE_BREAK.test(ch)) {
      const list = k > cs ? listInClause(sentence, text, cs, k, head) : null;
      if (list) lists.push(list);
      head = ch === ':' || ch === '：' ? { start: cs, end: k } : null;
      cs = k + 1;
    }
  }
  return lists;
}
