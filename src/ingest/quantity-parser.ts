import { isBareMagnitude, MAGNITUDE_SOURCE, MAGNITUDES, NUMBER_SOURCE, parseNumber } from './chinese-number.ts';
import type { Comparator } from './ingest-result.ts';
import type { Sentence } from './sentence-splitter.ts';

/** A figure with its unit: money (180亿元, 10亿美元以上) or a counted or measured quantity (2-3家, 30%). */
export interface Quantity {
  /** Offsets in the string that was searched. */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly valueMax: number | null;
  /** ISO 4217 code for money; the classifier or unit otherwise. */
  readonly unit: string;
  readonly money: boolean;
  readonly qualifier: string | null;
  readonly comparator: Comparator;
}

const CURRENCIES: ReadonlyArray<readonly [string, string]> = [
  ['新加坡元', 'SGD'], ['瑞士法郎', 'CHF'], ['新台币', 'TWD'], ['人民币', 'CNY'], ['美元', 'USD'], ['美金', 'USD'],
  ['日元', 'JPY'], ['港元', 'HKD'], ['港币', 'HKD'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['韩元', 'KRW'], ['澳元', 'AUD'],
  ['加元', 'CAD'], ['卢布', 'RUB'], ['泰铢', 'THB'], ['元', 'CNY'],
];
const CURRENCY_CODES = new Map(CURRENCIES);

// Classifiers and units of counted or measured things, longest first.
const CLASSIFIERS = [
  '个百分点', '平方公里', '平方米', '万千瓦', '千瓦时', '人次', '家次', '万吨', '小时', '分钟', '千瓦', '兆瓦', '公里', '千米', '标箱',
  '个', '家', '项', '所', '座', '条', '批', '名', '位', '人', '户', '台', '套', '件', '次', '场', '亩', '吨', '倍', '艘', '辆', '架', '%',
];

const PREFIXES: Readonly<Record<string, { qualifier: string; comparator: Comparator }>> = {
  超过: { qualifier: '超', comparator: '>' }, 超: { qualifier: '超', comparator: '>' }, 逾: { qualifier: '超', comparator: '>' },
  突破: { qualifier: '突破', comparator: '>' }, 大约: { qualifier: '约', comparator: '≈' }, 约合: { qualifier: '约', comparator: '≈' }, 约: { qualifier: '约', comparator: '≈' },
  将近: { qualifier: '近', comparator: '≈' }, 接近: { qualifier: '近', comparator: '≈' }, 近: { qualifier: '近', comparator: '≈' },
  不少于: { qualifier: '以上', comparator: '>=' }, 不低于: { qualifier: '以上', comparator: '>=' }, 至少: { qualifier: '以上', comparator: '>=' },
  最高: { qualifier: '最高', comparator: '=' }, 高达: { qualifier: '高达', comparator: '=' },
};
const SUFFIXES: Readonly<Record<string, { qualifier: string; comparator: Comparator }>> = {
  以上: { qualifier: '以上', comparator: '>=' }, 左右: { qualifier: '约', comparator: '≈' }, 之多: { qualifier: '超', comparator: '>' },
};

const alternation = (words: readonly string[]) => words.map((w) => w.replace(/[%]/g, '\\$&')).join('|');

const QUANTITY = new RegExp(
  `(?<pre>${alternation(Object.keys(PREFIXES))})?(?:人民币)?(?<a>${NUMBER_SOURCE})\\s?(?<m1>${MAGNITUDE_SOURCE})?` +
    `(?:\\s?(?<sep>-|~|至|到)\\s?(?<b>${NUMBER_SOURCE})\\s?(?<m2>${MAGNITUDE_SOURCE})?)?` +
    `(?<x1>余|多)?(?<m3>${MAGNITUDE_SOURCE})?(?<x2>余|多)?\\s?(?<unit>${alternation([...CURRENCIES.map(([w]) => w), ...CLASSIFIERS])})` +
    `(?<post>${alternation(Object.keys(SUFFIXES))})?`,
  'g',
);

function rejected(text: string, m: RegExpExecArray, unit: string, a: string, magnitude: string | undefined): boolean {
  const before = text.slice(Math.max(0, m.index - 2), m.index);
  const after = text.charAt(m.index + m[0].length);
  const chineseFigure = !/^\d/.test(a);
  // 百, 千 alone are "hundreds", except as the number of a qualified magnitude (超百亿元, 近千万元).
  if (isBareMagnitude(a) && !(m.groups?.pre && magnitude)) return true;
  // 数十亿, 几百万: not a figure; 第4代: an ordinal.
  if (/[数几第每]$/.test(before)) return true;
  // 1月1日元旦 is a date, not one yen.
  if (unit === '日元' && /月\s?$/.test(text.slice(0, m.index + (m.groups?.pre?.length ?? 0)))) return true;
  if (unit === '元' && /[旦素首宵老帅]/.test(after)) return true;
  // Prices (元/吨) and size classes (百亿级) are not amounts.
  if (after === '/' || after === '级' || after === '每') return true;
  // 二元结构, 一元化: Chinese numerals name money only with a magnitude.
  if (chineseFigure && unit === '元' && !magnitude) return true;
  // 一个平台, 一批项目: the article, not a figure.
  if (chineseFigure && a === '一' && !CURRENCY_CODES.has(unit)) return true;
  return false;
}

/** value × a power of ten without binary rounding (544.8 × 1e8 is 54480000000, not …99.99999). */
function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number(`${value}e${Math.round(Math.log10(scale))}`);
}

