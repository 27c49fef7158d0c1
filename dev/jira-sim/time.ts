/** Date helpers. The simulator's site time zone is UTC. */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Jira's timestamp format: `2026-10-03T09:12:44.123+0000`. */
export function jiraDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+0000`;
}

/** `YYYY-MM-DD` (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds at UTC midnight of a `YYYY-MM-DD` date. */
export function dateToMs(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict `YYYY-MM-DD` check (real calendar date). */
export function isValidIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const ms = dateToMs(s);
  return !Number.isNaN(ms) && isoDate(ms) === s;
}
