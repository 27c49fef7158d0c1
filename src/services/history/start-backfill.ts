import { randomUUID } from 'node:crypto';
import { type BackfillStatus, BackfillStatusSchema } from '../../domain/history/backfill-status';
import { addDays, daysFrom, localDayOf } from '../../domain/history/calendar';
import type { IssueRow, StatusCode } from '../../domain/portfolio/chunk';
import type { Job } from '../../jobs/job';
import { readBlob, writeBlob } from '../../storage/blob';
import { readParsed } from '../../storage/store';
import type { AppDeps } from '../deps';
import type { LiveConfig } from '../settings/live-config';
import { budgetFrom } from '../snapshots/quota-pacing';
import type { SnapshotData } from '../snapshots/records';
import { type BackfillPlan, BackfillPlanSchema, backfillKeys } from './backfill-records';
import { readSummaries } from './history-store';
import { historyTimeZone } from './time-zone';

/** A portfolio with fewer recorded days than this gets its past rebuilt from Jira's changelogs. */
export const MIN_RECORDED_DAYS = 7;
/** Days rebuilt before the first recorded day, at most. */
export const MAX_BACKFILL_DAYS = 90;
/** Issues per changelog request (Jira's maximum). */
export const CHANGELOG_BATCH = 1000;
/**
 * The backfill waits a little after the first recorded day: the first refresh and the first page
 * views have the quota and the consumers to themselves.
 */
export const BACKFILL_DELAY_SECONDS = 120;
/** A backfill that made no progress for this long (its job was lost) is queued again. */
const STALLED_MS = 30 * 60_000;
/** Reading the site's statuses and link types when a backfill starts: two requests, a point each. */
const PLAN_REQUESTS = 2;

const CATEGORY_CODES: Readonly<Record<string, StatusCode>> = { new: 0, indeterminate: 1, done: 2 };

/**
 * Called after a refresh recorded its day: on a portfolio's first recorded days (fewer than
 * MIN_RECORDED_DAYS), queues the backfill of up to MAX_BACKFILL_DAYS before the first one; a failed
 * or stalled backfill is queued again where it stopped. Once per portfolio (create-only status).
 */
