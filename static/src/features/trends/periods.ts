import { addDays, formatISO, min, parseISO, subMonths, subWeeks } from 'date-fns';

/** The windows the trends page offers, in days. */
export const TREND_WINDOWS = [
  { days: 28, label: '4 weeks' },
  { days: 84, label: '12 weeks' },
  { days: 182, label: '6 months' },
  { days: 365, label: '1 year' },
] as const;

/** "What changed since": a week ago, a month ago, or a day the viewer picks. */
export type ChangesPeriod = { kind: 'week' } | { kind: 'month' } | { kind: 'date'; day: string };

const isoDay = (date: Date) => formatISO(date, { representation: 'date' });

/** The day a period starts, relative to `today` ("YYYY-MM-DD", the history's calendar). */
export function sinceDay(period: ChangesPeriod, today: string): string {
  if (period.kind === 'date') return period.day;
  const date = parseISO(today);
  return isoDay(period.kind === 'week' ? subWeeks(date, 1) : subMonths(date, 1));
}

/** `from`..`to` cut into windows of at most `size` days, oldest first (for paged exports). */
export function windowsOf(from: string, to: string, size: number): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  const end = parseISO(to);
  for (let cursor = parseISO(from); cursor <= end; cursor = addDays(cursor, size)) {
    windows.push({ from: isoDay(cursor), to: isoDay(min([addDays(cursor, size - 1), end])) });
  }
  return windows;
}
