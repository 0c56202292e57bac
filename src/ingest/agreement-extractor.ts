import type { InlineList } from './inline-list-extractor.ts';
import type { NamedItem } from './ingest-result.ts';
import { scanPlaces } from './place-mentions.ts';
import type { RegionDictionary } from './region-dictionary.ts';
import type { Sentence } from './sentence-splitter.ts';
import { pieceOf, type SourcePiece } from './text-normaliser.ts';

/** A signing written in a sentence: where its verb is and what was signed. */
export interface SigningEvent {
  readonly sentence: Sentence;
  /** Offset of the signing verb in the block view. */
  readonly verbStart: number;
  readonly names: readonly NameMention[];
}

interface NameMention {
  readonly piece: SourcePiece;
  /** The name as normalised for matching (簽訂戰略合作協議 reads 签订战略合作协议). */
  readonly name: string;
  readonly bracketed: boolean;
  readonly sentence: Sentence;
  /** Offsets of the name in the block view. */
  readonly start: number;
  readonly end: number;
}

export interface AgreementFindings {
  /** `itself`: the text is the agreement's own wording, headed by its name. */
  readonly main: { readonly piece: SourcePiece; readonly events: readonly SigningEvent[]; readonly itself: boolean } | null;
  readonly subAgreements: readonly NamedItem[];
  /** Every signing in the text, in order, for dating when there is no main agreement. */
  readonly events: readonly SigningEvent[];
}

