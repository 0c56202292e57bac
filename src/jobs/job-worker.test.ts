import { describe, expect, it } from 'vitest';
import { backoffDelay } from './job-worker.ts';

describe('retry backoff', () => {
  it('doubles the wait after every failed attempt and stops growing at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(20, 30_000, 3_600_000)).toBe(3_600_000);
  });
});
