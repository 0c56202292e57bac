import type { TFunction } from 'i18next';
import type { Comparator, IndicatorTarget } from '../api/indicators.ts';
import type { Locale } from '../api/types.ts';
import { formatQuantity } from './quantity.ts';

/** The catalogue key of each comparator (`indicators.comparator.<key>`). */
const COMPARATOR_KEYS: Record<Comparator, 'eq' | 'approx' | 'gt' | 'ge' | 'lt' | 'le' | 'range'> = { '=': 'eq', '≈': 'approx', '>': 'gt', '>=': 'ge', '<': 'lt', '<=': 'le', range: 'range' };

const SIGNS: Record<Exclude<Comparator, 'range'>, string> = { '=': '=', '≈': '≈', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** A target as read aloud: ≥ 100亿元, 2–3家. */
export function targetText(target: Pick<IndicatorTarget, 'comparator' | 'value' | 'valueMax'>, unit: string, locale: Locale): string {
  const value = Number(target.value);
  if (target.comparator === 'range') return `${formatQuantity(value, '', locale).trim()}–${formatQuantity(Number(target.valueMax ?? target.value), unit, locale)}`;
  return `${SIGNS[target.comparator]} ${formatQuantity(value, unit, locale)}`;
}

export const comparatorLabel = (comparator: Comparator, t: TFunction) => t(`indicators.comparator.${COMPARATOR_KEYS[comparator]}`);
