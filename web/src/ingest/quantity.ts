import type { Locale } from '../api/types.ts';
import { formatMoney } from '../format/money.ts';

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** A value with its unit as a reader checks it: money in 亿/万 (or compact English), other units as written (家, %). */
function formatQuantity(value: number, unit: string, locale: Locale): string {
  if (CURRENCY_CODE.test(unit)) {
    try {
      return formatMoney(value, unit, locale);
    } catch {
      // A three-letter unit that is no ISO 4217 code: show it as written.
    }
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}${locale === 'en' && unit ? ' ' : ''}${unit}`;
}

export function formatRange(value: number, valueMax: number | null, unit: string, locale: Locale): string {
  return valueMax === null ? formatQuantity(value, unit, locale) : `${formatQuantity(value, unit, locale)} – ${formatQuantity(valueMax, unit, locale)}`;
}
