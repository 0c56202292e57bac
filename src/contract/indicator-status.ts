/**
 * The one rule for how far an indicator is from its targets, used by the server (which computes every status it
 * sends) and by the web app (which shows the rule and colours statuses with the colours below). Pure: no database,
 * no HTTP, no imports, so both sides load this very file.
 *
 * 序时进度 (time elapsed) of a target is the share of the target's window that has passed: from its start (the
 * baseline date for cumulative and latest indicators, 1 January of the target's year for per-year sums and averages)
 * to 31 December of the target's year, counted in whole days, today included.
 *
 * A target is
 *  - met        when the rolled-up actual satisfies the target (≥, >, ≤, <, or the range; = and ≈ are reached when
 *               the actual gets to the figure in the indicator's direction);
 *  - on track   when not met but the actual is at least where 序时进度 says it should be by now:
 *               expected = start value + (target − start value) × 序时进度 (start value: the baseline for cumulative
 *               and latest indicators, 0 for per-year sums; an average is expected at its target all year);
 *  - at risk    when it is short of the expected value by no more than the margin (a share of the expected value,
 *               per indicator, 10 % unless set);
 *  - off track  when it is further behind, or the target's year is over and it was not met;
 *  - no data    while there is no actual to judge.
 * For a lower-is-better indicator "short of" means above: the expected value falls from the baseline to the target.
 */

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const ROLLUPS = ['cumulative', 'sum_per_year', 'latest', 'average'] as const;
export type Rollup = (typeof ROLLUPS)[number];
export const TARGET_COMPARATORS = ['=', '≈', '>', '>=', '<', '<=', 'range'] as const;
export type Comparator = (typeof TARGET_COMPARATORS)[number];
export const TARGET_STATUSES = ['met', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const DEFAULT_AT_RISK_MARGIN = 0.1;

/** The colour of each status, wherever a status is shown (tags, chart marks, the portal). */
export const STATUS_COLOURS: Record<TargetStatus, string> = {
  met: '#237804',
  on_track: '#1677ff',
  at_risk: '#d48806',
  off_track: '#cf1322',
  no_data: '#8c8c8c',
};

export interface PeriodActual {
  startsOn: string;
  endsOn: string;
  value: number;
}

export interface IndicatorRule {
  direction: Direction;
  rollup: Rollup;
  baseline: number | null;
  baselineOn: string | null;
  /** null: DEFAULT_AT_RISK_MARGIN. */
  atRiskMargin: number | null;
}

export interface TargetFigure {
  year: number | null;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
}

export interface TargetEvaluation {
  status: TargetStatus;
  /** The rolled-up actual the target is judged by; null when there is none. */
  actual: number | null;
  /** Where the actual should be by now (序时进度); null without a deadline. */
  expected: number | null;
  /** 序时进度 as a share 0…1; null without a deadline. */
  elapsed: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** Four decimals, as stored: sums of decimals stay exact enough that a target reached is not missed by 1e-12. */
const round = (n: number) => Math.round(n * 1e4) / 1e4;

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** The share of [startsOn, endsOn] (whole days, both included) that has passed by the end of `asOf`. */
export function elapsedShare(startsOn: string, endsOn: string, asOf: string): number {
  const total = dayNumber(endsOn) - dayNumber(startsOn) + 1;
  if (total <= 0) return 1;
  const passed = dayNumber(asOf) - dayNumber(startsOn) + 1;
  return Math.min(1, Math.max(0, passed / total));
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The actuals a rule takes for a target of `year` (null: no deadline, every actual). */
function actualsFor(rule: IndicatorRule, actuals: PeriodActual[], year: number | null): PeriodActual[] {
  const sorted = [...actuals].sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  const byEnd = year === null ? sorted : sorted.filter((a) => yearOf(a.endsOn) <= year);
  if (rule.rollup === 'sum_per_year' || rule.rollup === 'average') return year === null ? byEnd : byEnd.filter((a) => yearOf(a.startsOn) === year);
  if (rule.rollup === 'cumulative' && rule.baselineOn) {
    const from = rule.baselineOn;
    return byEnd.filter((a) => a.startsOn >= from);
  }
  return byEnd;
}

function combine(rule: IndicatorRule, taken: PeriodActual[]): number | null {
  if (!taken.length) return null;
  const sum = taken.reduce((s, a) => s + a.value, 0);
  switch (rule.rollup) {
    case 'cumulative':
      return round((rule.baseline ?? 0) + sum);
    case 'sum_per_year':
      return round(sum);
    case 'average':
      return round(sum / taken.length);
    case 'latest':
      return round(taken.at(-1)?.value ?? 0);
  }
}

/** The value a target of `year` is judged by, from the period actuals by the indicator's roll-up rule. */
export function rollUp(rule: IndicatorRule, actuals: PeriodActual[], year: number | null): number | null {
  return combine(rule, actualsFor(rule, actuals, year));
}

/** The rolled-up value at the end of each period that has an actual: the line a chart draws. */
export function rolledSeries(rule: IndicatorRule, actuals: PeriodActual[]): { endsOn: string; value: number }[] {
  const sorted = [...actuals].sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  return sorted.flatMap((a) => {
    const upTo = sorted.filter((b) => b.endsOn <= a.endsOn);
    const taken = actualsFor(rule, upTo, yearOf(a.endsOn));
    const perYear = rule.rollup === 'sum_per_year' || rule.rollup === 'average';
    const value = combine(rule, perYear ? taken.filter((b) => yearOf(b.startsOn) === yearOf(a.endsOn)) : taken);
    return value === null ? [] : [{ endsOn: a.endsOn, value }];
  });
}

/** Whether `actual` satisfies the target; = and ≈ are reached in the indicator's direction, a range at its near end. */
export function isMet(direction: Direction, target: TargetFigure, actual: number): boolean {
  const { value, valueMax } = target;
  switch (target.comparator) {
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
    case 'range':
      return direction === 'higher' ? actual >= value : actual <= (valueMax ?? value);
    case '=':
    case '≈':
      return direction === 'higher' ? actual >= value : actual <= value;
  }
}

/** The figure progress is measured towards: a range's near end in the indicator's direction. */
const thresholdOf = (direction: Direction, target: TargetFigure) =>
  target.comparator === 'range' && direction === 'lower' ? (target.valueMax ?? target.value) : target.value;

/** The day a target's window starts (see the rule above). */
function targetStart(rule: IndicatorRule, year: number): string {
  const yearStart = `${year}-01-01`;
  if (rule.rollup === 'sum_per_year' || rule.rollup === 'average') return yearStart;
  return rule.baselineOn && rule.baselineOn < `${year}-12-31` ? rule.baselineOn : yearStart;
}

export function evaluateTarget(rule: IndicatorRule, target: TargetFigure, actuals: PeriodActual[], asOf: string): TargetEvaluation {
  const actual = rollUp(rule, actuals, target.year);
  if (target.year === null) {
    const status: TargetStatus = actual === null ? 'no_data' : isMet(rule.direction, target, actual) ? 'met' : 'on_track';
    return { status, actual, expected: null, elapsed: null, startsOn: null, endsOn: null };
  }
  const startsOn = targetStart(rule, target.year);
  const endsOn = `${target.year}-12-31`;
  const elapsed = elapsedShare(startsOn, endsOn, asOf);
  const goal = thresholdOf(rule.direction, target);
  const from = rule.rollup === 'sum_per_year' ? 0 : rule.rollup === 'average' ? goal : (rule.baseline ?? 0);
  const expected = round(from + (goal - from) * elapsed);
  const base = { actual, expected, elapsed, startsOn, endsOn };
  if (actual === null) return { status: 'no_data', ...base };
  if (isMet(rule.direction, target, actual)) return { status: 'met', ...base };
  if (elapsed >= 1) return { status: 'off_track', ...base };
  const margin = Math.abs(expected) * (rule.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN);
  const behind = rule.direction === 'higher' ? expected - actual : actual - expected;
  if (behind <= 0) return { status: 'on_track', ...base };
  return { status: behind <= margin ? 'at_risk' : 'off_track', ...base };
}
