import type { Locale } from '../api/types.ts';

/** How Chinese readers name each currency after 亿/万. */
const CHINESE_CURRENCY_NAMES: Record<string, string> = {
  CNY: '元',
  USD: '美元',
  JPY: '日元',
  EUR: '欧元',
  HKD: '港元',
  GBP: '英镑',
  KRW: '韩元',
};

const YI = 1e8;
const WAN = 1e4;

function trimmed(value: number, maximumFractionDigits: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits, useGrouping: true }).format(value);
}

/**
 * An amount as its readers expect it: 4000万元, 1.5亿美元, 2.36亿元 in Chinese (亿 from 1e8, 万 from 1e4),
 * and compact figures (CN¥40M) in English.
 */
export function formatMoney(value: number, currency: string, locale: Locale): string {
  if (locale === 'en') {
    return new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
  }
  const name = CHINESE_CURRENCY_NAMES[currency] ?? currency;
  const magnitude = Math.abs(value);
  if (magnitude >= YI) return `${trimmed(value / YI, 2)}亿${name}`;
  if (magnitude >= WAN) return `${trimmed(value / WAN, 2)}万${name}`;
  return `${trimmed(value, 2)}${name}`;
}

/**
 * Totals and amounts of projects and trade, as leaders read them: 180亿元, 323.8亿元, 4,000万元 in Chinese, and
 * CNY 18.0 bn, CNY 40.0 m in English (the ISO code, one decimal, so columns of totals line up).
 */
export function formatAmount(value: number, currency: string, locale: Locale): string {
  const magnitude = Math.abs(value);
  if (locale === 'en') {
    const scaled = (divisor: number, word: string) => `${currency} ${new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / divisor)} ${word}`;
    if (magnitude >= 1e9) return scaled(1e9, 'bn');
    if (magnitude >= 1e6) return scaled(1e6, 'm');
    return `${currency} ${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)}`;
  }
  const name = CHINESE_CURRENCY_NAMES[currency] ?? currency;
  if (magnitude >= YI) return `${trimmed(value / YI, 1)}亿${name}`;
  if (magnitude >= WAN) return `${trimmed(value / WAN, 1)}万${name}`;
  return `${trimmed(value, 2)}${name}`;
}

/** Amounts in several currencies, never added together: 180亿元 + 3,500万美元; a dash for none. */
export function formatAmounts(amounts: readonly { currency: string; amount: string }[], locale: Locale): string {
  const shown = amounts.filter((a) => Number(a.amount) !== 0);
  if (!shown.length) return '—';
  return shown.map((a) => formatAmount(Number(a.amount), a.currency, locale)).join(' + ');
}

/** A typed figure in 万 of its currency (the unit forms take money in) as the API's decimal text. */
export const wanToDecimal = (wan: number): string => (Math.round(wan * 1_000_000) / 100).toFixed(2);
