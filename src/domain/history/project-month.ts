import { z } from 'zod';
import { IndicatorName } from '../health/health';
import { DAY_RECORD_VERSION, type ProjectDay, ProjectDayRowSchema } from './day-record';

/**
 * A project's days of one calendar month, stored as one record (format 2 of the history). Each
 * day keeps its header and row; an indicator's reason is written only on the first day of the
 * month and on days where it changed from the day before, and read back by carrying it forward.
 * The record is always encoded from complete days, so replacing one day never corrupts the next.
 */

const DayOfMonth = z.string().regex(/^\d{2}$/);

/** Reasons that changed from the previous day of the month; null: the indicator has no reason any more. */
const ReasonChangesSchema = z.partialRecord(IndicatorName, z.string().nullable());

const StoredDaySchema = z.tuple([
  DayOfMonth,
  /** asOf */
  z.string(),
  /** settingsVersion */
  z.number().int().nonnegative(),
  /** reconstructed */
  z.boolean(),
  /** the row: checked against ProjectDayRowSchema only when its day is read (most reads want a few days) */
  z.unknown(),
  ReasonChangesSchema,
]);

/** The project was not in the portfolio that day (it left after an earlier reading of the day). */
const AbsentDaySchema = z.tuple([DayOfMonth, z.null()]);

export const ProjectMonthSchema = z.object({
  format: z.literal(2),
  projectKey: z.string(),
  /** "YYYY-MM" */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Oldest first. */
  days: z.array(z.union([StoredDaySchema, AbsentDaySchema])),
});
export type ProjectMonth = z.infer<typeof ProjectMonthSchema>;

/** A day of a project's month: its record, or a mark that the project was not in the portfolio that day. */
export type MonthDay = ProjectDay | { day: string; absent: true };

export const monthOfDay = (day: string): string => day.slice(0, 7);

export function encodeProjectMonth(
  projectKey: string,
  month: string,
  days: readonly MonthDay[],
): ProjectMonth {
  let previous: ProjectDay['reasons'] = {};
  const stored = [...days]
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
    .map((day): ProjectMonth['days'][number] => {
      const dayOfMonth = day.day.slice(8, 10);
      if ('absent' in day) return [dayOfMonth, null];
      const changes: z.infer<typeof ReasonChangesSchema> = {};
      for (const name of IndicatorName.options) {
        const reason = day.reasons[name];
        if (reason !== previous[name]) changes[name] = reason ?? null;
      }
      previous = day.reasons;
      return [dayOfMonth, day.asOf, day.settingsVersion, day.reconstructed, day.row, changes];
    });
  return { format: 2, projectKey, month, days: stored };
}

/**
 * The month's days from `from` to `to` (inclusive; the whole month without them). A day whose row
 * is not in the expected shape is left out, like any unreadable stored day.
 */
export function decodeProjectMonth(stored: ProjectMonth, from = '', to = '9999'): MonthDay[] {
  let reasons: ProjectDay['reasons'] = {};
  const days: MonthDay[] = [];
  for (const entry of stored.days) {
    const day = `${stored.month}-${entry[0]}`;
    if (day > to) break;
    if (entry[1] === null) {
      if (day >= from) days.push({ day, absent: true });
      continue;
    }
    const [, asOf, settingsVersion, reconstructed, rawRow, changes] = entry;
    reasons = { ...reasons };
    for (const [name, reason] of Object.entries(changes) as [IndicatorName, string | null][]) {
      if (reason === null) delete reasons[name];
      else reasons[name] = reason;
    }
    if (day < from) continue;
    const row = ProjectDayRowSchema.safeParse(rawRow);
    if (row.success) {
      days.push({
        version: DAY_RECORD_VERSION,
        day,
        asOf,
        settingsVersion,
        reconstructed,
        row: row.data,
        reasons,
      });
    }
  }
  return days;
}

/** The month's days with `day` put in (replacing a reading of the same day). */
export function withMonthDay(days: readonly MonthDay[], day: MonthDay): MonthDay[] {
  return [...days.filter((existing) => existing.day !== day.day), day];
}
