/**
 * Snapshot benchmark (not a test): prints JSON. The simulator runs in a child process with Jira's
 * latency; the app refreshes a portfolio as queued jobs, then 1% of the issues change and an
 * incremental refresh runs, then 20 viewers with different permissions open the page.
 *
 *   npm run bench:snapshots [-- --projects 100 --issues-per-project 1000 --latency 100 --jitter 20]
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { basicAuthHeader, SIM_USERS } from '../dev/jira-sim';
import { createLocalApp } from '../dev/local/local-app';
import { JiraClient } from '../src/jira/client';
import { createHttpTransport } from '../src/jira/http-client';
import type { Job } from '../src/jobs/job';
import { getPortfolioReport } from '../src/services/portfolio/get-portfolio-report';
import { dirtyKey } from '../src/services/snapshots/keys';
import { latestRun } from '../src/services/snapshots/refresh-status';
import { startRefresh } from '../src/services/snapshots/start-refresh';
import { MemoryStore } from '../src/storage/memory-store';
import type { Store, StorePage } from '../src/storage/store';
import { resetStats, simStats, simulatorArgOptions, simulatorArgs, startSimulator } from './simulator';

export interface SnapshotBenchOptions {
  projects: number;
  issuesPerProject: number;
  latencyMs: number;
  jitterMs: number;
  concurrency: number;
  viewers: number;
}

/** A store whose calls take 10–30 ms when `slow` is on (Forge's KVS answers in that range). */
class SwitchableLatencyStore implements Store {
  slow = false;
  constructor(private readonly inner: Store) {}
  private async pause() {
    if (this.slow) await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
  }
  async get(key: string) {
    await this.pause();
    return this.inner.get(key);
  }
  async set(key: string, value: unknown) {
    await this.pause();
    return this.inner.set(key, value);
  }
  async setIfAbsent(key: string, value: unknown) {
    await this.pause();
    return this.inner.setIfAbsent(key, value);
  }
  async delete(key: string) {
    await this.pause();
    return this.inner.delete(key);
  }
  async query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<StorePage> {
    await this.pause();
    return this.inner.query(prefix, options);
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export async function snapshotBenchmark(options: SnapshotBenchOptions) {
  const { url, child } = await startSimulator(options);
  try {
    const app = SIM_USERS.find((user) => user.role === 'app');
    const people = SIM_USERS.filter((user) => user.role !== 'app');
    if (!app) throw new Error('no app user in the simulator');
    // 20 viewers, each with the permissions of one of the simulator's people.
    const viewers = Array.from({ length: options.viewers }, (_, index) => ({
      accountId: `viewer-${index + 1}`,
      as: people[index % people.length] ?? app,
    }));
    const store = new SwitchableLatencyStore(new MemoryStore());
    const jobDurations: number[] = [];
    const local = createLocalApp({
      jiraBaseUrl: url,
      appCredentials: { email: app.emailAddress, apiToken: app.apiToken },
      userCredentials: (accountId) => {
        const viewer = viewers.find((candidate) => candidate.accountId === accountId);
        return viewer ? { email: viewer.as.emailAddress, apiToken: viewer.as.apiToken } : undefined;
      },
      store,
      jiraConcurrency: options.concurrency,
      jobConcurrency: options.concurrency,
      onJobRun: (_job: Job, ms: number) => jobDurations.push(ms),
    });
    const deps = local.deps;

    // 1. The first full read.
    await resetStats(url);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    await startRefresh(deps, deps.queue, 'all', 'admin', { full: true });
    await local.drainJobs();
    const fullMs = performance.now() - started;
    clearInterval(sampler);
    const full = await simStats(url);
    const fullRun = await latestRun(deps, 'all');
    const issues = options.projects * options.issuesPerProject;
    const pages = options.projects * Math.ceil(options.issuesPerProject / 100);
    const projectPages = Math.ceil(options.projects / 50);
    // fields, link types, statuses, the project list pages, then every issue page.
    const minimumRequests = 3 + projectPages + pages;
    const minimumPoints = minimumRequests + issues + options.projects;
    const meanLatency = options.latencyMs + options.jitterMs / 2;
    const lowerBoundMs = (2 + projectPages + Math.ceil(pages / options.concurrency)) * meanLatency;

    // 2. 1% of the issues change; issue events mark them; an incremental refresh reads what changed.
    const changed = Math.max(1, Math.round(issues / 100));
    const adminUser = SIM_USERS.find((user) => user.role === 'admin');
    if (!adminUser) throw new Error('no admin user in the simulator');
    const editor = new JiraClient(
      createHttpTransport({ baseUrl: url, authorization: basicAuthHeader(adminUser) }),
    );
    const targets = Array.from({ length: changed }, (_, index) => {
      const project = index % options.projects;
      const number = 1 + Math.floor(index / options.projects) * 7;
      return { project, number };
    });
    const projectKeys = (await editor.searchProjects()).map((project) => project.key).sort();
    const editedKeys: string[] = [];
    for (let start = 0; start < targets.length; start += 25) {
      await Promise.all(
        targets.slice(start, start + 25).map(async ({ project, number }) => {
          const key = `${projectKeys[project]}-${number}`;
          const response = await fetch(`${url}/rest/api/3/issue/${key}`, {
            method: 'PUT',
            headers: { authorization: basicAuthHeader(adminUser), 'content-type': 'application/json' },
            body: JSON.stringify({ fields: { summary: `Changed for the benchmark ${start}` } }),
          });
          if (response.ok) editedKeys.push(key);
        }),
      );
    }
    // What the issue trigger records for each edit (its compliance refresh is not the refresh's cost).
    const atMs = deps.now().getTime();
    for (const key of editedKeys)
      await store.set(dirtyKey(atMs, key), { issueId: key, deleted: false, at: atMs });
    await resetStats(url);
    const incrementalStarted = performance.now();
    await startRefresh(deps, deps.queue, 'all', 'schedule');
    await local.drainJobs();
    const incrementalMs = performance.now() - incrementalStarted;
    const incremental = await simStats(url);
    const incrementalRun = await latestRun(deps, 'all');

    // 3. Page views from the snapshot, the store answering in 10–30 ms.
    store.slow = true;
    await resetStats(url);
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    for (const viewer of viewers) {
      const cold = performance.now();
      await getPortfolioReport(deps, { accountId: viewer.accountId, installation: 'bench' }, 'all');
      coldMs.push(performance.now() - cold);
    }
    const coldStats = await simStats(url);
    await resetStats(url);
    for (let round = 0; round < 3; round++) {
      for (const viewer of viewers) {
        const warm = performance.now();
        await getPortfolioReport(deps, { accountId: viewer.accountId, installation: 'bench' }, 'all');
        warmMs.push(performance.now() - warm);
      }
    }
    const warmStats = await simStats(url);
    const allViews = [...coldMs, ...warmMs];

    return {
      portfolio: { projects: options.projects, issues, pageSize: 100 },
      jira: { latencyMs: options.latencyMs, jitterMs: options.jitterMs, concurrency: options.concurrency },
      fullRead: {
        points: { spent: full.points, minimum: minimumPoints, ratio: round(full.points / minimumPoints) },
        requests: { made: full.total, minimum: minimumRequests, ratio: round(full.total / minimumRequests) },
        wallTime: {
          ms: Math.round(fullMs),
          lowerBoundMs: Math.round(lowerBoundMs),
          ratio: round(fullMs / lowerBoundMs),
        },
        longestJobMs: Math.round(Math.max(...jobDurations)),
        jobs: jobDurations.length,
        peakRssMb: round(peakRss / 2 ** 20),
        runPoints: fullRun?.points ?? null,
      },
      incrementalAfterOnePercentChanged: {
        issuesChanged: editedKeys.length,
        points: incremental.points,
        shareOfFullRead: round(incremental.points / full.points),
        requests: incremental.total,
        wallMs: Math.round(incrementalMs),
        mode: incrementalRun?.mode ?? null,
      },
      pageViews: {
        viewers: viewers.length,
        storeLatencyMs: [10, 30],
        jiraPointsFirstView: round(coldStats.points / viewers.length),
        jiraPointsCachedView: round(warmStats.points / warmMs.length),
        searchRequests:
          (warmStats.byRoute['POST /rest/api/3/search/jql'] ?? 0) +
          (coldStats.byRoute['POST /rest/api/3/search/jql'] ?? 0),
        serverMs: {
          p50: Math.round(percentile(allViews, 50)),
          p95: Math.round(percentile(allViews, 95)),
          max: Math.round(Math.max(...allViews)),
        },
        firstViewMs: { p50: Math.round(percentile(coldMs, 50)), p95: Math.round(percentile(coldMs, 95)) },
        cachedViewMs: { p50: Math.round(percentile(warmMs, 50)), p95: Math.round(percentile(warmMs, 95)) },
      },
    };
  } finally {
    child.kill();
    await once(child, 'exit');
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      ...simulatorArgOptions({
        projects: 100,
        issuesPerProject: 1000,
        latencyMs: 100,
        jitterMs: 20,
        concurrency: 6,
      }),
      viewers: { type: 'string', default: '20' },
    },
  });
  snapshotBenchmark({ ...simulatorArgs(values), viewers: Number(values.viewers) })
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
