import { describe, expect, it } from 'vitest';
import { addDays, businessToday } from './business-date.ts';

describe('business dates', () => {
  it('takes the calendar day in China even while it is still yesterday in UTC', () => {
    expect(businessToday('Asia/Shanghai', new Date('2026-03-31T17:30:00Z'))).toBe('2026-04-01');
    expect(businessToday('UTC', new Date('2026-03-31T17:30:00Z'))).toBe('2026-03-31');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