const TAIL = '框架协议|合作协议|协议书|协议|协定|备忘录|意向书|合作书|协作书|合同|议定书';
const AGREEMENT_NAME = new RegExp(`(${TAIL})$`);
const DOCUMENT_NAME = new RegExp(`(${TAIL}|方案|规划|计划|纲要|意见|办法|决定|通知|框架|宣言|倡议|倡议书|章程|共识)$`);
const SIGN_VERB = /签署|签订|签下|缔结|共签|签约/g;
const BARE_NAME = new RegExp(`^(?:了|完成)?\\s?((?:“[^”]{0,30}”)?[^，,。；;、《》()（）\\s:：!?！？]{0,24}?(?:${TAIL}))`);
const BRACKETED = /《([^《》\n]{1,80})》/g;
const QUOTED_AGREEMENT = new RegExp(`“([^“”]{2,40}(?:${TAIL}))”`, 'g');
const ALIAS = /《([^《》]{1,80})》\s?[(（]\s?以下简称\s?[《“"]([^》”"]{1,20})[》”"]\s?[)）]/g;
const CLAUSE_START = /[，,。；;：:！？!?]/;
// Who signs for a government, and who signs for a department, association or firm.
const GOVERNMENT = /政府|市长|省长|区长|县长|州长|书记|市委|省委|两市|两省|两地|两区|两县|双方|主要领导|党政/;
const GOVERNMENT_PERSON = /政府|市长|省长|区长|县长|州长|书记/;
const DEPARTMENT = /局|厅|委员会|发改委|办公室|协会|商会|学会|公司|集团|企业|大学|学院|研究院|银行|联谊会|律协|中心|医院|园区|管委会|部门|机构|高新区|开发区|经开区|新区|保税区|综试区|片区|合作区/;
// How an agreement's own text refers to itself.
const SELF_REFERENCE = /本协议|本备忘录|达成(?:如下|以下)(?:协议|共识)|特(?:签订|订立)本/;
const ALONGSIDE_BEFORE = /(?:还|同时|另|也)(?:共同|分别|集中)?$/;
const ALONGSIDE_AFTER = /^》?\s*等\s*[\d一二三四五六七八九十两]+\s*(?:个|项|份|批)/;
const REVIEWED_HINT = /审议/;
const REVIEWED = /审议(?:并?通过)?了?\s?《([^《》\n]{1,80})》/g;
const FIRM = /公司|集团|企业|银行|大学|学院|研究院|医院|协会|商会|学会|联谊会|基金/;
// Signings reported as this event: dated to the day, or 会上/现场/此次.
const EVENT_MARKER = /会上|会议上|仪式上|大会上|现场|当天|当日|同日|此次|本次|期间|\d{1,2}月\d{1,2}日/;
// Signings reported as background: past periods, lists of earlier results, examples.
const BACKGROUND = /近年来|多年来|一年来|以来|此前|先后|曾经|曾与|去年|前年|早在|……|\.\.\.\.\.\./;
const EXAMPLES = /诸如|例如|比如/;
const MONTH = /(\d{1,2})月/g;
const GENERIC_NAME = /^(战略)?(合作)?(框架)?(协议|协定|备忘录|意向书)$/;
const SHORT_SUBJECT = 12;

/** A name reduced to what tells agreements apart: no parties, governments, quotes or particles. */
function agreementCore(name: string, dictionary: RegionDictionary): string {
  let text = name.replace(/[《》“”"'‘’()（）\s]/g, '');
  const places = scanPlaces(text, dictionary);
  for (let k = places.length - 1; k >= 0; k--) {
    const p = places[k];
    if (p) text = text.slice(0, p.start) + text.slice(p.end);
  }
  return text.replace(/人民政府|政府|两市|双方|关于|之间|[市省区县与和、及的]/g, '');
}

/** Start of the clause that ends at a signing verb: the words naming who signed. */
function subjectStart(text: string, verb: number): number {
  for (let k = verb - 1; k >= 0; k--) if (CLAUSE_START.test(text.charAt(k))) return k + 1;
  return 0;
}

function isGovernmentSubject(clause: string, dictionary: RegionDictionary): boolean {
  // The signatories are the clause's opening noun phrase: 双方就A、B…签订 → 双方.
  const subject = clause.slice(0, Math.max(0, clause.search(/就|在|将|于|围绕|按照|根据|共同|正式|分别|集中|签/)) || clause.length);
  // 上海市、江苏省、浙江省大数据管理部门签署: departments of several regions sign for their governments; firms do not.
  const parts = subject.split(/[、与和及]/);
  const regionLed = (parts.length < 2 ? [] : parts).filter((part) => {
    const [first] = scanPlaces(part, dictionary);
    return first !== undefined && first.start === 0 && first.regions.length > 0;
  });
  if (regionLed.length >= 2 && !FIRM.test(subject)) return true;
  if (DEPARTMENT.test(subject) && !GOVERNMENT_PERSON.test(subject)) return false;
  return GOVERNMENT.test(clause) || scanPlaces(subject, dictionary).length >= 2;
}

interface Group {
  readonly core: string;
  readonly mentions: NameMention[];
  readonly events: SigningEvent[];
  government: boolean;
  /** Signed at least once as the event's own agreement, not as one of those signed alongside. */
  primary: boolean;
}

/**
 * The main agreement and those signed alongside it. The main one is signed by
 * the governments (A市政府与B市政府签署…, or named 《A市人民政府与B市人民政府…》),
 * or else is the document the text is about (《总体方案》, named three times
 * or more), or else the one whose signing the headline announces. Sub-agreements are the others signed at the event, and the items
 * of lists such as "A、B等6个…协议".
 */
export function extractAgreements(sentences: readonly Sentence[], lists: readonly InlineList[], dictionary: RegionDictionary): AgreementFindings {
  const groups = new Map<string, Group>();
  const aliases = new Map<string, string>();
  const events: SigningEvent[] = [];
  const groupOf = (name: string): Group => {
    const core = agreementCore(aliases.get(name) ?? name, dictionary);
    let group = groups.get(core);
    if (!group) {
      group = { core, mentions: [], events: [], government: false, primary: false };
      groups.set(core, group);
    }
    return group;
  };
  const mention = (sentence: Sentence, start: number, end: number, bracketed: boolean): NameMention => ({
    piece: pieceOf(sentence.block.view, sentence.start + start, sentence.start + end),
    name: sentence.text.slice(start, end),
    bracketed,
    sentence,
    start: sentence.start + start,
    end: sentence.start + end,
  });

  for (const sentence of sentences) {
    for (const m of sentence.text.matchAll(ALIAS)) if (m[1] && m[2]) aliases.set(m[2], m[1]);
  }
  const subCandidates: SubCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    const bracketed: NameMention[] = [];
    for (const m of text.matchAll(BRACKETED)) {
      const name = m[1] ?? '';
      // 《…框架协议（2022-2025年）》: the years in brackets do not change what it is.
      if (!DOCUMENT_NAME.test((aliases.get(name) ?? name).replace(/\([^()]*\)$/, ''))) continue;
      const found = mention(sentence, m.index + 1, m.index + 1 + name.length, true);
      bracketed.push(found);
      groupOf(name).mentions.push(found);
    }
    for (const m of text.matchAll(QUOTED_AGREEMENT)) {
      const name = m[1] ?? '';
      groupOf(name).mentions.push(mention(sentence, m.index + 1, m.index + 1 + name.length, false));
    }
    const sentenceEvents: SigningEvent[] = [];
    for (const v of text.matchAll(SIGN_VERB)) {
      const after = v.index + v[0].length;
      const names = chainedNames(text, after, sentence.start, bracketed);
      const bare = names.length > 0 ? null : BARE_NAME.exec(text.slice(after));
      const bareName = bare?.[1];
      // "15项合作协议" and "“1+15”协议" count agreements; they do not name one.
      if (bare && bareName && !/^“?[\d一二三四五六七八九十两]+(?:个|项|份|批|类|\+)/.test(bareName)) {
        const start = after + bare[0].length - bareName.length;
        names.push(mention(sentence, start, start + bareName.length, false));
      }
      let subject = subjectStart(text, v.index);
      // 两地召开联席会议，签订了《…》: a clause that opens with the verb shares the subject of the one before.
      if (v.index - subject < 2 && subject > 0) subject = subjectStart(text, subject - 1);
      const event: SigningEvent = { sentence, verbStart: sentence.start + v.index, names };
      sentenceEvents.push(event);
      const government = isGovernmentSubject(text.slice(subject, v.index), dictionary);
      const last = names[names.length - 1];
      // 两地还签署了《A》等5项专项协议: agreements signed alongside the main one.
      const alongside = ALONGSIDE_BEFORE.test(text.slice(Math.max(0, v.index - 4), v.index)) || (last !== undefined && ALONGSIDE_AFTER.test(text.slice(last.end - sentence.start)));
      for (const n of names) {
        const group = groupOf(n.name);
        if (!n.bracketed) group.mentions.push(n);
        group.events.push(event);
        if (government) group.government = true;
        if (!alongside) group.primary = true;
        const core = group.core;
        const generic = GENERIC_NAME.test(core) && !n.bracketed && v.index - subject <= SHORT_SUBJECT && v.index > subject;
        const start = generic ? sentence.start + subject : n.start;
        subCandidates.push({ item: pieceOfItem(sentence, start, n.end), core, sentence });
      }
    }
    events.push(...sentenceEvents);
    // 《…》签约仪式 and the like: a bracketed agreement in a sentence about signing.
    if (sentenceEvents.length > 0) {
      for (const b of bracketed) {
        if (!AGREEMENT_NAME.test(b.name)) continue;
        subCandidates.push({ item: { name: b.piece.text, start: b.piece.start, end: b.piece.end }, core: agreementCore(b.name, dictionary), sentence });
      }
    }
  }
  // 会议审议了《…工作计划》，…签订《…协议》: a document adopted where the agreement is signed goes with it.
  for (const sentence of sentences) {
    if (!REVIEWED_HINT.test(sentence.text) || !events.some((e) => e.sentence.block === sentence.block)) continue;
    for (const m of sentence.text.matchAll(REVIEWED)) {
      const name = m[1] ?? '';
      if (!DOCUMENT_NAME.test(name)) continue;
      const start = m.index + m[0].length - name.length - 1;
      subCandidates.push({ item: pieceOfItem(sentence, sentence.start + start, sentence.start + start + name.length), core: agreementCore(name, dictionary), sentence });
    }
  }
  mergeShortReferences(groups);
  for (const group of groups.values()) {
    if (group.mentions.some((m) => /政府/.test(m.name))) group.government = true;
  }

  const main = chooseMain([...groups.values()]);
  const mainCore = main?.core ?? null;
  const subs: NamedItem[] = [];
  const seen = new Set<string>(mainCore ? [mainCore] : []);
  const addSub = (item: NamedItem, core: string) => {
    if (seen.has(core) || core.length === 0) return;
    seen.add(core);
    subs.push(item);
  };
  // 《A》、《B》等3份协议: a bracketed item is named without its brackets.
  const listItems = lists
    .filter((l) => l.kind === 'agreement')
    .flatMap((l) =>
      l.items.map((r) => {
        const view = l.sentence.block.view;
        const bracketed = view.text.charAt(r.start) === '《' && view.text.charAt(r.end - 1) === '》';
        const piece = bracketed ? pieceOf(view, r.start + 1, r.end - 1) : pieceOf(view, r.start, r.end);
        const written = view.text.slice(r.start, r.end);
        // 蓬莱与旅顺口 names an agreement by its parties alone: keep them.
        return { piece, core: agreementCore(written, dictionary) || written };
      }),
    );
  const mainMonths = new Set((main?.events ?? []).flatMap((e) => [...e.sentence.text.matchAll(MONTH)].map((m) => m[1])));
  const ordered = [
    ...subCandidates.filter((c) => !isBackground(c.sentence, mainMonths)).map((c) => ({ item: c.item, core: c.core })),
    ...listItems.map(({ piece, core }) => ({ item: { name: piece.text, start: piece.start, end: piece.end }, core })),
  ].sort((a, b) => a.item.start - b.item.start);
  for (const { item, core } of ordered) addSub(item, core);

  // The name as the text gives it in full: in brackets, else in the body rather than a headline.
  const byPosition = main?.mentions.slice().sort((a, b) => a.piece.start - b.piece.start) ?? [];
  const first = byPosition.find((m) => m.bracketed) ?? byPosition.find((m) => m.sentence.block.kind === 'body') ?? byPosition[0];
  const itself = main && first ? null : agreementItself(sentences);
  return {
    main: main && first ? { piece: first.piece, events: main.events, itself: false } : itself ? { piece: itself, events: [], itself: true } : null,
    subAgreements: subs,
    events,
  };
}

/**
 * The text of an agreement itself: a heading that is an agreement's name
 * (德绵同城化发展战略合作框架协议) over a body that speaks of 本协议 or
 * 达成如下协议.
 */
function agreementItself(sentences: readonly Sentence[]): SourcePiece | null {
  if (!sentences.some((s) => s.block.kind === 'body' && SELF_REFERENCE.test(s.text))) return null;
  const heading = sentences.find((s) => s.block.kind === 'heading' && AGREEMENT_NAME.test(s.text.trim()) && !/[，,。]/.test(s.text));
  return heading ? pieceOf(heading.block.view, heading.start, heading.start + heading.text.trimEnd().length) : null;
}

interface SubCandidate {
  readonly item: NamedItem;
  readonly core: string;
  readonly sentence: Sentence;
}

/**
 * Whether a signing is told as background rather than as part of this event
 * (or is a headline repeating the main one): a past period (去年, 近年来, 此前), a list of earlier results (……), an
 * example (诸如…), or a month other than the main signing's. A signing dated
 * to the day or placed 会上/现场 is part of the event.
 */
function isBackground(sentence: Sentence, mainMonths: ReadonlySet<string | undefined>): boolean {
  const text = sentence.text;
  // A headline's signing is the main one, told again.
  if (sentence.block.kind === 'heading') return true;
  if (EVENT_MARKER.test(text)) return false;
  if (BACKGROUND.test(text) || EXAMPLES.test(sentence.block.view.text)) return true;
  const months = [...text.matchAll(MONTH)].map((m) => m[1]);
  return mainMonths.size > 0 && months.some((m) => !mainMonths.has(m));
}

/** 签署了《A》、《B》和《C》: the bracketed names right after the verb. */
function chainedNames(text: string, after: number, offset: number, bracketed: readonly NameMention[]): NameMention[] {
  const names: NameMention[] = [];
  let at = after;
  const skip = (pattern: RegExp) => {
    const m = pattern.exec(text.slice(at));
    if (m) at += m[0].length;
  };
  skip(/^(了|完成)?\s*/);
  for (;;) {
    const next = bracketed.find((b) => b.start - offset === at + 1);
    if (text.charAt(at) !== '《' || !next) return names;
    names.push(next);
    at = next.end - offset + 1;
    skip(/^\s*(、|和|及|以及|与)?\s*/);
  }
}

function pieceOfItem(sentence: Sentence, start: number, end: number): NamedItem {
  const piece = pieceOf(sentence.block.view, start, end);
  return { name: piece.text, start: piece.start, end: piece.end };
}

/**
 * A headline's "签署合作协议" refers to the body's "战略合作协议", and its
 * "京津冀签署协同创新…框架协议" to the body's 《京津冀协同创新…框架协议》 (the
 * headline leaves the parties before the verb): a name met only in
 * headlines, which ends exactly one longer name, is merged into it.
 */
function mergeShortReferences(groups: Map<string, Group>): void {
  for (const [core, group] of [...groups]) {
    if (group.mentions.some((m) => m.sentence.block.kind !== 'heading')) continue;
    const wider = [...groups.values()].filter((g) => g !== group && g.core.length > core.length && g.core.endsWith(core));
    const [target] = wider;
    if (wider.length !== 1 || !target) continue;
    target.mentions.push(...group.mentions);
    target.events.push(...group.events.filter((e) => !target.events.includes(e)));
    target.events.sort((a, b) => (a.sentence.block.view.map[a.verbStart] ?? 0) - (b.sentence.block.view.map[b.verbStart] ?? 0));
    target.government ||= group.government;
    groups.delete(core);
  }
}

function chooseMain(groups: readonly Group[]): Group | null {
  // Signed as the event's own, then named in brackets, then signed in the body rather than only in a headline, then most mentioned, then first.
  const rank = (g: Group) => [
    g.primary ? 1 : 0,
    g.mentions.some((m) => m.bracketed) ? 1 : 0,
    g.events.some((e) => e.sentence.block.kind === 'body') ? 1 : 0,
    g.mentions.length,
    -Math.min(...g.mentions.map((m) => m.piece.start)),
  ];
  const better = (a: Group, b: Group) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if ((ra[k] ?? 0) !== (rb[k] ?? 0)) return (ra[k] ?? 0) > (rb[k] ?? 0);
    return false;
  };
  const pick = (candidates: readonly Group[]) => candidates.reduce<Group | null>((best, g) => (!best || better(g, best) ? g : best), null);
  // Signed by the governments: an agreement by name, or any named document (《…工作方案》).
  const signed = groups.filter((g) => g.government && g.events.length > 0 && g.mentions.some((m) => m.bracketed || AGREEMENT_NAME.test(m.name)));
  // Only agreements signed alongside (两地还签署了…) are the governments': the one they accompany is the main one.
  const own = groups.filter((g) => g.primary && g.events.some((e) => e.sentence.block.kind === 'body'));
  if (signed.length > 0 && !signed.some((g) => g.primary) && own.length > 0) return pick(own);
  if (signed.length > 0) return pick(signed);
  // A plan or agreement the whole text discusses (《总体方案》 and its full title).
  const discussed = pick(groups.filter((g) => g.mentions.filter((m) => m.bracketed).length >= 3));
  if (discussed) return discussed;
  // The agreement whose signing the headline announces, whoever signed it.
  return pick(groups.filter((g) => g.events.some((e) => e.sentence.block.kind === 'heading') && g.events.some((e) => e.sentence.block.kind === 'body')));
}