/** Every money amount and counted quantity in the text, left to right. */
function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const g = m.groups ?? {};
    const a = g.a ?? '';
    const unitWord = g.unit ?? '';
    const magnitudeWord = g.m1 ?? g.m2 ?? g.m3;
    if (rejected(text, m, unitWord, a, magnitudeWord)) continue;
    const first = parseNumber(a);
    if (first === null) continue;
    const shared = (g.m2 ?? g.m3) ? MAGNITUDES[g.m2 ?? g.m3 ?? ''] ?? 1 : 1;
    const firstScale = g.m1 ? (MAGNITUDES[g.m1] ?? 1) : shared;
    const second = g.b ? parseNumber(g.b) : null;
    const money = CURRENCY_CODES.has(unitWord);
    const pre = g.pre ? PREFIXES[g.pre] : undefined;
    const post = g.post ? SUFFIXES[g.post] : undefined;
    const approximate = g.x1 ?? g.x2;
    const qualifier = pre?.qualifier ?? post?.qualifier ?? (approximate ? '超' : null);
    const comparator: Comparator = pre?.comparator ?? post?.comparator ?? (approximate ? '>' : second !== null ? '>=' : '=');
    // 100万人 counts people: the magnitude scales the value, the unit stays 人.
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: scaled(first, firstScale),
      valueMax: second !== null ? scaled(second, shared) : null,
      unit: money ? (CURRENCY_CODES.get(unitWord) ?? 'CNY') : unitWord,
      money,
      qualifier,
      comparator,
    });
  }
  return mergedRanges(text, out);
}

/** 5亿元至8亿元: two figures of one unit joined by 至, 到 or a dash are one range. */
function mergedRanges(text: string, found: readonly Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of found) {
    const previous = out[out.length - 1];
    const joined = previous && previous.valueMax === null && q.valueMax === null && previous.unit === q.unit && q.value > previous.value;
    if (previous && joined && /^\s?(?:至|到|-|~)\s?$/.test(text.slice(previous.end, q.start))) {
      out[out.length - 1] = { ...previous, end: q.end, valueMax: q.value, comparator: previous.qualifier ? previous.comparator : '>=' };
    } else out.push(q);
  }
  return out;
}

// Amounts, targets and counts all read the figures of the same sentences.
const bySentence = new WeakMap<Sentence, Quantity[]>();

/** The figures of a sentence, offsets in the sentence's text; computed once per sentence. */
export function quantitiesOf(sentence: Sentence): Quantity[] {
  let found = bySentence.get(sentence);
  if (!found) {
    found = findQuantities(sentence.text);
    bySentence.set(sentence, found);
  }
  return found;
}
