import { describe, expect, it } from 'vitest';
import { elapsedShare, evaluateTarget, isMet, rollUp, rolledSeries, type IndicatorRule, type PeriodActual, type TargetFigure } from './indicator-status.ts';

const rule = (patch: Partial<IndicatorRule> = {}): IndicatorRule => ({ direction: 'higher', rollup: 'cumulative', baseline: 0, baselineOn: '2025-01-01', atRiskMargin: null, ...patch });
const target = (patch: Partial<TargetFigure> = {}): TargetFigure => ({ year: 2025, comparator: '>=', value: 100, valueMax: null, ...patch });
const year = (y: number, value: number): PeriodActual => ({ startsOn: `${y}-01-01`, endsOn: `${y}-12-31`, value });
const quarter = (y: number, q: number, value: number): PeriodActual => {
  const starts = ['01-01', '04-01', '07-01', '10-01'][q - 1] ?? '01-01';
  const ends = ['03-31', '06-30', '09-30', '12-31'][q - 1] ?? '03-31';
  return { startsOn: `${y}-${starts}`, endsOn: `${y}-${ends}`, value };
};

describe('序时进度', () => {
  it('counts whole days with the first and the last day included', () => {
    expect(elapsedShare('2025-01-01', '2025-12-31', '2024-12-31')).toBe(0);
    expect(elapsedShare('2025-01-01', '2025-12-31', '2025-01-01')).toBeCloseTo(1 / 365);
    expect(elapsedShare('2025-01-01', '2025-12-31', '2025-07-02')).toBeCloseTo(183 / 365);
    expect(elapsedShare('2025-01-01', '2025-12-31', '2025-12-31')).toBe(1);
    expect(elapsedShare('2025-01-01', '2025-12-31', '2030-01-01')).toBe(1);
  });
});

describe('roll-up rules', () => {
  const actuals = [year(2023, 10), quarter(2024, 1, 5), quarter(2024, 2, 7), quarter(2025, 1, 3)];

  it('cumulative adds every period since the baseline to the baseline, up to the target year', () => {
    const r = rule({ baseline: 100, baselineOn: '2024-01-01' });
    expect(rollUp(r, actuals, 2024)).toBe(112);
    expect(rollUp(r, actuals, 2025)).toBe(115);
    // A period before the baseline date is in the baseline already.
    expect(rollUp(rule({ baseline: 100, baselineOn: null }), actuals, 2025)).toBe(125);
  });

  it('sum per year adds only the periods of the target year', () => {
    expect(rollUp(rule({ rollup: 'sum_per_year' }), actuals, 2024)).toBe(12);
    expect(rollUp(rule({ rollup: 'sum_per_year' }), actuals, 2022)).toBeNull();
  });

  it('latest takes the last period ending by the target year, average the mean of that year', () => {
    expect(rollUp(rule({ rollup: 'latest' }), actuals, 2024)).toBe(7);
    expect(rollUp(rule({ rollup: 'latest' }), actuals, 2035)).toBe(3);
    expect(rollUp(rule({ rollup: 'average' }), actuals, 2024)).toBe(6);
  });

  it('keeps decimals exact enough that 0.1 + 0.2 reaches 0.3', () => {
    expect(rollUp(rule({ rollup: 'sum_per_year' }), [quarter(2025, 1, 0.1), quarter(2025, 2, 0.2)], 2025)).toBe(0.3);
  });

  it('draws the running value at each period end', () => {
    expect(rolledSeries(rule({ rollup: 'sum_per_year' }), actuals).map((p) => p.value)).toEqual([10, 5, 12, 3]);
    expect(rolledSeries(rule({ baseline: 1, baselineOn: null }), actuals).map((p) => p.value)).toEqual([11, 16, 23, 26]);
  });
});

describe('whether a target is met', () => {
  it('reads each comparator, and = and ranges in the indicator’s direction', () => {
    expect(isMet('higher', target({ comparator: '>=' }), 100)).toBe(true);
    expect(isMet('higher', target({ comparator: '>' }), 100)).toBe(false);
    expect(isMet('lower', target({ comparator: '<=' }), 100)).toBe(true);
    expect(isMet('lower', target({ comparator: '<' }), 100)).toBe(false);
    expect(isMet('higher', target({ comparator: '=' }), 101)).toBe(true);
    expect(isMet('lower', target({ comparator: '=' }), 101)).toBe(false);
    expect(isMet('higher', target({ comparator: 'range', value: 2, valueMax: 3 }), 2)).toBe(true);
    expect(isMet('higher', target({ comparator: 'range', value: 2, valueMax: 3 }), 1)).toBe(false);
    expect(isMet('lower', target({ comparator: 'range', value: 2, valueMax: 3 }), 3)).toBe(true);
  });
});

