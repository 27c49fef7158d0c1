import { z } from 'zod';

/**
 * Background work, small enough for one queue event (Forge: at most 50 events per push and 200 KB).
 * Long refreshes are split into jobs like these and run by the queue consumer.
 */
const PortfolioIdField = z.string().min(1).max(80);
const RunSeq = z.number().int().min(1).max(99_999_999);
const BackfillId = z.string().min(1).max(64);

export const JobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('snapshot-project'),
    /** The snapshot's day, YYYY-MM-DD. */
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    projectKey: z.string().min(1),
  }),
  /** Reads one page range of one project of a refresh run and stores its chunk. */
  z.object({
    kind: z.literal('collect-portfolio'),
    portfolioId: PortfolioIdField,
    seq: RunSeq,
    projectKey: z.string().min(1).max(40),
    /** 0 for the first page range of the project; each part continues where the previous stopped. */
    part: z.number().int().min(0).max(100_000),
    startToken: z.string().max(2000).optional(),
  }),
  /** Deletes everything stored for a portfolio that was removed from the settings. */
  z.object({
    kind: z.literal('delete-portfolio-data'),
    portfolioId: PortfolioIdField,
  }),
  /** Merges a run's chunks into the portfolio snapshot and switches readers to it. */
  z.object({
    kind: z.literal('assemble-portfolio'),
    portfolioId: PortfolioIdField,
    seq: RunSeq,
  }),
  /** Reads the changelogs of one batch of 1,000 issues for a history backfill. */
  z.object({
    kind: z.literal('backfill-changelogs'),
    portfolioId: PortfolioIdField,
    backfillId: BackfillId,
    batch: z.number().int().min(0).max(10_000),
  }),
  /** Rebuilds and stores a few of the backfill's days, from the `from`-th. */
  z.object({
    kind: z.literal('backfill-days'),
    portfolioId: PortfolioIdField,
    backfillId: BackfillId,
    from: z.number().int().min(0).max(1_000),
  }),
]);
export type Job = z.infer<typeof JobSchema>;

/** Forge's limits on what one push may carry. */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;
/** Forge delays an event by at most 15 minutes. */
export const MAX_DELAY_SECONDS = 900;

export class QueueLimitError extends Error {}

/** Checks Forge's push limits so that what works locally also works on Forge. */
export function assertPushWithinLimits(jobs: readonly Job[]): void {
  if (jobs.length > MAX_EVENTS_PER_PUSH) {
    throw new QueueLimitError(`A push carries at most ${MAX_EVENTS_PER_PUSH} events; got ${jobs.length}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(jobs.map((job) => ({ body: job }))), 'utf8');
  if (bytes > MAX_PUSH_BYTES) {
    throw new QueueLimitError(`A push carries at most ${MAX_PUSH_BYTES} bytes; got ${bytes}`);
  }
}

/** The queue port: Forge's `@forge/events` Queue, or an in-process runner locally. */
export interface JobQueue {
  /** Pushes in batches that respect Forge's limits; `delaySeconds` (at most 900) defers delivery. */
  push(jobs: readonly Job[], options?: { delaySeconds?: number }): Promise<void>;
}

/** Splits jobs into pushes of at most 50 events. */
export function batchesOf(jobs: readonly Job[]): Job[][] {
  const batches: Job[][] = [];
  for (let start = 0; start < jobs.length; start += MAX_EVENTS_PER_PUSH) {
    batches.push(jobs.slice(start, start + MAX_EVENTS_PER_PUSH));
  }
  return batches;
}
