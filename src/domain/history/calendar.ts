import { dayOfIsoDate, isoDateOfDay } from '../kpis/time';

/**
 * Calendar days of the history. A day is the date on the site's wall clock (its time zone), not
 * UTC's: a PMO in Sydney reads Monday's record as the state at the end of their Monday.
 */

/** Whether `timeZone` is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date ("YYYY-MM-DD") of an instant in a time zone. */
export function localDayOf(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `day` moved by `delta` calendar days. */
export function addDays(day: string, delta: number): string {
  return isoDateOfDay(dayOfIsoDate(day) + delta);
}

/** Calendar days from `from` to `to`, both included (empty when `from` is after `to`). */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = dayOfIsoDate(from); day <= dayOfIsoDate(to); day++) days.push(isoDateOfDay(day));
  return days;
}

/** The earlier of two days ("YYYY-MM-DD" sorts as it reads). */
export function earlierDay(a: string, b: string): string {
  return a <= b ? a : b;
}
