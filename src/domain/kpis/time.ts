/**
 * Day arithmetic for the engine. Due dates are calendar dates (YYYY-MM-DD) and "today" is the UTC
 * calendar date of `now`; timestamps are epoch milliseconds. Day numbers count days since 1970-01-01.
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/** The UTC day number of an epoch-millisecond instant. */
export function dayOf(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** Day number of an ISO date "YYYY-MM-DD" (or the date part of an ISO timestamp); NaN when malformed. */
export function dayOfIsoDate(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return Number.NaN;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** ISO date "YYYY-MM-DD" of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch milliseconds of an ISO timestamp, or null when absent or unparseable. */
export function parseTimestamp(value: string | null | undefined): number | null {
  if (value == null || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
