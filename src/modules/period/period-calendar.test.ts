import { describe, expect, it } from 'vitest';
import { halfYearOf, monthOf, periodsBetween, quarterOf, yearOf } from './period-calendar.ts';

describe('period calendar', () => {
  it('names a quarter the way the offices write it, with its first and last day', () => {
    expect(quarterOf('2026-08-15')).toEqual({ kind: 'quarterly', label: '2026年第3季度', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(quarterOf('2026-12-31').endsOn).toBe('2026-12-31');
  });

  it('knows February of a leap year', () => {
    expect(monthOf('2028-02-10')).toEqual({ kind: 'monthly', label: '2028年2月', startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(monthOf('2026-02-10').endsOn).toBe('2026-02-28');
  });

  it('names half years and years as the offices do', () => {
    expect(halfYearOf('2026-06-30')).toEqual({ kind: 'half_yearly', label: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(halfYearOf('2026-07-01')).toEqual({ kind: 'half_yearly', label: '2026年下半年', startsOn: '2026-07-01', endsOn: '2026-12-31' });
    expect(yearOf('2027-03-04')).toEqual({ kind: 'yearly', label: '2027年度', startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect(periodsBetween('half_yearly', '2026-05-01', '2027-01-01', 10)?.map((p) => p.label)).toEqual(['2026年上半年', '2026年下半年', '2027年上半年']);
  });

  it('covers from the period holding `from` to the one holding `to`, across a year end', () => {
    expect(periodsBetween('quarterly', '2026-11-20', '2027-04-01', 10)?.map((p) => p.label)).toEqual(['2026年第4季度', '2027年第1季度', '2027年第2季度']);
    expect(periodsBetween('monthly', '2026-12-31', '2026-12-31', 10)?.map((p) => p.label)).toEqual(['2026年12月']);
  });

  it('gives up instead of generating more than the maximum', () => {
    expect(periodsBetween('monthly', '2026-01-01', '2026-12-31', 11)).toBeNull();
    expect(periodsBetween('monthly', '2026-01-01', '2026-12-31', 12)).toHaveLength(12);
  });
});
