import { addDays } from '../task/business-date.ts';

/** Calendar arithmetic for reporting periods, on ISO date strings (YYYY-MM-DD). */

/** Reports are due this many days after a period ends unless the office says otherwise. */
export const DEFAULT_DUE_AFTER_DAYS = 15;

/** The kinds the calendar names; a custom period has the dates and label its office gives it. */
export type CalendarKind = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

export interface PeriodRange {
  kind: CalendarKind;
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

export function halfYearOf(iso: string): PeriodRange {
  const { year, month } = partsOf(iso);
  const first = month <= 6;
  return {
    kind: 'half_yearly',
    label: `${year}年${first ? '上半年' : '下半年'}`,
    startsOn: isoOf(year, first ? 1 : 7, 1),
    endsOn: isoOf(year, first ? 6 : 12, first ? 30 : 31),
  };
}

export function yearOf(iso: string): PeriodRange {
  const { year } = partsOf(iso);
  return { kind: 'yearly', label: `${year}年度`, startsOn: isoOf(year, 1, 1), endsOn: isoOf(year, 12, 31) };
}

/** The period of a calendar kind that holds the given day. */
export const CALENDAR: Record<CalendarKind, (iso: string) => PeriodRange> = {
  monthly: monthOf,
  quarterly: quarterOf,
  half_yearly: halfYearOf,
  yearly: yearOf,
};

/** The calendar periods of one kind from the one containing `from` to the one containing `to`. */
export function periodsBetween(kind: CalendarKind, from: string, to: string, max: number): PeriodRange[] | null {
  const of = CALENDAR[kind];
  const result: PeriodRange[] = [];
  for (let period = of(from); period.startsOn <= to; period = of(addDays(period.endsOn, 1))) {
    if (result.length === max) return null;
    result.push(period);
  }
  return result;
}
