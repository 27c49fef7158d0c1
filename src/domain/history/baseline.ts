import { z } from 'zod';
import { dayOfIsoDate, isoDateOfDay, MS_PER_DAY } from '../kpis/time';
import { IsoDate } from '../model';
import type { IssueRow, PortfolioChunk } from '../portfolio/chunk';

/**
 * A project's baseline: the plan as it stood when a gate was passed or a PMO lead set it, kept to
 * measure the project against later. Schedule variance compares forecast finishes (the latest due
 * date of open work, or the actual finish when nothing is open); scope change compares issue counts.
 */

/** Issues whose dates a baseline keeps (epics and gated issues); more are counted, not listed. */
export const MAX_BASELINE_DATES = 500;

export const BaselineSchema = z.object({
  version: z.literal(1),
  projectKey: z.string(),
  /** ISO timestamp of the capture, and the snapshot's "as of" it was taken from. */
  capturedAt: z.string(),
  asOf: z.string(),
  trigger: z.enum(['manual', 'gate']),
  /** Account id of who set it; null for one captured when a gate was passed. */
  by: z.string().nullable(),
  note: z.string().max(1000),
  /** Due dates of the project's epics and gated issues, by key (null: no due date). */
  dueDates: z.record(z.string(), IsoDate.nullable()),
  scope: z.object({ issues: z.number().int().nonnegative(), storyPoints: z.number().nonnegative() }),
  riskExposure: z.number().int().nonnegative(),
  /** The latest due date of open work, or the last resolution when nothing was open; null if unknown. */
  forecastFinish: IsoDate.nullable(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

const DONE = 2;

function rowsOf(chunk: PortfolioChunk, projectKey: string): [string, IssueRow][] {
  return (Object.entries(chunk.issues) as [string, IssueRow][]).filter(([, row]) => row[0] === projectKey);
}

/** The day the project's open work is due to finish, or when it finished; null when unknown. */
export function forecastFinish(chunk: PortfolioChunk, projectKey: string): string | null {
  let latestDue: string | null = null;
  let open = 0;
  let lastResolved: number | null = null;
  for (const [, row] of rowsOf(chunk, projectKey)) {
    if (row[1] !== DONE) {
      open += 1;
      if (row[2] !== null && (latestDue === null || row[2] > latestDue)) latestDue = row[2];
    } else if (row[5] !== null && (lastResolved === null || row[5] > lastResolved)) {
      lastResolved = row[5];
    }
  }
  if (open > 0) return latestDue;
  return lastResolved === null ? null : isoDateOfDay(Math.floor(lastResolved / MS_PER_DAY));
}

/** Issue count and story points of the project now. */
export function scopeOf(chunk: PortfolioChunk, projectKey: string): Baseline['scope'] {
  let issues = 0;
  let storyPoints = 0;
  for (const [, row] of rowsOf(chunk, projectKey)) {
    issues += 1;
    storyPoints += row[6] ?? 0;
  }
  return { issues, storyPoints };
}

export interface CaptureInput {
  chunk: PortfolioChunk;
  projectKey: string;
  /** Keys of the project's epics and gated issues. */
  plannedKeys: readonly string[];
  riskExposure: number;
  capturedAt: string;
  asOf: string;
  trigger: Baseline['trigger'];
  by: string | null;
  note: string;
}

export function captureBaseline(input: CaptureInput): Baseline {
  const dueDates: Baseline['dueDates'] = {};
  for (const key of [...input.plannedKeys].sort().slice(0, MAX_BASELINE_DATES)) {
    const row = input.chunk.issues[key];
    if (row && row[0] === input.projectKey) dueDates[key] = row[2];
  }
  return {
    version: 1,
    projectKey: input.projectKey,
    capturedAt: input.capturedAt,
    asOf: input.asOf,
    trigger: input.trigger,
    by: input.by,
    note: input.note,
    dueDates,
    scope: scopeOf(input.chunk, input.projectKey),
    riskExposure: input.riskExposure,
    forecastFinish: forecastFinish(input.chunk, input.projectKey),
  };
}

export interface Variance {
  /** Days the forecast finish moved since the baseline (positive: later); null when either is unknown. */
  scheduleDays: number | null;
  /** Change of the issue count since the baseline, in percent (one decimal); null for an empty baseline. */
  scopePercent: number | null;
  /** Per planned issue: its baseline and current due date, and the slip in days (null when either is missing). */
  issues: {
    key: string;
    baselineDue: string | null;
    currentDue: string | null;
    slipDays: number | null;
    /** No longer in the portfolio: deleted, or moved to a project outside it. */
    gone: boolean;
  }[];
}

/** The project now against its baseline. */
export function varianceAgainst(baseline: Baseline, chunk: PortfolioChunk): Variance {
  const finish = forecastFinish(chunk, baseline.projectKey);
  const scope = scopeOf(chunk, baseline.projectKey);
  const days = (from: string | null, to: string | null) =>
    from === null || to === null ? null : dayOfIsoDate(to) - dayOfIsoDate(from);
  return {
    scheduleDays: days(baseline.forecastFinish, finish),
    scopePercent:
      baseline.scope.issues === 0
        ? null
        : Math.round(((scope.issues - baseline.scope.issues) / baseline.scope.issues) * 1000) / 10,
    issues: Object.entries(baseline.dueDates).map(([key, baselineDue]) => {
      const row = chunk.issues[key];
      const currentDue = row?.[2] ?? null;
      return {
        key,
        baselineDue,
        currentDue,
        slipDays: days(baselineDue, currentDue),
        gone: row === undefined,
      };
    }),
  };
}
