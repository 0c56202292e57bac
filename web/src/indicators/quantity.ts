import type { Locale } from '../api/types.ts';
import { formatMoney } from '../format/money.ts';

/** Chinese money units an indicator may be kept in, as an ISO currency and the factor to its base unit. */
const MONEY_UNITS: Record<string, { currency: string; factor: number }> = {
  元: { currency: 'CNY', factor: 1 },
  万元: { currency: 'CNY', factor: 1e4 },
  亿元: { currency: 'CNY', factor: 1e8 },
  美元: { currency: 'USD', factor: 1 },
  万美元: { currency: 'USD', factor: 1e4 },
  亿美元: { currency: 'USD', factor: 1e8 },
  日元: { currency: 'JPY', factor: 1 },
  亿日元: { currency: 'JPY', factor: 1e8 },
};

const ISO_CURRENCY = /^[A-Z]{3}$/;

/** Units offered when an indicator is registered; any other is typed in. */
export const UNIT_SUGGESTIONS = ['亿元', '万元', '亿美元', '万美元', '家', '个', '项', '%', '标箱', '人次', '张', '兆瓦时'];

/**
 * A value in its indicator's unit as its reader expects it: 323.8亿元 in Chinese; in English money in the
 * currency's compact form (CN¥32.38B) and other units after the number (2 家 → 2 家, 85 % → 85%).
 */
export function formatQuantity(value: number, unit: string, locale: Locale): string {
  const money = MONEY_UNITS[unit];
  if (money && locale === 'en') return formatMoney(value * money.factor, money.currency, 'en');
  if (ISO_CURRENCY.test(unit)) return formatMoney(value, unit, locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (unit === '%') return `${number}%`;
  return locale === 'en' ? `${number} ${unit}` : `${number}${unit}`;
}
