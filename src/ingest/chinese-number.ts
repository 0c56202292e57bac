/** Numbers as official texts write them: 4026.5, 1,200, 十六, 两千三百, 二〇二五, 二十八点八. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Pattern source for an Arabic number (with thousands separators and
 * decimals) or a Chinese numeral; every repetition is bounded so that long
 * runs of digits cost linear time.
 */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3}){1,5}(?!\d)|\d{1,15})(?:\.\d{1,8})?|[零〇一二两三四五六七八九十百千]{1,8}(?:点[零〇一二三四五六七八九]{1,6})?`;

/** Multipliers that precede a currency or classifier: 万亿, 亿, 千万, 万. */
export const MAGNITUDES: Readonly<Record<string, number>> = {
  万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 千: 1e3,
};
export const MAGNITUDE_SOURCE = '万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千';

/** Value of a Chinese numeral below 10,000 (十六, 两千三百, 二〇二五 digit by digit), or null. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 20) return null;
  // 四点四七: the digits after 点 are the decimals, one by one.
  const point = text.indexOf('点');
  if (point > 0) {
    const whole = parseChineseNumeral(text.slice(0, point));
    const decimals = [...text.slice(point + 1)].map((c) => DIGITS[c]);
    if (whole === null || decimals.length === 0 || decimals.some((d) => d === undefined)) return null;
    return Number(`${whole}.${decimals.join('')}`);
  }
  if (text.length > 12) return null;
  if ([...text].every((c) => DIGITS[c] !== undefined)) {
    // Digit-by-digit writing: 二〇二五.
    return text.length > 1 ? Number([...text].map((c) => DIGITS[c]).join('')) : (DIGITS[text] ?? null);
  }
  let total = 0;
  let current = -1;
  for (const c of text) {
    const digit = DIGITS[c];
    const unit = UNITS[c];
    if (digit !== undefined) {
      current = digit;
    } else if (unit !== undefined) {
      total += (current < 0 ? 1 : current) * unit;
      current = -1;
    } else return null;
  }
  return total + (current > 0 ? current : 0);
}

/** Value of an Arabic or Chinese number token, or null. */
export function parseNumber(token: string): number | null {
  if (/^[\d,.]+$/.test(token)) {
    const value = Number(token.replace(/,/g, ''));
    return Number.isFinite(value) ? value : null;
  }
  return parseChineseNumeral(token);
}

/** True for a bare magnitude such as 百 or 千 that is a size class (百亿级), not a figure. */
export function isBareMagnitude(token: string): boolean {
  return /^[百千]+$/.test(token);
}
