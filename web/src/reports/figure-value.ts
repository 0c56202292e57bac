import type { Figure } from '../api/reports.ts';
import type { Locale } from '../api/types.ts';
import { formatMoney } from '../format/money.ts';

/** Yuan per unit a figure may be written in; the amount is shown again in the unit a reader expects (4000万元, 2.36亿元). */
const YUAN_PER_UNIT: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** A reported figure as text: money through formatMoney, anything else as the number and its unit. */
export function figureValue(figure: Figure, locale: Locale): string {
  const yuan = YUAN_PER_UNIT[figure.unit.trim()];
  if (yuan !== undefined) return formatMoney(figure.value * yuan, 'CNY', locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(figure.value);
  // Chinese writes the unit straight after the number (12个); English puts a space between.
  if (!figure.unit) return number;
  return locale === 'en' ? `${number} ${figure.unit}` : `${number}${figure.unit}`;
}
