import { parseChineseNumeral } from './chinese-number.ts';
import type { DocumentLayout } from './document-layout.ts';
import type { Sentence } from './sentence-splitter.ts';
import { buildView, pieceOf, type SourcePiece } from './text-normaliser.ts';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface SigningDate {
  /** ISO date, or null when the words do not fix year, month and day. */
  readonly iso: string | null;
  readonly piece: SourcePiece;
}

const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const CN_DIGIT = '[〇零一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const NUM = `(?:\\d{1,2}|${CN_SMALL})`;
const DAY_SPAN = new RegExp(`^\\s?(?:至|到|-|—|~|、)\\s?(?:\\d{1,2}\\s?月\\s?)?${NUM}\\s?[日号]`);
// One pattern for every way a news sentence dates an event, leftmost first.
const DATE_EXPRESSION = new RegExp(
  [
    `(?<fy>\\d{4})\\s?年\\s?(?<fm>\\d{1,2})\\s?月\\s?(?<fd>\\d{1,2})\\s?[日号]`,
    `(?<cy>${CN_DIGIT}{4})年(?<cm>${CN_SMALL})月(?<cd>${CN_SMALL})[日号]`,
    `(?<rel>今年|去年|前年|本年)?(?<m>${NUM})\\s?月\\s?(?<d>${NUM})\\s?[日号]`,
    `(?<![\\d月])(?<od>\\d{1,2})日(?![元本])`,
    `(?<word>今天|今日|昨天|昨日|前天|日前|近日|近期)`,
  ].join('|'),
  'g',
);

function valid(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? { year, month, day } : null;
}

function shift(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function toIso(date: CalendarDate | null): string | null {
  if (!date) return null;
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const small = (token: string | undefined): number => {
  if (!token) return NaN;
  return /^\d+$/.test(token) ? Number(token) : (parseChineseNumeral(token) ?? NaN);
};

/**
 * The publication date printed with the page (a "dateline" line such as
 * "羊城地方 2021-01-14 11:04" or "发布时间：2021年1月14日"), if any.
 */
export function findDateline(layout: DocumentLayout): CalendarDate | null {
  for (const line of layout.lines) {
    if (line.kind !== 'dateline') continue;
    const m = FULL_DATE.exec(line.text);
    if (!m) continue;
    const date = valid(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return date;
  }
  return null;
}

// The signature block that closes an agreement's own text: 甲方：…  乙方：…, （签字）, （盖章）.
const SIGNATURE_LINE = /^(甲方|乙方|丙方)|签字|盖章|签章/;

/**
 * The date under the signature block of an agreement's own text (甲方：… 乙方：…
 * then 2023年9月12日), if the text has one.
 */
export function signatureDate(layout: DocumentLayout): SigningDate | null {
  const lines = layout.lines;
  let signature = -1;
  lines.forEach((line, k) => {
    if (line.kind !== 'body' && SIGNATURE_LINE.test(line.text)) signature = k;
  });
  if (signature < 0) return null;
  for (const line of lines.slice(signature + 1)) {
    const found = resolveDate(line.text, null);
    if (!found) continue;
    const view = buildView(layout.original, line.start, line.end);
    return { iso: toIso(found.date), piece: pieceOf(view, found.start, found.end) };
  }
  return null;
}

/**
 * Resolves the first date expression of a sentence. Rules, as news is written:
 * a full date stands alone; 今年/去年 and a bare 月日 take the dateline's year
 * (the year before when the day is later than the dateline, since reports
 * follow events); a bare 日 takes the dateline's month; 今天 is the dateline and
 * 昨天/前天 one and two days before it. 日前, 近日 and 近期 mean "some days
 * ago" and never give a day. Without a dateline only a full date is complete.
 */
export function resolveDate(text: string, dateline: CalendarDate | null): { start: number; end: number; date: CalendarDate | null } | null {
  const all = [...text.matchAll(DATE_EXPRESSION)];
  const isDispatch = (x: RegExpExecArray) => /^(?:[电讯]|消息)/.test(text.slice(x.index + x[0].length));
  // "新华社北京9月18日电 9月17日，…": the dispatch date is not the event's.
  const m = all.find((x) => !isDispatch(x)) ?? all[0];
  if (!m) return null;
  const g = m.groups ?? {};
  const where = { start: m.index, end: m.index + m[0].length };
  // 6月16日至17日, 6月16日、17日: a span of days dates no single signing.
  if (DAY_SPAN.test(text.slice(where.end))) return { ...where, date: null };
  // "本报喀什4月11日讯 昨天…": the dispatch is the day the report counts 今天, 昨天 and a bare 日 from.
  const dispatch = all.find(isDispatch);
  if (dispatch && dispatch !== m && dateline && (g.od || g.word)) {
    const reference = resolveDate(dispatch[0], dateline)?.date ?? dateline;
    return { ...where, date: resolveDate(m[0], reference)?.date ?? null };
  }
  if (g.fy) return { ...where, date: valid(Number(g.fy), Number(g.fm), Number(g.fd)) };
  if (g.cy) return { ...where, date: valid(parseChineseNumeral(g.cy) ?? NaN, small(g.cm), small(g.cd)) };
  if (g.m) {
    if (!dateline) return { ...where, date: null };
    const month = small(g.m);
    const day = small(g.d);
    let year = dateline.year;
    if (g.rel === '去年') year -= 1;
    else if (g.rel === '前年') year -= 2;
    else if (!g.rel && (month > dateline.month || (month === dateline.month && day > dateline.day))) year -= 1;
    return { ...where, date: valid(year, month, day) };
  }
  if (g.od) {
    if (!dateline) return { ...where, date: null };
    const day = Number(g.od);
    const sameMonth = day <= dateline.day;
    const base = sameMonth ? dateline : shift({ ...dateline, day: 1 }, -1);
    return { ...where, date: valid(base.year, base.month, day) };
  }
  if (!dateline) return { ...where, date: null };
  if (g.word === '今天' || g.word === '今日') return { ...where, date: dateline };
  if (g.word === '昨天' || g.word === '昨日') return { ...where, date: shift(dateline, -1) };
  if (g.word === '前天') return { ...where, date: shift(dateline, -2) };
  return { ...where, date: null };
}

/** The part of a sentence between the semicolons around a position: one reported fact. */
function clauseAround(text: string, at: number): { start: number; end: number } {
  const before = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('；', at));
  const after = text.slice(at).search(/[;；]/);
  return { start: before + 1, end: after < 0 ? text.length : at + after };
}

/**
 * The date of a signing, read from the clause of the signing verb or, when
 * it has none, from the two sentences before it in the same paragraph: a news
 * paragraph dates its event once, in its lead (9月17日，论坛在南宁举行。会上…签署…).
 */
export function signingDate(sentence: Sentence, verbAt: number, before: readonly Sentence[], dateline: CalendarDate | null): SigningDate | null {
  const clause = clauseAround(sentence.text, verbAt - sentence.start);
  const candidates = [{ s: sentence, from: clause.start, text: sentence.text.slice(clause.start, clause.end) }];
  for (const s of [...before].reverse().slice(0, 2)) candidates.push({ s, from: 0, text: s.text });
  for (const { s, from, text } of candidates) {
    const found = resolveDate(text, dateline);
    if (!found) continue;
    const piece = pieceOf(s.block.view, s.start + from + found.start, s.start + from + found.end);
    return { iso: toIso(found.date), piece };
  }
  return null;
}
