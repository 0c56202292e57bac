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
