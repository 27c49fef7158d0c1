import type { QuotaReading } from '../../jira/client';

/** What a paced piece of background work (a refresh run, a history backfill) may spend of the quota. */
export interface QuotaBudget {
  /** Points that must remain when the work started's quota window is spent down to it; null: unpaced. */
  pointsFloor: number | null;
  /** The reset time of the window the floor belongs to. */
  quotaResetAt: number | null;
  /** Share of the quota the work may spend in a later window (engine setting `refreshQuotaShare`). */
  share: number;
}

/** The floor of work that starts now: it may spend `share` of what remains of the site's quota. */
export function budgetFrom(reading: QuotaReading | null, share: number): QuotaBudget {
  return {
    pointsFloor: reading ? Math.floor(reading.remaining * (1 - share)) : null,
    quotaResetAt: reading?.resetAt ?? null,
    share,
  };
}

/**
 * Quota pacing: when the site's remaining points fell below the work's floor, the time the hourly
 * window resets; null to go on. In a later window the floor is that share of the whole quota.
 * Quota readings are on the wall clock, as Jira's headers are.
 */
export function pacedUntil(
  reading: QuotaReading | null,
  budget: QuotaBudget,
  nowMs = Date.now(),
): number | null {
  if (!reading || budget.pointsFloor === null) return null;
  if (reading.resetAt <= nowMs) return null; // the window this reading belongs to is over
  const sameWindow = budget.quotaResetAt !== null && reading.resetAt <= budget.quotaResetAt;
  const floor = sameWindow
    ? budget.pointsFloor
    : Math.floor((reading.limit ?? reading.remaining) * (1 - budget.share));
  return reading.remaining < floor ? reading.resetAt : null;
}
