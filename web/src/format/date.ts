import type { Locale } from '../api/types.ts';

/**
 * A calendar date ("2024-11-26") as its readers write it: 2024年11月26日 or 26 Nov 2024.
 * Read as UTC so that the day never shifts with the browser's time zone.
 */
export function formatDate(isoDate: string | null, locale: Locale): string | null {
  if (!isoDate) return null;
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A moment (a text version's creation) in the reader's own time zone. */
export function formatDateTime(isoDateTime: string, locale: Locale): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
