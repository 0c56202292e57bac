/**
 * Character normalisation for matching. Every mapping is one UTF-16 unit to
 * one UTF-16 unit, so a normalised string has the same offsets as the
 * original and spans found in it point straight back into the source text.
 */

// Traditional and variant forms that turn up in mainland official texts
// (place names, agreement vocabulary, money words), mapped to simplified.
const VARIANT_PAIRS =
  '島岛東东廣广陽阳門门灣湾蘇苏濟济寧宁遼辽龍龙雲云貴贵臺台華华漢汉慶庆錫锡連连莊庄鄭郑陝陕長长興兴區区縣县鎮镇國国與与' +
  '協协議议簽签資资億亿萬万劃划發发開开業业產产會会員员書书號号體体濱滨鄉乡廳厅黨党黃黄關关實实現现經经進进領领設设務务' +
  '術术學学園园廠厂場场際际網网電电態态環环車车鐵铁為为對对點点項项級级兩两動动聯联絡络導导層层計计標标準准權权機机構构' +
  '規规線线約约組组織织總总統统證证費费質质類类認认諾诺幣币圓圆贛赣閩闽滬沪粵粤魯鲁甯宁灃沣溝沟澤泽嶺岭麗丽雙双邊边樞枢' +
  '紐纽貿贸運运輸输創创鏈链傳传聲声麼么嶼屿潔洁衛卫師师優优勢势補补贏赢談谈專专夥伙盧卢蘭兰膠胶訂订戰战遊游將将這这個个' +
  '們们說说來来時时係系於于後后還还從从見见辦办頭头歲岁樣样幹干當当無无農农視视聽听話话語语讀读請请議议討讨論论決决態态' +
  '積积極极營营銷销購购貨货價价稅税額额幫帮擴扩據据採采檢检驗验醫医療疗藥药衛卫險险護护區区縣县鄰邻陸陆灣湾島岛橋桥' +
  '廈厦門门瀋沈陽阳濰潍煙烟臨临淄淄滄沧鄂鄂黔黔滇滇隴陇綫线鐘钟簡简稱称舉举辦办屆届節节慶庆藝艺術术遺遗護护續续紀纪' +
  '錄录畫画規规劃划範范圍围圖图層层億亿噸吨畝亩備备詳详細细條条審审屬属權权責责職职務务獎奖勵励懲惩災灾儲储礦矿纖纤' +
  '紡纺織织鋼钢銀银鏈链機机械械氣气溫温熱热壓压淨净塊块緊紧總总億亿萬万圓圆';

const VARIANTS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < VARIANT_PAIRS.length; i += 2) {
    const from = VARIANT_PAIRS[i];
    const to = VARIANT_PAIRS[i + 1];
    if (from !== undefined && to !== undefined && from !== to) map.set(from, to);
  }
  return map;
})();

/** Characters that carry no text: they are dropped from views. */
function isIgnorable(code: number): boolean {
  return code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0x00ad;
}

/** Spaces of every width, which layout leaves around line breaks. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0x00a0 || (code >= 0x2002 && code <= 0x200a) || code === 0x202f || code === 0x205f;
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

function normalisedCode(code: number, variants: ReadonlyMap<string, string>): number {
  // Full-width ASCII forms (，：；（）０-９ and friends) become half-width.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (isBlank(code) && code !== 0x09) return 0x20;
  switch (code) {
    case 0xff61:
      return 0x3002;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return 0x2d;
    case 0x301c:
      return 0x7e;
    case 0x3014: case 0xfe5d:
      return 0x28;
    case 0x3015: case 0xfe5e:
      return 0x29;
    case 0x300c: case 0x300e:
      return 0x201c;
    case 0x300d: case 0x300f:
      return 0x201d;
    case 0x3008:
      return 0x300a;
    case 0x3009:
      return 0x300b;
    default:
      return variants.get(String.fromCharCode(code))?.charCodeAt(0) ?? code;
  }
}

// One entry per UTF-16 unit, built once: normalising a text is a table lookup per character.
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = normalisedCode(code, VARIANTS);
  return table;
})();

function isHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/**
 * Sites that type Chinese with half-width punctuation end sentences with ".":
 * a dot after a Chinese character or a closing bracket or quote, and before a
 * Chinese character, a quote, a blank or the end, is a full stop 。, while
 * 4026.5 and 1. stay as they are.
 */
