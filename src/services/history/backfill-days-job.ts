import { endOfLocalDay } from '../../domain/history/day-end';
import { dayRecordOf } from '../../domain/history/day-record';
import type { IssueHistories } from '../../domain/history/history-change';
import { rewindChunk } from '../../domain/history/rewind';
import type { Job } from '../../jobs/job';
import { readBlob } from '../../storage/blob';
import type { AppDeps } from '../deps';
import { computeFromSnapshot } from '../portfolio/compute-from-snapshot';
import { loadLiveConfig } from '../settings/live-config';
import type { SnapshotData } from '../snapshots/records';
import {
  activePlan,
  BackfillBatchSchema,
  type BackfillPlan,
  backfillKeys,
  deleteBackfillWork,
  patchStatus,
} from './backfill-records';
import { storeDay } from './history-store';
import { CHANGELOG_BATCH } from './start-backfill';

/** Days one job rebuilds: each is a whole portfolio computation, a fraction of a second at 10,000 issues. */
export const DAYS_PER_JOB = 10;

type DaysJob = Extract<Job, { kind: 'backfill-days' }>;

/**
 * The last steps of a history backfill: rebuilds a few days at a time (the portfolio chunk rewound
 * to the end of each day, computed with the live settings for that instant) and stores them as
 * reconstructed days, which never replace a recorded one. Storing a day again writes the same
 * record, so a redelivered job changes nothing.
 */
export async function runBackfillDaysJob(deps: AppDeps, job: DaysJob): Promise<void> {
  const keys = backfillKeys(job.portfolioId);
  const plan = await activePlan(deps.store, job.portfolioId, job.backfillId);
  if (!plan) return;
  const histories = await readHistories(deps, plan);
  if (!histories) {
    await patchStatus(
      deps.store,
      job.portfolioId,
      job.backfillId,
      () => ({
        state: 'failed',
        error: 'Changelogs read earlier are missing; they are read again.',
        batchesRead: 0,
      }),
      deps.now().toISOString(),
    );
    return;
  }
  const live = await loadLiveConfig(deps);
  const base: SnapshotData = {
    seq: 1,
    portfolioId: plan.portfolioId,
    asOf: deps.now().toISOString(),
    projects: plan.projects,
    covered: plan.projects.map((project) => project.key),
    stale: [],
    settings: plan.settings,
    settingsVersion: live.version,
    chunk: plan.chunk,
    facts: {},
    compliance: null,
    points: 0,
    requests: 0,
  };
  const secured = new Set(plan.secured);
  const end = Math.min(plan.days.length, job.from + DAYS_PER_JOB);
  for (const day of plan.days.slice(job.from, end)) {
    const atMs = endOfLocalDay(day, plan.timeZone);
    const chunk = rewindChunk(plan.chunk, histories, atMs);
    // Standards evaluations have no history: a reconstructed day has no compliance figures.
    const report = computeFromSnapshot(
      base,
      { projects: plan.projects, chunk, compliance: null },
      live,
      new Date(atMs),
    );
    const record = dayRecordOf({
      day,
      asOf: new Date(atMs).toISOString(),
      settingsVersion: live.version,
      reconstructed: true,
      report,
      compliance: null,
      secured: (key) => secured.has(key),
    });
    await storeDay(deps.store, plan.portfolioId, record, live.config.history.retentionDays);
  }
  const done = end >= plan.days.length;
  await patchStatus(
    deps.store,
    job.portfolioId,
    job.backfillId,
    (status) => ({ state: done ? 'done' : 'building', daysBuilt: Math.max(status.daysBuilt, end) }),
    deps.now().toISOString(),
  );
  if (done)
    await deleteBackfillWork(deps.store, job.portfolioId, Math.ceil(plan.issueIds.length / CHANGELOG_BATCH));
  else if (await deps.store.setIfAbsent(keys.queued(`days:${end}`), { at: deps.now().toISOString() }))
    await deps.queue.push([{ ...job, from: end }]);
}

/** Every batch's changes, by issue key (batches hold disjoint issues); null when one is missing. */
async function readHistories(deps: AppDeps, plan: BackfillPlan): Promise<IssueHistories | null> {
  const batches = Math.ceil(plan.issueIds.length / CHANGELOG_BATCH);
  const histories: IssueHistories = Object.create(null);
  for (let batch = 0; batch < batches; batch++) {
    const read = await readBlob(deps.store, backfillKeys(plan.portfolioId).batch(batch), BackfillBatchSchema);
    if (!read) return null;
    Object.assign(histories, read.histories);
  }
  return histories;
}
