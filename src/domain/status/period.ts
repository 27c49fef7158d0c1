import { z } from 'zod';
import { addDays, localDayOf } from '../history/calendar';
import { dayOfIsoDate } from '../kpis/time';
import { IsoDate } from '../model';
import type { StatusSettings } from './settings';

/**
 * Status periods: calendar spans in the history's time zone, each with one due day. Weekly periods
 * run Monday to Sunday; fortnightly ones are pairs of weeks counted from a fixed Monday (so every
 * portfolio agrees on which fortnight it is); monthly ones are calendar months, due on the month's
 * last chosen weekday. An update is late from the day after its due day until one is published.
 */

export const StatusPeriodSchema = z.object({
  /** The first day: names the period in storage and in links. */
  id: IsoDate,
  start: IsoDate,
  end: IsoDate,
  due: IsoDate,
  /** "Week of 7 Dec 2026", "Fortnight of 30 Nov 2026", "December 2026". */
  label: z.string(),
});
export type StatusPeriod = z.infer<typeof StatusPeriodSchema>;

/** 1970-01-05 was a Monday: fortnights are counted from it. */
const FIRST_MONDAY = 4;

/** ISO weekday (1 Monday … 7 Sunday) of a calendar day. */
export function isoWeekdayOf(day: string): number {
  return ((((dayOfIsoDate(day) + 3) % 7) + 7) % 7) + 1;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function shortDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** The status period a calendar day falls in. */
export function periodOfDay(
  day: string,
  settings: Pick<StatusSettings, 'cadence' | 'dueWeekday'>,
): StatusPeriod {
  const weekStart = addDays(day, 1 - isoWeekdayOf(day));
  switch (settings.cadence) {
    case 'weekly':
      return {
        id: weekStart,
        start: weekStart,
        end: addDays(weekStart, 6),
        due: addDays(weekStart, settings.dueWeekday - 1),
        label: `Week of ${shortDate(weekStart)}`,
      };
    case 'fortnightly': {
      const weeksSince = Math.floor((dayOfIsoDate(weekStart) - FIRST_MONDAY) / 7);
      const start = weeksSince % 2 === 0 ? weekStart : addDays(weekStart, -7);
      // Due in the second week: the fortnight's work is done by then.
      return {
        id: start,
        start,
        end: addDays(start, 13),
        due: addDays(start, 7 + settings.dueWeekday - 1),
        label: `Fortnight of ${shortDate(start)}`,
      };
    }
    case 'monthly': {
      const start = `${day.slice(0, 7)}-01`;
      const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
      const nextMonth =
        month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      const end = addDays(nextMonth, -1);
      const back = (isoWeekdayOf(end) - settings.dueWeekday + 7) % 7;
      return {
        id: start,
        start,
        end,
        due: addDays(end, -back),
        label: `${LONG_MONTHS[month - 1]} ${year}`,
      };
    }
  }
}

/** The period `now` falls in, on the wall clock of `timeZone`. */
export function currentPeriod(
  nowMs: number,
  timeZone: string,
  settings: Pick<StatusSettings, 'cadence' | 'dueWeekday'>,
): StatusPeriod {
  return periodOfDay(localDayOf(nowMs, timeZone), settings);
}

/** The period before `period`. */
export function previousPeriod(
  period: StatusPeriod,
  settings: Pick<StatusSettings, 'cadence' | 'dueWeekday'>,
): StatusPeriod {
  return periodOfDay(addDays(period.start, -1), settings);
}

/** Where an update of `period` stands on calendar day `today`, given whether one was published. */
export type UpdateState = 'published' | 'late' | 'due';

export function updateState(
  period: Pick<StatusPeriod, 'due'>,
  published: boolean,
  today: string,
): UpdateState {
  if (published) return 'published';
  return today > period.due ? 'late' : 'due';
}
