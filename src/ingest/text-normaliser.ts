import { Converter, Locale } from 'opencc-js';
/**
 * Character normalisation for matching. Every mapping is one UTF-16 unit to
 * one UTF-16 unit, so a normalised string has the same offsets as the
 * original and spans found in it point straight back into the source text.
 */

// Traditional characters (mirror sites, big5 gateways: 縣, 區, 協議) are read
// as their simplified forms through OpenCC's character table, one unit for
// one, so offsets survive; names are written back as the text wrote them
// (writtenAs). 乾 stays: it is the simplified name of places (乾县, 乾安县).
const KEEP_AS_WRITTEN = new Set(['乾']);
let toSimplified: ((text: string) => string) | null = null;
// Han units whose simplified form has been looked up: the table is filled on demand, per text, in one call.
const SIMPLIFIED_KNOWN = new Uint8Array(0x10000);

function isHanUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Fills the normalisation table for the Han characters of a text not looked up yet. */
function learnCharacters(text: string, from = 0, to = text.length): void {
  let pending = '';
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isHanUnit(code) || SIMPLIFIED_KNOWN[code] === 1) continue;
    SIMPLIFIED_KNOWN[code] = 1;
    pending += `${text.charAt(i)}\n`;
  }
  if (pending.length === 0) return;
  const convert = toSimplified ?? Converter({ from: 't', to: 'cn' });
  toSimplified = convert;
  // One character a line: OpenCC converts phrases, and the table maps single characters.
  const converted = convert(pending).split('\n');
  for (let k = 0; k < converted.length - 1; k++) {
    const from = pending.charAt(2 * k);
    const to = converted[k] ?? from;
    if (to.length === 1 && to !== from && !KEEP_AS_WRITTEN.has(from)) TABLE[from.charCodeAt(0)] = to.charCodeAt(0);
  }
}

// A reading some mirrors insert after a character, 項(xiàng): a toned syllable in brackets. It is no text.
const PINYIN_READING = /^\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)/;

let traditionalChars: ReadonlyMap<string, string> | null = null;

/**
 * OpenCC's simplified → traditional character table (its phrase tables are
 * left out: a name is converted character by character, and they take most of
 * a second to load).
 */
function traditionalOf(char: string): string {
  traditionalChars ??= (() => {
    const table = new Map<string, string>();
    for (const group of Locale.from.cn ?? []) {
      for (const dict of group) {
        const entries: ReadonlyArray<readonly [string, string]> =
          typeof dict === 'string'
            ? // The character table opens with a single character; the phrase tables (一丝不挂 …) are skipped unsplit.
              dict.indexOf(' ') === 1
              ? dict.split('|').map((e): readonly [string, string] => [e.slice(0, e.indexOf(' ')), e.slice(e.indexOf(' ') + 1)])
              : []
            : dict;
        for (const [from, to] of entries) if (from.length === 1 && to.length > 0 && !table.has(from)) table.set(from, to.charAt(0));
      }
    }
    return table;
  })();
  return traditionalChars.get(char) ?? char;
}

interface WrittenForms {
  readonly source: string;
  readonly forms: ReadonlyMap<string, string>;
  readonly traditional: boolean;
}
// The forms of the text read last: a reading asks for every party's name of one text in turn.
let lastForms: WrittenForms | null = null;

/** How a text writes each simplified character it writes otherwise (区 → 區), and whether it is a traditional text. */
function formsOf(source: string): WrittenForms {
  if (lastForms?.source === source) return lastForms;
  learnCharacters(source);
  const forms = new Map<string, string>();
  let han = 0;
  let other = 0;
  const literal = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (!isHanUnit(code)) continue;
    han++;
    const simple = TABLE[code] ?? code;
    if (simple === code) {
      literal.add(source.charAt(i));
      continue;
    }
    other++;
    const char = String.fromCharCode(simple);
    if (!forms.has(char)) forms.set(char, source.charAt(i));
  }
  // A text that writes 岛 somewhere as well as 島 may have the name written with 岛.
  for (const char of literal) forms.delete(char);
  // A few traditional characters in a simplified text (臺商區) are kept where written; a traditional text is written so throughout.
  lastForms = { source, forms, traditional: other >= 10 && other >= 0.03 * han };
  return lastForms;
}

/**
 * A name (built in simplified characters from the region dictionary) in the
 * characters of the text it was read from: 宜昌市夷陵区 in a text that writes
 * 夷陵區 is 宜昌市夷陵區; characters the text never writes follow OpenCC when the
 * text is traditional throughout.
 */
export function writtenAs(name: string, source: string): string {
  const { forms, traditional } = formsOf(source);
  if (forms.size === 0) return name;
  let out = '';
  for (const char of name) {
    const written = forms.get(char);
    if (written) out += written;
    else if (traditional) out += traditionalOf(char);
    else out += char;
  }
  return out;
}

/** Length of the pinyin reading at `at`, written right after a Han character; 0 when there is none. */
function readingLength(source: string, at: number): number {
  if (source.charCodeAt(at) !== 0x28 || at === 0 || !isHanUnit(source.charCodeAt(at - 1))) return 0;
  return PINYIN_READING.exec(source.slice(at, at + 16))?.[0].length ?? 0;
}

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

function normalisedCode(code: number): number {
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
      return code;
  }
}

// One entry per UTF-16 unit, built once: normalising a text is a table lookup per character.
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = normalisedCode(code);
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
  learnCharacters(text);
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
  learnCharacters(original, start, end);
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
    const reading = readingLength(original, i);
    if (reading > 0) {
      i += reading;
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
    const reading = readingLength(source, i);
    if (reading > 0) {
      i += reading;
      continue;
    }
    if (!isIgnorable(code)) out += ch;
    i++;
  }
  return out;
}