function fullStop(original: string, at: number, previous: number): number {
  const next = at + 1 < original.length ? original.charCodeAt(at + 1) : -1;
  const closes = next === -1 || isHan(next) || isBlank(next) || isLineBreak(next) || next === 0x201c || next === 0x201d || next === 0x22;
  const afterWords = isHan(previous) || previous === 0x300b || previous === 0x201d || previous === 0x2019 || previous === 0x29;
  return afterWords && closes ? 0x3002 : 0x2e;
}

/** Normalises a whole string; the result has the same length as the input. */
export function normaliseText(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = TABLE[text.charCodeAt(i)] ?? 0;
    codes[i] = code === 0x2e ? fullStop(text, i, i > 0 ? (codes[i - 1] ?? 0) : 0) : code;
  }
  return decodeUnits(codes, codes.length);
}

const UTF16 = new TextDecoder('utf-16le');

/** Text of UTF-16 units; a lone surrogate (junk input) becomes U+FFFD, one unit for one. */
function decodeUnits(codes: Uint16Array, length: number): string {
  return UTF16.decode(codes.subarray(0, length));
}

/**
 * A normalised, possibly shortened copy of part of the original text, with
 * the original offset of every unit, so matches in the view map back to
 * exact source spans.
 */
export interface TextView {
  /** The original text the view was built from. */
  readonly source: string;
  readonly text: string;
  /** map[i] is the original offset of text[i]; map[text.length] is the original end. */
  readonly map: Int32Array;
}

/**
 * Builds a view of original[start, end) that drops ignorable characters and
 * the line breaks (with surrounding blanks) between the given joined lines.
 */
export function buildView(original: string, start: number, end: number): TextView {
  const codes = new Uint16Array(Math.max(0, end - start));
  const map = new Int32Array(codes.length + 1);
  let n = 0;
  let i = start;
  while (i < end) {
    const code = original.charCodeAt(i);
    if (isLineBreak(code)) {
      // A soft line break inside a paragraph: drop it with the blanks around it.
      while (n > 0 && isBlank(original.charCodeAt(map[n - 1] ?? 0))) n--;
      i++;
      while (i < end && (isBlank(original.charCodeAt(i)) || isLineBreak(original.charCodeAt(i)))) i++;
      continue;
    }
    if (!isIgnorable(code)) {
      const normal = TABLE[code] ?? code;
      codes[n] = normal === 0x2e ? fullStop(original, i, n > 0 ? (codes[n - 1] ?? 0) : 0) : normal;
      map[n] = i;
      n++;
    }
    i++;
  }
  map[n] = end;
  return { source: original, text: decodeUnits(codes, n), map: map.subarray(0, n + 1) };
}

/** Maps a half-open range of a view back to the original text. */
function originalSpan(view: TextView, start: number, end: number): { start: number; end: number } {
  const s = view.map[start] ?? 0;
  if (end <= start) return { start: s, end: s };
  const last = view.map[end - 1] ?? s;
  return { start: s, end: last + 1 };
}

/** A located piece of the original text and what it says. */
export interface SourcePiece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Original span of a range of a view, and the cleaned original text in it. */
export function pieceOf(view: TextView, start: number, end: number): SourcePiece {
  const span = originalSpan(view, start, end);
  return { ...span, text: cleanSource(view.source.slice(span.start, span.end)) };
}

/**
 * What an item's text is, given its source: the source without the line
 * breaks (and blanks around them) and ignorable characters that page layout
 * put inside it.
 */
export function cleanSource(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    const code = ch.charCodeAt(0);
    if (isLineBreak(code)) {
      while (out.length > 0 && isBlank(out.charCodeAt(out.length - 1))) out = out.slice(0, -1);
      i++;
      while (i < source.length && (isBlank(source.charCodeAt(i)) || isLineBreak(source.charCodeAt(i)))) i++;
      continue;
    }
    if (!isIgnorable(code)) out += ch;
    i++;
  }
  return out;
}
