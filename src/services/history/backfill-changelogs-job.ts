import { indexBlockingLinks } from '../../domain/dependencies/links';
import {
  type ChangeMeanings,
  historiesOf,
  type IssueHistories,
  linkTextReader,
} from '../../domain/history/history-change';
import { CHANGELOG_FIELD_IDS } from '../../domain/history/issue-change';
import { QuotaExhaustedError } from '../../jira/client';
import type { Job } from '../../jobs/job';
import { readBlob, writeBlob } from '../../storage/blob';
import type { AppDeps } from '../deps';
import { pacedUntil, type QuotaBudget } from '../snapshots/quota-pacing';
import {
  activePlan,
  type BackfillBatch,
  BackfillBatchSchema,
  type BackfillPlan,
  backfillKeys,
  patchStatus,
} from './backfill-records';
import { CHANGELOG_BATCH } from './start-backfill';

type ChangelogsJob = Extract<Job, { kind: 'backfill-changelogs' }>;

/**
 * One step of a history backfill: reads the changelogs of one batch of 1,000 issues (every page),
 * keeps what a reconstruction needs, stores it, then queues the next batch or the days. Paced like
 * a refresh (it spends only the refresh's share of the quota and waits for the next hour), and
 * idempotent: a batch delivered again finds its changes stored and only queues what follows.
 */
export async function runBackfillChangelogsJob(deps: AppDeps, job: ChangelogsJob): Promise<void> {
  const keys = backfillKeys(job.portfolioId);
  const plan = await activePlan(deps.store, job.portfolioId, job.backfillId);
  if (!plan) return;
  const nowIso = () => deps.now().toISOString();
  let batch = await readBlob(deps.store, keys.batch(job.batch), BackfillBatchSchema);
  if (!batch) {
    const outcome = await readBatch(deps, plan, job.batch);
    if (outcome.kind === 'deferred') {
      await patchStatus(
        deps.store,
        job.portfolioId,
        job.backfillId,
        () => ({ state: 'waiting', waitingUntil: new Date(outcome.retryAt).toISOString(), error: null }),
        nowIso(),
      );
      const delaySeconds = Math.max(1, Math.ceil((outcome.retryAt - Date.now()) / 1000));
      await deps.queue.push([job], { delaySeconds });
      return;
    }
    if (outcome.kind === 'failed') {
      await patchStatus(
        deps.store,
        job.portfolioId,
        job.backfillId,
        () => ({ state: 'failed', error: outcome.reason }),
        nowIso(),
      );
      return;
    }
    await writeBlob(deps.store, keys.batch(job.batch), outcome.batch);
    batch = outcome.batch;
  }
  const read = batch;
  const last = job.batch + 1 >= Math.ceil(plan.issueIds.length / CHANGELOG_BATCH);
  await patchStatus(
    deps.store,
    job.portfolioId,
    job.backfillId,
    (status) =>
      status.batchesRead > job.batch
        ? {}
        : {
            state: last ? 'building' : 'reading',
            waitingUntil: null,
            batchesRead: job.batch + 1,
            points: status.points + read.points,
            requests: status.requests + read.requests,
          },
    nowIso(),
  );
  const next: Job = last
    ? { kind: 'backfill-days', portfolioId: job.portfolioId, backfillId: job.backfillId, from: 0 }
    : { ...job, batch: job.batch + 1 };
  if (
    !(await deps.store.setIfAbsent(keys.queued(last ? 'days:0' : `batch:${job.batch + 1}`), { at: nowIso() }))
  )
    return;
  // Rebuilding days costs no points; reading the next batch waits when the share is spent.
  const waitUntil = last ? null : pacedUntil(deps.jira.asApp().meter.quota, budgetOf(plan));
  if (waitUntil === null) {
    await deps.queue.push([next]);
    return;
  }
  await patchStatus(
    deps.store,
    job.portfolioId,
    job.backfillId,
    () => ({ state: 'waiting', waitingUntil: new Date(waitUntil).toISOString() }),
    nowIso(),
  );
  await deps.queue.push([next], { delaySeconds: Math.max(1, Math.ceil((waitUntil - Date.now()) / 1000)) });
}

type BatchOutcome =
  | { kind: 'read'; batch: BackfillBatch }
  | { kind: 'deferred'; retryAt: number }
  | { kind: 'failed'; reason: string };

async function readBatch(deps: AppDeps, plan: BackfillPlan, batch: number): Promise<BatchOutcome> {
  const jira = deps.jira.asApp();
  const start = batch * CHANGELOG_BATCH;
  const ids = plan.issueIds.slice(start, start + CHANGELOG_BATCH);
  const keyOf = new Map(ids.map((id, n) => [id, plan.issueKeys[start + n] as string]));
  const changes = [];
  let points = 0;
  let requests = 0;
  let token: string | undefined;
  try {
    do {
      // No check before the first page: the last reading may belong to a window that is over (if the
      // quota is still spent, Jira refuses the request at no cost and the job waits).
      const waitUntil = token === undefined ? null : pacedUntil(jira.meter.quota, budgetOf(plan));
      if (waitUntil !== null) return { kind: 'deferred', retryAt: waitUntil };
      const page = await jira.bulkFetchChangelogs(ids, Object.values(CHANGELOG_FIELD_IDS), token);
      requests++;
      points += 1 + page.issues;
      changes.push(...page.changes);
      token = page.nextPageToken ?? undefined;
    } while (token);
  } catch (error) {
    if (error instanceof QuotaExhaustedError) return { kind: 'deferred', retryAt: error.retryAt };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  const histories: IssueHistories = historiesOf(changes, (id) => keyOf.get(id), meaningsOf(plan));
  return { kind: 'read', batch: { histories, points, requests } };
}

function budgetOf(plan: BackfillPlan): QuotaBudget {
  return {
    pointsFloor: plan.pointsFloor,
    quotaResetAt: plan.quotaResetAt,
    share: plan.settings.refreshQuotaShare,
  };
}

/** What the site's status ids and link texts meant when the backfill started. */
function meaningsOf(plan: BackfillPlan): ChangeMeanings {
  const blocking = indexBlockingLinks(plan.settings.blockingLinks);
  return {
    status: (id) => plan.statuses[id],
    link: linkTextReader(plan.linkTypes, (name) => blocking.get(name.trim().toLowerCase())),
  };
}
