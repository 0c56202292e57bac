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
  '規规線线約约組组織织總总統统證证費费質质類类認认諾诺幣币圓圆贛赣閩闽滬沪粵粤魯鲁豫豫陝陕甯宁灃沣溝沟澤泽嶺岭麗丽雙双' +
  '邊边際际樞枢紐纽貿贸運运輸输創创鏈链傳传統统聲声麼么嶼屿潔洁衛卫師师優优勢势補补贏赢談谈專专項项夥伙伴伴盧卢蘭兰膠胶';

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
export function isIgnorable(code: number): boolean {
  return code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0x00ad;
}

/** Spaces of every width, which layout leaves around line breaks. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0x00a0 || (code >= 0x2002 && code <= 0x200a) || code === 0x202f || code === 0x205f;
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** Normalises one UTF-16 unit to exactly one UTF-16 unit. */
export function normaliseUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width ASCII forms (，：；（）０-９ and friends) become half-width.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || (code >= 0x2002 && code <= 0x200a) || code === 0x202f || code === 0x205f) return ' ';
  if (code === 0x3001) return '、';
  if (code === 0xff61) return '。';
  if (code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x2014 || code === 0x2015 || code === 0x2212) return '-';
  if (code === 0x301c) return '~';
  if (code === 0x3014 || code === 0xfe5d) return '(';
  if (code === 0x3015 || code === 0xfe5e) return ')';
  if (code === 0x300c || code === 0x300e) return '“';
  if (code === 0x300d || code === 0x300f) return '”';
  if (code === 0x3008) return '《';
  if (code === 0x3009) return '》';
  return VARIANTS.get(ch) ?? ch;
}

/** Normalises a whole string; the result has the same length as the input. */
export function normaliseText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += normaliseUnit(text.charAt(i));
  return out;
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
  const units: string[] = [];
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const ch = original.charAt(i);
    const code = ch.charCodeAt(0);
    if (isLineBreak(code)) {
      // A soft line break inside a paragraph: drop it with the blanks around it.
      while (offsets.length > 0 && isBlank(original.charCodeAt(offsets[offsets.length - 1] ?? 0))) {
        units.pop();
        offsets.pop();
      }
      i++;
      while (i < end && (isBlank(original.charCodeAt(i)) || isLineBreak(original.charCodeAt(i)))) i++;
      continue;
    }
    if (!isIgnorable(code)) {
      units.push(normaliseUnit(ch));
      offsets.push(i);
    }
    i++;
  }
  const map = new Int32Array(offsets.length + 1);
  for (let k = 0; k < offsets.length; k++) map[k] = offsets[k] ?? start;
  map[offsets.length] = end;
  return { source: original, text: units.join(''), map };
}

/** Maps a half-open range of a view back to the original text. */
export function originalSpan(view: TextView, start: number, end: number): { start: number; end: number } {
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