export async function startHistoryBackfill(
  deps: AppDeps,
  snapshot: SnapshotData,
  live: LiveConfig,
): Promise<BackfillStatus> {
  const keys = backfillKeys(snapshot.portfolioId);
  const existing = await readParsed(deps.store, keys.status, BackfillStatusSchema);
  if (existing)
    return needsResume(existing, deps.now().getTime())
      ? resume(deps, snapshot.portfolioId, existing)
      : existing;

  const timeZone = await historyTimeZone(deps, live.config.history);
  const today = localDayOf(Date.parse(snapshot.asOf), timeZone);
  const recorded = (
    await readSummaries(
      deps.store,
      snapshot.portfolioId,
      addDays(today, -(MAX_BACKFILL_DAYS + MIN_RECORDED_DAYS)),
      today,
    )
  ).filter((day) => !day.reconstructed);
  const firstRecordedDay = recorded[0]?.day ?? today;
  const rows = Object.entries(snapshot.chunk.issues);
  const earliest = Math.min(...rows.map(([, row]) => (row as IssueRow)[3] ?? Number.POSITIVE_INFINITY));
  const oldest = addDays(firstRecordedDay, -MAX_BACKFILL_DAYS);
  const fromDay = Number.isFinite(earliest)
    ? ([oldest, localDayOf(earliest, timeZone)].sort().at(-1) ?? oldest)
    : firstRecordedDay;
  const days = recorded.length >= MIN_RECORDED_DAYS ? [] : daysFrom(fromDay, addDays(firstRecordedDay, -1));
  const issues = rows
    .map(([key]) => ({ key, id: snapshot.facts[key]?.id }))
    .filter((issue): issue is { key: string; id: string } => issue.id !== undefined)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const now = deps.now().toISOString();
  const status: BackfillStatus = {
    id: randomUUID(),
    state: recorded.length >= MIN_RECORDED_DAYS ? 'skipped' : days.length === 0 ? 'done' : 'queued',
    firstRecordedDay,
    fromDay: days[0] ?? null,
    toDay: days.at(-1) ?? null,
    issues: issues.length,
    batches: Math.ceil(issues.length / CHANGELOG_BATCH),
    batchesRead: 0,
    days: days.length,
    daysBuilt: 0,
    points: 0,
    requests: 0,
    startedAt: now,
    updatedAt: now,
    waitingUntil: null,
    error: null,
  };
  if (!(await deps.store.setIfAbsent(keys.status, status))) {
    return (await readParsed(deps.store, keys.status, BackfillStatusSchema)) ?? status;
  }
  if (status.state !== 'queued') return status;

  const jira = deps.jira.asApp();
  const [statuses, linkTypes] = await Promise.all([jira.statuses(), jira.linkTypes()]);
  const plan: BackfillPlan = {
    id: status.id,
    portfolioId: snapshot.portfolioId,
    timeZone,
    days,
    issueIds: issues.map((issue) => issue.id),
    issueKeys: issues.map((issue) => issue.key),
    statuses: Object.fromEntries(
      statuses.map((entry) => [entry.id, [CATEGORY_CODES[entry.statusCategory.key] ?? 0, entry.name]]),
    ),
    linkTypes,
    projects: snapshot.projects,
    chunk: snapshot.chunk,
    settings: snapshot.settings,
    secured: Object.keys(snapshot.facts).filter((key) => snapshot.facts[key]?.restricted === true),
    ...budgetFrom(jira.meter.quota, snapshot.settings.refreshQuotaShare),
  };
  await writeBlob(deps.store, keys.plan, plan);
  const queued = { ...status, points: PLAN_REQUESTS, requests: PLAN_REQUESTS };
  await deps.store.set(keys.status, queued);
  await deps.queue.push([firstJob(plan)], { delaySeconds: BACKFILL_DELAY_SECONDS });
  return queued;
}

function firstJob(plan: BackfillPlan): Job {
  return plan.issueIds.length > 0
    ? { kind: 'backfill-changelogs', portfolioId: plan.portfolioId, backfillId: plan.id, batch: 0 }
    : { kind: 'backfill-days', portfolioId: plan.portfolioId, backfillId: plan.id, from: 0 };
}

function needsResume(status: BackfillStatus, nowMs: number): boolean {
  if (status.state === 'done' || status.state === 'skipped') return false;
  if (status.state === 'failed') return true;
  const waitingUntil = status.waitingUntil === null ? 0 : Date.parse(status.waitingUntil);
  return Math.max(Date.parse(status.updatedAt), waitingUntil) + STALLED_MS < nowMs;
}

/**
 * Queues a failed or stalled backfill's next step again (its steps are idempotent). A backfill whose
 * plan was never written (it stopped right after it was claimed) is forgotten: the next refresh
 * starts it afresh.
 */
async function resume(deps: AppDeps, portfolioId: string, status: BackfillStatus): Promise<BackfillStatus> {
  const keys = backfillKeys(portfolioId);
  const plan = await readBlob(deps.store, keys.plan, BackfillPlanSchema);
  if (!plan || plan.id !== status.id) {
    await deps.store.delete(keys.status);
    return { ...status, state: 'failed', error: 'The backfill will start again with the next refresh.' };
  }
  const job: Job =
    status.batchesRead < status.batches
      ? { kind: 'backfill-changelogs', portfolioId, backfillId: plan.id, batch: status.batchesRead }
      : { kind: 'backfill-days', portfolioId, backfillId: plan.id, from: status.daysBuilt };
  const resumed: BackfillStatus = {
    ...status,
    state: job.kind === 'backfill-changelogs' ? 'reading' : 'building',
    error: null,
    waitingUntil: null,
    updatedAt: deps.now().toISOString(),
  };
  await deps.store.set(keys.status, resumed);
  await deps.queue.push([job]);
  return resumed;
}
