/** Calendar days as ISO strings (YYYY-MM-DD): due dates are days, not instants. */

/** Today's date where the cooperation offices work, so a task due today is not overdue at 08:00 in Qingdao. */
export function businessToday(timeZone: string, now: Date = new Date()): string {
  return dayFormat(timeZone).format(now);
}

/** Building a formatter costs about half a millisecond, more than a ledger query; every request asks for today. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** The instant a business day begins where the offices work: periods are days there, audit entries are instants. */
export function startOfBusinessDay(isoDate: string, timeZone: string): Date {
  const utcMidnight = new Date(`${isoDate}T00:00:00Z`);
  const part = (type: string) => Number(clockFormat(timeZone).formatToParts(utcMidnight).find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return new Date(utcMidnight.getTime() - (wallClock - utcMidnight.getTime()));
}
