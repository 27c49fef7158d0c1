import type { z } from 'zod';
import type { PortfolioIssue } from '../../domain/model';
import { summarizeIssues } from '../../domain/portfolio';
import { QuotaExhaustedError } from '../../jira/client';
import { type FieldProblem, toPortfolioIssue } from '../../jira/issue-mapper';
import { jqlString } from '../../jira/jql';
import type { Job, JobQueue } from '../../jobs/job';
import { readBlob, writeBlob } from '../../storage/blob';
import { queryAll, readParsed } from '../../storage/store';
import type { AppDeps } from '../deps';
import { collectPages } from '../portfolio/collect';
import { createFactsCollector } from './facts-collector';
import { DIRTY_JOB_PROJECT, snapshotKeys } from './keys';
import { pacedUntil as quotaPacedUntil } from './quota-pacing';
import {
  type PartDone,
  PartDoneSchema,
  type PartSchema,
  type ProjectDone,
  ProjectDoneSchema,
  type RunPlan,
  RunPlanSchema,
} from './records';

/** Pages one job reads: 2,000 issues, a few seconds at Jira's latency, far inside Forge's limits. */
export const PAGES_PER_JOB = 20;
/** Jira's bulk fetch takes at most 100 issues; search takes at most 50 ids to reconcile. */
const BULK_FETCH_SIZE = 100;
const MAX_RECONCILE = 50;

type CollectJob = Extract<Job, { kind: 'collect-portfolio' }>;

/**
 * One collection job of a refresh run: reads a page range of one project as the app, stores the
 * chunk, then queues the project's next range or marks the project done. Idempotent: a job the
 * queue delivers again finds its part stored and only does what follows it, so nothing is read
 * or counted twice.
 */
export async function runCollectJob(deps: AppDeps, queue: JobQueue, job: CollectJob): Promise<void> {
  const run = snapshotKeys(job.portfolioId).run(job.seq);
  if ((await deps.store.get(run.result)) !== undefined) return; // the run has ended
  const plan = await readBlob(deps.store, run.plan, RunPlanSchema);
  if (!plan) return;
  let done = await readParsed(deps.store, run.partDone(job.projectKey, job.part), PartDoneSchema);
  if (!done) {
    // No check of an older quota reading here: it may belong to a window that is over. If the
    // quota is still spent, Jira refuses the first request (at no cost) and the job waits again.
    const outcome = await readPart(deps, plan, job);
    if (outcome.kind === 'deferred') {
      await deps.store.set(run.deferred, {
        until: new Date(outcome.retryAt).toISOString(),
        reason: outcome.reason,
      });
      const delaySeconds = Math.max(1, Math.ceil((outcome.retryAt - deps.now().getTime()) / 1000));
      await queue.push([job], { delaySeconds });
      return;
    }
    if (outcome.kind === 'failed') {
      await markProjectDone(deps, queue, plan, job, outcome.reason);
      return;
    }
    await writeBlob(deps.store, run.part(job.projectKey, job.part), outcome.part);
    await deps.store.setIfAbsent(run.partDone(job.projectKey, job.part), outcome.done);
    done = outcome.done;
  }
  if (done.nextPageToken !== null) {
    const next = { ...job, part: job.part + 1, startToken: done.nextPageToken };
    const waitUntil = pacedUntil(deps, plan);
    if (waitUntil !== null) await defer(deps, queue, next, waitUntil, PACING_REASON);
    else await queue.push([next]);
    return;
  }
  await markProjectDone(deps, queue, plan, job, null);
}

type PartOutcome =
  | {
      kind: 'read';
      part: z.infer<typeof PartSchema>;
      done: PartDone;
    }
  | { kind: 'deferred'; retryAt: number; reason: string }
  | { kind: 'failed'; reason: string };

