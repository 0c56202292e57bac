import { addDays } from '../task/business-date.ts';

/** Calendar arithmetic for reporting periods, on ISO date strings (YYYY-MM-DD). */

export interface PeriodRange {
  kind: 'monthly' | 'quarterly';
  label: string;
  startsOn: string;
  endsOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const partsOf = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });

export function monthOf(iso: string): PeriodRange {
  const { year, month } = partsOf(iso);
  return { kind: 'monthly', label: `${year}年${month}月`, startsOn: isoOf(year, month, 1), endsOn: isoOf(year, month, lastDayOf(year, month)) };
}

export function quarterOf(iso: string): PeriodRange {
  const { year, month } = partsOf(iso);
  const quarter = Math.ceil(month / 3);
  const last = quarter * 3;
  return {
    kind: 'quarterly',
    label: `${year}年第${quarter}季度`,
    startsOn: isoOf(year, last - 2, 1),
    endsOn: isoOf(year, last, lastDayOf(year, last)),
  };
}

/** The calendar periods of one kind from the one containing `from` to the one containing `to`. */
export function periodsBetween(kind: 'monthly' | 'quarterly', from: string, to: string, max: number): PeriodRange[] | null {
  const of = kind === 'monthly' ? monthOf : quarterOf;
  const result: PeriodRange[] = [];
  for (let period = of(from); period.startsOn <= to; period = of(addDays(period.endsOn, 1))) {
    if (result.length === max) return null;
    result.push(period);
  }
  return result;
}
