import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, throttleAddress, waitAfter } from './login-throttle.ts';

describe('login throttle rules', () => {
  it('waits nothing under the threshold, then 1 s doubling up to the cap', () => {
    expect([4, 5, 6, 7, 8].map((n) => waitAfter(n, 5))).toEqual([null, 1000, 2000, 4000, 8000]);
    expect(waitAfter(5 + 30, 5)).toBe(MAX_WAIT_MS);
    expect(waitAfter(1e9, 5)).toBe(MAX_WAIT_MS);
  });

  it('counts IPv4 by address and IPv6 by its /64', () => {
    expect(throttleAddress('10.1.2.3')).toBe('10.1.2.3');
    expect(throttleAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(throttleAddress('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });
});
