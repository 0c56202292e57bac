/** Calendar days as ISO strings (YYYY-MM-DD): due dates are days, not instants. */

/** Today's date where the cooperation offices work, so a task due today is not overdue at 08:00 in Qingdao. */
export function businessToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
