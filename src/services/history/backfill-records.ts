import { z } from 'zod';
import { type BackfillStatus, BackfillStatusSchema } from '../../domain/history/backfill-status';
import { IssueHistoriesSchema, StatusStateSchema } from '../../domain/history/history-change';
import { IsoDate, LinkTypeSchema, ProjectSchema } from '../../domain/model';
import { PortfolioChunkSchema } from '../../domain/portfolio/chunk';
import { EngineSettingsSchema } from '../../domain/settings';
import { deleteBlob, readBlob } from '../../storage/blob';
import { queryAll, readParsed, type Store } from '../../storage/store';
import { portfolioPrefix } from '../snapshots/keys';

/** Storage keys of a portfolio's history backfill (under the portfolio, so deleting it deletes them). */
export const backfillKeys = (portfolioId: string) => {
  const base = `${portfolioPrefix(portfolioId)}h:backfill:`;
  return {
    status: `${base}status`,
    plan: `${base}plan`,
    /** The changes read for one batch of issues (written once the batch is complete). */
    batch: (batch: number) => `${base}batch:${String(batch).padStart(5, '0')}`,
    /** Create-only marks: the job that follows a step is queued once, however often the step runs. */
    queued: (step: string) => `${base}queued:${step}`,
    queuedPrefix: `${base}queued:`,
  };
};

/**
 * What a backfill works from, fixed when it starts: the snapshot's chunk and projects (the snapshot
 * itself is replaced by later refreshes), the issues to read, the days to rebuild, what the site's
 * status ids and link types mean, and the quota budget.
 */
export const BackfillPlanSchema = z.object({
  id: z.string(),
  portfolioId: z.string(),
  timeZone: z.string(),
  /** Days to rebuild, oldest first. */
  days: z.array(IsoDate),
  issueIds: z.array(z.string()),
  issueKeys: z.array(z.string()),
  statuses: z.record(z.string(), StatusStateSchema),
  linkTypes: z.array(LinkTypeSchema),
  projects: z.array(ProjectSchema),
  chunk: PortfolioChunkSchema,
  settings: EngineSettingsSchema,
  /** Issues with a security level: they count, but are never named in the history. */
  secured: z.array(z.string()),
  pointsFloor: z.number().nullable(),
  quotaResetAt: z.number().nullable(),
});
export type BackfillPlan = z.infer<typeof BackfillPlanSchema>;

export const BackfillBatchSchema = z.object({
  histories: IssueHistoriesSchema,
  points: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
});
export type BackfillBatch = z.infer<typeof BackfillBatchSchema>;

/**
 * Changes the backfill's status, if it is still the backfill `id` (a job of an older backfill of a
 * deleted and re-created portfolio changes nothing). Steps run one after another, so a plain write
 * after the read is safe.
 */
export async function patchStatus(
  store: Store,
  portfolioId: string,
  id: string,
  patch: (status: BackfillStatus) => Partial<BackfillStatus>,
  nowIso: string,
): Promise<BackfillStatus | null> {
  const key = backfillKeys(portfolioId).status;
  const status = await readParsed(store, key, BackfillStatusSchema);
  if (!status || status.id !== id) return null;
  const next = { ...status, ...patch(status), updatedAt: nowIso };
  await store.set(key, next);
  return next;
}

/**
 * The plan a job of backfill `id` works on; null when that backfill ended, was replaced, or has no
 * plan of its own (the job then does nothing).
 */
export async function activePlan(
  store: Store,
  portfolioId: string,
  id: string,
): Promise<BackfillPlan | null> {
  const keys = backfillKeys(portfolioId);
  const status = await readParsed(store, keys.status, BackfillStatusSchema);
  if (!status || status.id !== id || status.state === 'done' || status.state === 'skipped') return null;
  const plan = await readBlob(store, keys.plan, BackfillPlanSchema);
  return plan && plan.id === id ? plan : null;
}

/** Deletes a finished backfill's work records (plan, changes, queue marks); its status stays. */
export async function deleteBackfillWork(store: Store, portfolioId: string, batches: number): Promise<void> {
  const keys = backfillKeys(portfolioId);
  const marks: string[] = [];
  for await (const entry of queryAll(store, keys.queuedPrefix)) marks.push(entry.key);
  await Promise.all([
    deleteBlob(store, keys.plan),
    ...Array.from({ length: batches }, (_, batch) => deleteBlob(store, keys.batch(batch))),
    ...marks.map((key) => store.delete(key)),
  ]);
}
