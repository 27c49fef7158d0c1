import { z } from 'zod';
import { IsoDate } from '../model';
import type { BaselineMark } from './baseline';
import { addDays } from './calendar';

/**
 * Baseline against actual over time, for a project's chart: each recorded day with the baseline in
 * effect that day (the newest captured on or before it). The forecast finish is the baseline's
 * finish moved by the schedule variance the day recorded; the actual scope is the day's issue count,
 * or, for a baseline in story points, its points moved by the scope change the day recorded. Days
 * recorded before the indicators existed have no variance, so their forecast (and points) are gaps.
 */

export const BaselineSeriesDaySchema = z.object({
  day: IsoDate,
  /** The capture day of the baseline in effect; null before the first baseline. */
  baselineDay: IsoDate.nullable(),
  baselineFinish: IsoDate.nullable(),
  forecastFinish: IsoDate.nullable(),
  /** Days the forecast finish is later than the baseline's (negative: earlier). */
  scheduleDays: z.number().int().nullable(),
  scopeUnit: z.enum(['issues', 'points']).nullable(),
  baselineScope: z.number().nonnegative().nullable(),
  actualScope: z.number().nonnegative().nullable(),
});
export type BaselineSeriesDay = z.infer<typeof BaselineSeriesDaySchema>;

/** What the series needs of one recorded day. */
export interface RecordedProgress {
  day: string;
  /** The schedule variance and scope indicators' values that day (null: not computed). */
  varianceDays: number | null;
  scopePercent: number | null;
  /** Open and done issues that day. */
  issues: number;
}

/** `baselines` in any order; `days` oldest first. */
export function baselineSeries(
  days: readonly RecordedProgress[],
  baselines: readonly Pick<BaselineMark, 'day' | 'forecastFinish' | 'scope'>[],
): BaselineSeriesDay[] {
  const byDay = [...baselines].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let next = 0;
  let inEffect: (typeof byDay)[number] | undefined;
  return days.map((recorded) => {
    while (next < byDay.length && (byDay[next] as (typeof byDay)[number]).day <= recorded.day) {
      inEffect = byDay[next];
      next += 1;
    }
    if (!inEffect) {
      return {
        day: recorded.day,
        baselineDay: null,
        baselineFinish: null,
        forecastFinish: null,
        scheduleDays: null,
        scopeUnit: null,
        baselineScope: null,
        actualScope: null,
      };
    }
    const points = inEffect.scope.storyPoints > 0;
    const baselineScope = points ? inEffect.scope.storyPoints : inEffect.scope.issues;
    const actualScope = points
      ? recorded.scopePercent === null
        ? null
        : Math.round(baselineScope * (1 + recorded.scopePercent / 100) * 10) / 10
      : recorded.issues;
    const forecastFinish =
      inEffect.forecastFinish === null || recorded.varianceDays === null
        ? null
        : addDays(inEffect.forecastFinish, recorded.varianceDays);
    return {
      day: recorded.day,
      baselineDay: inEffect.day,
      baselineFinish: inEffect.forecastFinish,
      forecastFinish,
      scheduleDays: forecastFinish === null ? null : recorded.varianceDays,
      scopeUnit: points ? 'points' : 'issues',
      baselineScope,
      actualScope,
    };
  });
}
