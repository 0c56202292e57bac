import { describe, expect, it } from 'vitest';
import { daysBetween, zonedHour } from './reminder-sweep.ts';

describe('reminder calendar', () => {
  it('counts whole days between due dates, across month ends and leap days', () => {
    expect(daysBetween('2026-03-02', '2026-03-05')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysBetween('2026-03-02', '2026-02-23')).toBe(-7);
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });

  it('finds 08:00 in Qingdao as midnight UTC, and 08:00 in a zone with daylight saving on both sides of the change', () => {
    expect(zonedHour('2026-03-05', 8, 'Asia/Shanghai')).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(zonedHour('2026-03-28', 8, 'Europe/Berlin')).toEqual(new Date('2026-03-28T07:00:00Z'));
    expect(zonedHour('2026-03-30', 8, 'Europe/Berlin')).toEqual(new Date('2026-03-30T06:00:00Z'));
  });
});
