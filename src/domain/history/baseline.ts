import { z } from 'zod';
import { dayOfIsoDate, isoDateOfDay, MS_PER_DAY } from '../kpis/time';
import { IsoDate } from '../model';
import type { IssueRow, PortfolioChunk } from '../portfolio/chunk';
import { scoreRisk } from '../risks/raid';
import type { EngineSettings } from '../settings';

/**
 * A project's baseline: the plan as it stood when a gate was passed or a PMO lead set it, kept to
 * measure the project against later. Schedule variance compares forecast finishes (the latest due
 * date of open work, or the actual finish when nothing is open); scope change compares story points
 * when the baseline had any, else issue counts. Issues deleted since simply no longer count, so they
 * show as removed scope.
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
  /**
   * Start dates of the same issues (null: none). Absent in baselines captured before they were kept.
   * `startDateSource` says where they come from: the site's start date field, or (a site without
   * one) the day the issue was created.
   */
  startDates: z.record(z.string(), IsoDate.nullable()).optional(),
  startDateSource: z.enum(['field', 'created']).optional(),
  scope: z.object({ issues: z.number().int().nonnegative(), storyPoints: z.number().nonnegative() }),
  riskExposure: z.number().int().nonnegative(),
  /** The latest due date of open work, or the last resolution when nothing was open; null if unknown. */
  forecastFinish: IsoDate.nullable(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

const DONE = 2;

/** Where a project stands now, in the terms a baseline keeps: finish, issue count, story points. */
export interface ProjectProgress {
  /** The latest due date of open work, or the day of the last resolution when nothing is open. */
  forecastFinish: string | null;
  issues: number;
  storyPoints: number;
}

/** Collects a project's progress one issue row at a time (the portfolio computation's single pass). */
export class ProgressAccumulator {
  private latestDue: string | null = null;
  private open = 0;
  private lastResolved: number | null = null;
  private issues = 0;
  private storyPoints = 0;

  add(row: IssueRow): void {
    this.issues += 1;
    this.storyPoints += row[6] ?? 0;
    if (row[1] !== DONE) {
      this.open += 1;
      if (row[2] !== null && (this.latestDue === null || row[2] > this.latestDue)) this.latestDue = row[2];
    } else if (row[5] !== null && (this.lastResolved === null || row[5] > this.lastResolved)) {
      this.lastResolved = row[5];
    }
  }

  result(): ProjectProgress {
    const finished =
      this.lastResolved === null ? null : isoDateOfDay(Math.floor(this.lastResolved / MS_PER_DAY));
    return {
      forecastFinish: this.open > 0 ? this.latestDue : finished,
      issues: this.issues,
      storyPoints: this.storyPoints,
    };
  }
}

export function progressOf(chunk: PortfolioChunk, projectKey: string): ProjectProgress {
  const progress = new ProgressAccumulator();
  for (const row of Object.values(chunk.issues) as IssueRow[]) if (row[0] === projectKey) progress.add(row);
  return progress.result();
}

/** The day the project's open work is due to finish, or when it finished; null when unknown. */
export function forecastFinish(chunk: PortfolioChunk, projectKey: string): string | null {
  return progressOf(chunk, projectKey).forecastFinish;
}

/** Issue count and story points of the project now. */
export function scopeOf(chunk: PortfolioChunk, projectKey: string): Baseline['scope'] {
  const { issues, storyPoints } = progressOf(chunk, projectKey);
  return { issues, storyPoints };
}

/** The sum of the project's open risk scores (probability x impact), as the history records it. */
export function riskExposureOf(
  chunk: PortfolioChunk,
  projectKey: string,
  settings: Pick<EngineSettings, 'riskMatrix' | 'riskFallback'>,
): number {
  let exposure = 0;
  for (const row of Object.values(chunk.issues) as IssueRow[]) {
    const raid = row[9];
    if (row[0] !== projectKey || row[1] === DONE || raid === null || raid[0] !== 'risk') continue;
    exposure += scoreRisk(raid[4], raid[5], settings).score;
  }
  return exposure;
}

/** What the health indicators need of a project's newest baseline (kept small: read on every view). */
export const BaselineMarkSchema = BaselineSchema.pick({
  projectKey: true,
  capturedAt: true,
  forecastFinish: true,
  scope: true,
}).extend({
  /** The day of the capture in the history's time zone. */
  day: IsoDate,
});
export type BaselineMark = z.infer<typeof BaselineMarkSchema>;

export const markOf = (baseline: Baseline, day: string): BaselineMark => ({
  day,
  projectKey: baseline.projectKey,
  capturedAt: baseline.capturedAt,
  forecastFinish: baseline.forecastFinish,
  scope: baseline.scope,
});

/** The project now against a baseline, in figures. */
export interface ProgressVariance {
  /** Days the forecast finish moved since the baseline (positive: later); null when either is unknown. */
  scheduleDays: number | null;
  /** Scope change in percent (one decimal) of `scopeUnit`; null for a baseline with no scope. */
  scopePercent: number | null;
  /** Story points when the baseline had any, else issues. */
  scopeUnit: 'issues' | 'points';
  baselineScope: number;
  currentScope: number;
}

const daysBetween = (from: string | null, to: string | null) =>
  from === null || to === null ? null : dayOfIsoDate(to) - dayOfIsoDate(from);

export function progressAgainst(
  baseline: Pick<BaselineMark, 'forecastFinish' | 'scope'>,
  progress: ProjectProgress,
): ProgressVariance {
  const scopeUnit = baseline.scope.storyPoints > 0 ? 'points' : 'issues';
  const baselineScope = scopeUnit === 'points' ? baseline.scope.storyPoints : baseline.scope.issues;
  const currentScope = scopeUnit === 'points' ? progress.storyPoints : progress.issues;
  return {
    scheduleDays: daysBetween(baseline.forecastFinish, progress.forecastFinish),
    scopePercent:
      baselineScope === 0 ? null : Math.round(((currentScope - baselineScope) / baselineScope) * 1000) / 10,
    scopeUnit,
    baselineScope,
    currentScope,
  };
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
  /** The start date of an issue from the site's start date field; absent when the site has none. */
  startDateOf?: (issueKey: string) => string | null;
}

export function captureBaseline(input: CaptureInput): Baseline {
  const dueDates: Baseline['dueDates'] = {};
  const startDates: NonNullable<Baseline['startDates']> = {};
  for (const key of [...input.plannedKeys].sort().slice(0, MAX_BASELINE_DATES)) {
    const row = input.chunk.issues[key];
    if (!row || row[0] !== input.projectKey) continue;
    dueDates[key] = row[2];
    startDates[key] = input.startDateOf
      ? input.startDateOf(key)
      : row[3] === null
        ? null
        : isoDateOfDay(Math.floor(row[3] / MS_PER_DAY));
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
    startDates,
    startDateSource: input.startDateOf ? 'field' : 'created',
    scope: scopeOf(input.chunk, input.projectKey),
    riskExposure: input.riskExposure,
    forecastFinish: forecastFinish(input.chunk, input.projectKey),
  };
}

export interface Variance extends ProgressVariance {
  forecastFinish: string | null;
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
  const progress = progressOf(chunk, baseline.projectKey);
  return {
    ...progressAgainst(baseline, progress),
    forecastFinish: progress.forecastFinish,
    issues: Object.entries(baseline.dueDates).map(([key, baselineDue]) => {
      const row = chunk.issues[key];
      const currentDue = row?.[2] ?? null;
      return {
        key,
        baselineDue,
        currentDue,
        slipDays: daysBetween(baselineDue, currentDue),
        gone: row === undefined,
      };
    }),
  };
}