async function readPart(deps: AppDeps, plan: RunPlan, job: CollectJob): Promise<PartOutcome> {
  const jira = deps.jira.asApp();
  // The start date field is kept with the standards' fields: baselines record it.
  const startDate = plan.mapping.startDate;
  const facts = createFactsCollector([...plan.standardsFields, ...(startDate ? [startDate] : [])]);
  let requests = 0;
  let points = 0;
  try {
    if (job.projectKey === DIRTY_JOB_PROJECT) return await readChangedIssues(deps, plan, facts);
    const result = await collectPages(jira, {
      shouldStop: () => pacedUntil(deps, plan) !== null,
      jql: jqlOf(plan, job.projectKey),
      mapping: plan.mapping,
      settings: plan.settings,
      now: deps.now(),
      maxPages: PAGES_PER_JOB,
      ...(job.startToken ? { startToken: job.startToken } : {}),
      // Search is eventually consistent: make it show the issues events named in their latest state.
      ...(plan.dirtyIssueIds.length > 0
        ? { reconcileIssues: plan.dirtyIssueIds.slice(0, MAX_RECONCILE) }
        : {}),
      compliance: facts,
      onPage: (issues) => {
        requests++;
        points += 1 + issues;
      },
    });
    return {
      kind: 'read',
      part: { chunk: result.chunk, facts: facts.facts },
      done: { nextPageToken: result.nextPageToken, issues: result.issueCount, points, requests },
    };
  } catch (error) {
    const retryAt = error instanceof QuotaExhaustedError ? error.retryAt : null;
    if (retryAt !== null)
      return { kind: 'deferred', retryAt, reason: 'Jira rate limit: the hourly quota is spent' };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Re-reads the issues events named, by id with bulk fetch (which reads the issues themselves, not
 * the search index, and skips ids that no longer exist instead of failing).
 */
async function readChangedIssues(
  deps: AppDeps,
  plan: RunPlan,
  facts: ReturnType<typeof createFactsCollector>,
): Promise<PartOutcome> {
  const jira = deps.jira.asApp();
  const issues: PortfolioIssue[] = [];
  const problems: FieldProblem[] = [];
  let requests = 0;
  let points = 0;
  for (let start = 0; start < plan.dirtyIssueIds.length; start += BULK_FETCH_SIZE) {
    const page = await jira.bulkFetch(plan.dirtyIssueIds.slice(start, start + BULK_FETCH_SIZE), plan.fields);
    requests++;
    points += 1 + page.length;
    for (const raw of page) {
      facts.observe(raw);
      const issue = toPortfolioIssue(raw, plan.mapping, problems);
      if (issue) issues.push(issue);
    }
  }
  return {
    kind: 'read',
    part: { chunk: summarizeIssues(issues, plan.settings, deps.now()), facts: facts.facts },
    done: { nextPageToken: null, issues: issues.length, points, requests },
  };
}

const PACING_REASON = 'Waiting for the next hour: this refresh leaves the rest of the Jira quota to the site';

/** Quota pacing of a run: see quota-pacing.ts. */
function pacedUntil(deps: AppDeps, plan: RunPlan): number | null {
  return quotaPacedUntil(deps.jira.asApp().meter.quota, {
    pointsFloor: plan.pointsFloor,
    quotaResetAt: plan.quotaResetAt,
    share: plan.settings.refreshQuotaShare,
  });
}

/** Puts a job back on the queue until `untilMs` (Forge delays at most 15 minutes; it re-checks then). */
async function defer(
  deps: AppDeps,
  queue: JobQueue,
  job: CollectJob,
  untilMs: number,
  reason: string,
): Promise<void> {
  const run = snapshotKeys(job.portfolioId).run(job.seq);
  await deps.store.set(run.deferred, { until: new Date(untilMs).toISOString(), reason });
  const delaySeconds = Math.max(1, Math.ceil((untilMs - Date.now()) / 1000));
  await queue.push([job], { delaySeconds });
}

/** The JQL of one job: the project's share of the portfolio (only what changed, when incremental). */
export function jqlOf(plan: RunPlan, projectKey: string): string {
  const clauses = [`project = ${jqlString(projectKey)}`];
  if (plan.scopeJql) clauses.push(`(${plan.scopeJql})`);
  if (plan.sinceMinutes !== null && !plan.newProjects.includes(projectKey)) {
    clauses.push(`updated >= -${plan.sinceMinutes}m`);
  }
  return `${clauses.join(' AND ')} ORDER BY key ASC`;
}

/**
 * Records that a project is complete (or failed) once, then counts the finished projects; the job
 * that sees the last one claims the assembly. Every job writes its marker before counting, so the
 * last to count sees them all.
 */
async function markProjectDone(
  deps: AppDeps,
  queue: JobQueue,
  plan: RunPlan,
  job: CollectJob,
  failed: string | null,
): Promise<void> {
  const run = snapshotKeys(job.portfolioId).run(job.seq);
  const parts = failed === null ? job.part + 1 : 0;
  const totals = { issues: 0, points: 0, requests: 0 };
  for (let part = 0; part < parts; part++) {
    const done = await readParsed(deps.store, run.partDone(job.projectKey, part), PartDoneSchema);
    totals.issues += done?.issues ?? 0;
    totals.points += done?.points ?? 0;
    totals.requests += done?.requests ?? 0;
  }
  const marker: ProjectDone = ProjectDoneSchema.parse({
    projectKey: job.projectKey,
    parts,
    ...totals,
    failed,
    at: deps.now().toISOString(),
  });
  await deps.store.setIfAbsent(run.done(job.projectKey), marker);
  const expected = plan.projects.length + (plan.dirtyIssueIds.length > 0 ? 1 : 0);
  const finished = await countKeys(deps, run.donePrefix);
  if (finished < expected) return;
  if (await deps.store.setIfAbsent(run.assembling, { at: deps.now().toISOString() })) {
    await queue.push([{ kind: 'assemble-portfolio', portfolioId: job.portfolioId, seq: job.seq }]);
  }
}

async function countKeys(deps: AppDeps, prefix: string): Promise<number> {
  let count = 0;
  for await (const _entry of queryAll(deps.store, prefix)) count++;
  return count;
}
