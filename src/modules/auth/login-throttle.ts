import { isIPv6 } from 'node:net';
import type { ThrottleRow } from './auth.repository.ts';

/** Wrong passwords for one account from one address before each further try has to wait. */
export const ACCOUNT_THRESHOLD = 5;
/** Wrong passwords from one address over all accounts before each further try has to wait. */
export const ADDRESS_THRESHOLD = 20;
/** The first wait; each further wrong password doubles it … */
const FIRST_WAIT_MS = 1000;
/** … up to this. */
export const MAX_WAIT_MS = 15 * 60_000;
/** A counter with no wrong password for this long starts again from nothing. */
export const FORGET_MS = 24 * 3_600_000;
/** The user and the admins hear of throttling of one account at most this often. */
export const NOTICE_QUIET_MS = 3_600_000;

/** How long the try after the `failures`-th wrong password has to wait; null while under the threshold. */
export function waitAfter(failures: number, threshold: number): number | null {
  if (failures < threshold) return null;
  // Past 2^20 the cap has long been reached; the bound keeps the power finite.
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - threshold, 20), MAX_WAIT_MS);
}

/** The row as it counts at `now`: an old counter is forgotten, a wait that has passed is over. */
export function current(row: ThrottleRow, now: Date): ThrottleRow {
  if (row.lastFailureAt.getTime() + FORGET_MS <= now.getTime()) return { ...row, failures: 0, blockedUntil: null };
  if (row.blockedUntil && row.blockedUntil.getTime() <= now.getTime()) return { ...row, blockedUntil: null };
  return row;
}

/** The row after one more wrong password at `now`. */
export function afterFailure(row: ThrottleRow, threshold: number, now: Date): ThrottleRow {
  const failures = current(row, now).failures + 1;
  const wait = waitAfter(failures, threshold);
  return { ...row, failures, lastFailureAt: now, blockedUntil: wait === null ? null : new Date(now.getTime() + wait) };
}

/**
 * The address a client is counted under. An IPv6 client usually holds a
 * whole /64, so it is counted by that prefix, or it could change address
 * with every guess.
 */
export function throttleAddress(ip: string): string {
  if (!isIPv6(ip) || ip.includes('.')) return ip.replace(/^::ffff:/i, '');
  const [head = '', tail = ''] = (ip.split('%')[0] ?? ip).split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
