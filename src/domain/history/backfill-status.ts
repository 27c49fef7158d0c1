import { z } from 'zod';
import { IsoDate } from '../model';

/**
 * Progress of a portfolio's history backfill: the days before its first recorded day rebuilt from
 * Jira's changelogs. Shown to PMOs while the reconstructed days fill in.
 */
export const BackfillState = z.enum([
  /** Queued; starts shortly after the first recorded day. */
  'queued',
  /** Reading the issues' changelogs. */
  'reading',
  /** Waiting for the next hour: the backfill keeps within the refresh's share of Jira's quota. */
  'waiting',
  /** Rebuilding and storing the days. */
  'building',
  'done',
  /** Stopped on an error; the next refresh resumes it where it stopped. */
  'failed',
  /** Not needed: the portfolio already had enough recorded days. */
  'skipped',
]);
export type BackfillState = z.infer<typeof BackfillState>;

const count = z.number().int().nonnegative();

export const BackfillStatusSchema = z.object({
  id: z.string(),
  state: BackfillState,
  /** The first day a refresh recorded: reconstructed days end the day before. */
  firstRecordedDay: IsoDate,
  /** The reconstructed days, oldest and newest; null when there are none to rebuild. */
  fromDay: IsoDate.nullable(),
  toDay: IsoDate.nullable(),
  issues: count,
  /** Changelog batches (1,000 issues each) and how many were read. */
  batches: count,
  batchesRead: count,
  days: count,
  daysBuilt: count,
  /** Jira points and requests the backfill spent. */
  points: z.number().nonnegative(),
  requests: count,
  startedAt: z.string(),
  updatedAt: z.string(),
  /** While waiting for the quota: when it goes on. */
  waitingUntil: z.string().nullable(),
  error: z.string().nullable(),
});
export type BackfillStatus = z.infer<typeof BackfillStatusSchema>;
