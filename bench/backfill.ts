/**
 * History backfill benchmark (not a test): the app's first refresh of a portfolio, then the
 * backfill of 90 days from Jira's changelogs, against the simulator in a child process with Jira's
 * latency. Prints changelog requests and points vs the minimum (1,000 issues per request), wall time
 * and the longest queued job.
 */
import { once } from 'node:events';
import { SIM_USERS } from '../dev/jira-sim';
import { createLocalApp } from '../dev/local/local-app';
import { type BackfillStatus, BackfillStatusSchema } from '../src/domain/history/backfill-status';
import type { Job } from '../src/jobs/job';
import { backfillKeys } from '../src/services/history/backfill-records';
import { CHANGELOG_BATCH } from '../src/services/history/start-backfill';
import { startRefresh } from '../src/services/snapshots/start-refresh';
import { MemoryStore } from '../src/storage/memory-store';
import { readParsed } from '../src/storage/store';
import { resetStats, simStats, startSimulator } from './simulator';

export interface BackfillBenchOptions {
  projects: number;
  issuesPerProject: number;
  latencyMs: number;
  jitterMs: number;
  concurrency: number;
}

const CHANGELOG_ROUTE = 'POST /rest/api/3/changelog/bulkfetch';

export async function backfillBenchmark(options: BackfillBenchOptions) {
  const { url, child } = await startSimulator(options);
  try {
    const app = SIM_USERS.find((user) => user.role === 'app');
    if (!app) throw new Error('no app user in the simulator');
    const jobs: { kind: Job['kind']; ms: number }[] = [];
    const store = new MemoryStore();
    const local = createLocalApp({
      jiraBaseUrl: url,
      appCredentials: { email: app.emailAddress, apiToken: app.apiToken },
      userCredentials: () => undefined,
      store,
      jiraConcurrency: options.concurrency,
      jobConcurrency: options.concurrency,
      onJobRun: (job, ms) => jobs.push({ kind: job.kind, ms }),
    });
    await startRefresh(local.deps, local.deps.queue, 'all', 'admin', { full: true });
    await local.drainJobs();
    jobs.length = 0;
    await resetStats(url);
    const started = performance.now();
    local.releaseDelayedJobs();
    await local.drainJobs();
    const wallMs = performance.now() - started;
    const stats = await simStats(url);
    const status = (await readParsed(
      store,
      backfillKeys('all').status,
      BackfillStatusSchema,
    )) as BackfillStatus;
    const issues = options.projects * options.issuesPerProject;
    const minimumRequests = Math.ceil(issues / CHANGELOG_BATCH);
    const requests = stats.byRoute[CHANGELOG_ROUTE] ?? 0;
    const points = stats.pointsByRoute[CHANGELOG_ROUTE] ?? 0;
    const longest = (kind: Job['kind']) =>
      Math.round(Math.max(0, ...jobs.filter((j) => j.kind === kind).map((j) => j.ms)));
    return {
      portfolio: { projects: options.projects, issues },
      state: status.state,
      days: status.daysBuilt,
      changelogs: {
        requests: {
          made: requests,
          minimum: minimumRequests,
          ratio: Math.round((requests / minimumRequests) * 100) / 100,
        },
        // A point per request and per issue with changes: at most the requests plus every issue.
        points: { spent: points, atMost: minimumRequests + issues },
        // What the backfill reports it spent (the plan's statuses and link types included).
        reported: { points: status.points, requests: status.requests },
      },
      wallMs: Math.round(wallMs),
      longestJobMs: { changelogs: longest('backfill-changelogs'), days: longest('backfill-days') },
    };
  } finally {
    child.kill();
    await once(child, 'exit');
  }
}