describe('the status of a target', () => {
  // Half of 2025 gone on 2 July (183 of 365 days).
  const midYear = '2025-07-02';
  const half = 183 / 365;

  it('is no data without an actual, met once reached, whatever the date', () => {
    expect(evaluateTarget(rule(), target(), [], midYear).status).toBe('no_data');
    expect(evaluateTarget(rule(), target(), [quarter(2025, 1, 100)], midYear).status).toBe('met');
    expect(evaluateTarget(rule(), target(), [quarter(2025, 1, 100)], '2031-01-01').status).toBe('met');
  });

  it('is on track exactly at 序时进度, at risk up to the margin below it, off track beyond', () => {
    const expected = 100 * half;
    const at = (value: number) => evaluateTarget(rule(), target(), [quarter(2025, 1, value)], midYear);
    expect(at(100).expected).toBeCloseTo(expected, 3);
    expect(at(Math.ceil(expected * 1e4) / 1e4).status).toBe('on_track');
    expect(at(expected * 0.9 + 0.001).status).toBe('at_risk');
    expect(at(expected * 0.9 - 0.01).status).toBe('off_track');
  });

  it('takes the margin of the indicator when it has one', () => {
    const r = rule({ atRiskMargin: 0.5 });
    expect(evaluateTarget(r, target(), [quarter(2025, 1, 30)], midYear).status).toBe('at_risk');
    expect(evaluateTarget(rule({ atRiskMargin: 0 }), target(), [quarter(2025, 1, 49)], midYear).status).toBe('off_track');
  });

  it('measures a cumulative target from its baseline, so a high baseline alone is not progress', () => {
    const r = rule({ baseline: 80, baselineOn: '2025-01-01' });
    // Expected by mid-year: 80 + 20 × 183/365 ≈ 90.03.
    expect(evaluateTarget(r, target(), [quarter(2025, 1, 11)], midYear).status).toBe('on_track');
    expect(evaluateTarget(r, target(), [quarter(2025, 1, 10)], midYear).status).toBe('at_risk');
    expect(evaluateTarget(r, target(), [quarter(2025, 1, 1)], midYear).status).toBe('off_track');
  });

  it('is off track once its year is over unmet, however close', () => {
    expect(evaluateTarget(rule(), target(), [quarter(2025, 4, 99.99)], '2025-12-31').status).toBe('off_track');
  });

  it('judges a lower-is-better indicator by how far above the falling expected value it is', () => {
    const r = rule({ direction: 'lower', rollup: 'latest', baseline: 200, baselineOn: '2025-01-01' });
    const t = target({ comparator: '<=', value: 100 });
    // Expected by mid-year: 200 − 100 × ½ ≈ 150.
    expect(evaluateTarget(r, t, [quarter(2025, 2, 140)], midYear).status).toBe('on_track');
    expect(evaluateTarget(r, t, [quarter(2025, 2, 160)], midYear).status).toBe('at_risk');
    expect(evaluateTarget(r, t, [quarter(2025, 2, 180)], midYear).status).toBe('off_track');
    expect(evaluateTarget(r, t, [quarter(2025, 2, 100)], midYear).status).toBe('met');
  });

  it('judges a per-year sum from zero on 1 January and an average against its target all year', () => {
    const sum = rule({ rollup: 'sum_per_year' });
    expect(evaluateTarget(sum, target(), [quarter(2025, 1, 25), quarter(2025, 2, 25)], midYear).status).toBe('at_risk');
    expect(evaluateTarget(sum, target(), [quarter(2024, 4, 500)], midYear).status).toBe('no_data');
    const average = rule({ rollup: 'average' });
    expect(evaluateTarget(average, target(), [quarter(2025, 1, 95)], '2025-02-01').status).toBe('at_risk');
  });

  it('counts a range as reached at its near end and aims the progress at it', () => {
    const t = target({ comparator: 'range', value: 2, valueMax: 3 });
    expect(evaluateTarget(rule(), t, [quarter(2025, 1, 2)], midYear).status).toBe('met');
    // A quarter of the year gone: 2 × 91/365 ≈ 0.5 expected.
    expect(evaluateTarget(rule(), t, [quarter(2025, 1, 1)], '2025-04-01').status).toBe('on_track');
  });

  it('has no deadline without a year: met or on track', () => {
    expect(evaluateTarget(rule(), target({ year: null }), [quarter(2025, 1, 1)], midYear)).toMatchObject({ status: 'on_track', elapsed: null });
  });
});
