import { differenceInSeconds, formatDistanceStrict, isValid, parseISO } from 'date-fns';

const counts = new Intl.NumberFormat('en');

/** A count for display; null (could not be read) is an em dash. */
export function formatCount(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? counts.format(value) : '—';
}

/**
 * How old data generated at `iso` is, relative to `now`: "just now", "5 minutes ago", "2 days ago".
 * Null when `iso` is not a date. A timestamp slightly in the future (clock skew) reads "just now".
 */
export function formatDataAge(iso: string, now: Date): string | null {
  const at = parseISO(iso);
  if (!isValid(at)) return null;
  const seconds = differenceInSeconds(now, at);
  if (seconds < 45) return 'just now';
  return formatDistanceStrict(at, now, { addSuffix: true, roundingMethod: 'floor' });
}

/** The full local date and time of `iso`, for a tooltip or title; null when it is not a date. */
export function formatTimestamp(iso: string): string | null {
  const at = parseISO(iso);
  if (!isValid(at)) return null;
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
