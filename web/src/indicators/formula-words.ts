import type { TFunction } from 'i18next';
import type { Indicator } from '../api/indicators.ts';
import type { Locale, Party } from '../api/types.ts';
import { industryName } from '../projects/project-words.ts';

type Formula = NonNullable<Indicator['formula']>;

const PARTY_FIELDS = new Set(['investorPartyId', 'hostPartyId', 'fromPartyId', 'toPartyId']);
/** Filters read in this order whatever order the database keeps them in: who invests, where, then what. */
const FIELD_ORDER = ['investorPartyId', 'hostPartyId', 'fromPartyId', 'toPartyId', 'crossSideKind', 'unit', 'industryCode', 'stage', 'stageAtLeast', 'signingEventId', 'signedYear'];
const placeOf = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/** One filter of a formula in words: the side by its name, a trade kind or an industry by theirs. */
function filterWords(field: string, value: string | number, parties: readonly Party[], t: TFunction, locale: Locale): string {
  const shown =
    PARTY_FIELDS.has(field) && typeof value === 'string'
      ? (parties.find((p) => p.id === value)?.name ?? t('indicators.formula.unknownSide'))
      : field === 'crossSideKind'
        ? t(`indicators.crossSideKind.${String(value) as 'other'}`, { defaultValue: String(value) })
        : field === 'industryCode' && typeof value === 'string'
          ? industryName(value, locale)
          : String(value);
  return t('indicators.formula.filter', { field: t(`indicators.formulaField.${field as 'unit'}`, { defaultValue: field }), value: shown });
}

/**
 * How a formula reads on the indicator page, in the reader's language: "到位资金 · 投资方：深圳市 · 承接方：青岛市 ·
 * 元→亿元（÷1亿）" rather than the API's field names and party ids.
 */
export function formulaWords(formula: Formula, parties: readonly Party[], t: TFunction, locale: Locale): string {
  const parts = [t(`indicators.measure.${formula.measure as 'in_place'}`, { defaultValue: formula.measure })];
  for (const [field, value] of Object.entries(formula.where).sort(([a], [b]) => placeOf(a) - placeOf(b))) parts.push(filterWords(field, value, parties, t, locale));
  if (formula.currency) parts.push(formula.currency);
  if (formula.divisor === 1e4) parts.push(t('indicators.formula.divisorWan'));
  else if (formula.divisor === 1e8) parts.push(t('indicators.formula.divisorYi'));
  else if (formula.divisor !== 1) parts.push(`÷${formula.divisor}`);
  return parts.join(' · ');
}
