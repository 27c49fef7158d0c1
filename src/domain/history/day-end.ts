import { addDays, localDayOf } from './calendar';

/** Hours a time zone's day can start away from UTC midnight (UTC-12 .. UTC+14, with a margin). */
const MAX_OFFSET_MS = 15 * 3_600_000;

/** The first instant (epoch ms) of `day` ("YYYY-MM-DD") on the wall clock of `timeZone`, DST included. */
export function startOfLocalDay(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  // The local date never goes back as time goes on: search for the first instant showing `day`.
  let low = utcMidnight - MAX_OFFSET_MS;
  let high = utcMidnight + MAX_OFFSET_MS;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (localDayOf(middle, timeZone) >= day) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The last instant (epoch ms) of `day` in `timeZone`: what "the state at the end of that day" reads. */
export function endOfLocalDay(day: string, timeZone: string): number {
  return startOfLocalDay(addDays(day, 1), timeZone) - 1;
}
