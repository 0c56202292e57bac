import { badRequest } from '../../app-error.ts';
import type { IndicatorFormula } from '../../db/schema/core.ts';
import { CROSS_SIDE_KINDS } from '../../db/schema/projects.ts';
import { FIGURE_MEASURES, type FigureMeasure, type FigureQuery } from '../project/project-figures.service.ts';
import type { Rollup } from '../../contract/indicator-status.ts';

/** The fields a formula may filter on: those project figures know, and nothing else. */
const FORMULA_FIELDS = [
  'investorPartyId',
  'hostPartyId',
  'industryCode',
  'stage',
  'stageAtLeast',
  'signingEventId',
  'signedYear',
  'crossSideKind',
  'fromPartyId',
  'toPartyId',
  'unit',
] as const;
type FormulaField = (typeof FORMULA_FIELDS)[number];

const PARTY_FIELDS: FormulaField[] = ['investorPartyId', 'hostPartyId', 'fromPartyId', 'toPartyId'];

const isField = (name: string): name is FormulaField => FORMULA_FIELDS.some((f) => f === name);
const isMeasure = (name: string): name is FigureMeasure => FIGURE_MEASURES.some((m) => m === name);

/** A formula that names only what exists: its measure, its fields, the cooperation's own sides, a known trade kind. */
export function assertFormula(formula: IndicatorFormula, partyIds: string[]): void {
  if (!isMeasure(formula.measure)) {
    throw badRequest('indicator.formula_measure_unknown', `Unknown measure ${formula.measure}; use one of ${FIGURE_MEASURES.join(', ')}`, { measure: formula.measure, allowed: FIGURE_MEASURES });
  }
  for (const [field, value] of Object.entries(formula.where)) {
    if (!isField(field)) throw badRequest('indicator.formula_field_unknown', `A formula cannot filter on ${field}; it knows ${FORMULA_FIELDS.join(', ')}`, { field, allowed: FORMULA_FIELDS });
    const fits =
      field === 'signedYear'
        ? typeof value === 'number'
        : typeof value === 'string' && (!PARTY_FIELDS.includes(field) || partyIds.includes(value)) && (field !== 'crossSideKind' || CROSS_SIDE_KINDS.some((k) => k === value));
    if (!fits) throw badRequest('indicator.formula_value_invalid', `${field} cannot be ${String(value)} in this cooperation`, { field });
  }
}

function whereOf(formula: IndicatorFormula): NonNullable<FigureQuery['where']> {
  const text = (field: FormulaField) => {
    const value = formula.where[field];
    return typeof value === 'string' ? value : undefined;
  };
  const year = formula.where.signedYear;
  return {
    investorPartyId: text('investorPartyId'),
    hostPartyId: text('hostPartyId'),
    industryCode: text('industryCode'),
    stage: text('stage'),
    stageAtLeast: text('stageAtLeast'),
    signingEventId: text('signingEventId'),
    signedYear: typeof year === 'number' ? year : undefined,
    crossSideKind: CROSS_SIDE_KINDS.find((k) => k === formula.where.crossSideKind),
    fromPartyId: text('fromPartyId'),
    toPartyId: text('toPartyId'),
    unit: text('unit'),
  };
}

/**
 * The figure for one period: what happened within it for indicators that add periods up (cumulative, per-year
 * sums), the state at its end for those that take a level (latest, average).
 */
export function periodQuery(cooperationId: string, formula: IndicatorFormula, rollup: Rollup, period: { startsOn: string; endsOn: string }): FigureQuery | null {
  if (!isMeasure(formula.measure)) return null;
  const within = rollup === 'cumulative' || rollup === 'sum_per_year';
  return {
    cooperationId,
    measure: formula.measure,
    where: whereOf(formula),
    ...(within ? { from: period.startsOn } : {}),
    to: period.endsOn,
    ...(formula.currency ? { currency: formula.currency } : {}),
  };
}

/** How the formula reads on the indicator page, in the API's own words. */
export function formulaText(formula: IndicatorFormula): string {
  const filters = Object.entries(formula.where).map(([field, value]) => `${field}=${String(value)}`);
  return `${formula.measure}${filters.length ? ` where ${filters.join(', ')}` : ''}${formula.currency ? ` (${formula.currency})` : ''}${formula.divisor !== 1 ? ` ÷ ${formula.divisor}` : ''}`;
}
