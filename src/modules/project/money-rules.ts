import { badRequest } from '../../app-error.ts';
import { CURRENCY_CODES } from './currency-codes.ts';

/** Rules every amount obeys, for project money and cross-side trade alike. */

export function assertKnownCurrency(currency: string): void {
  if (!CURRENCY_CODES.has(currency)) throw badRequest('money.unknown_currency', `${currency} is not an ISO 4217 currency`, { currency });
}

/** A dated entry records what happened: it cannot be dated after today. */
export function assertNotFuture(on: string, today: string): void {
  if (on > today) throw badRequest('money.future_date', `An entry dated ${on} lies after today (${today})`, { on, today });
}

/** Nothing is overwritten: a correction is a negative entry, and it says why. */
export function assertSignedWithReason(values: (string | null | undefined)[], reason: string | null | undefined): void {
  const present = values.filter((v): v is string => v !== null && v !== undefined);
  if (present.some((v) => Number(v) < 0) && !reason?.trim()) throw badRequest('money.reason_required', 'A negative entry (a correction) needs a reason');
}

export function assertNonZero(amount: string): void {
  if (Number(amount) === 0) throw badRequest('money.zero_amount', 'An entry of zero records nothing');
}
