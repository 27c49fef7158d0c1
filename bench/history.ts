/**
 * History benchmark (#15): 100 projects x 400 recorded days in a store with simulated KVS latency;
 * server-side time of the reads the Trends page and the overview make (p50/p95 of 20 calls each),
 * and the storage a project-year takes.
 *   npm run bench:history
 */
import os from 'node:os';
import { HISTORY_EXPORT_DAYS } from '../src/contracts/history';
import { addDays } from '../src/domain/history/calendar';
import { dayRecordOf } from '../src/domain/history/day-record';
import { ProjectMonthSchema } from '../src/domain/history/project-month';
import { computePortfolio } from '../src/domain/portfolio';
import { generatePortfolio } from '../src/domain/portfolio/test-data';
import { defaultEngineSettings } from '../src/domain/settings';
import type { AppDeps } from '../src/services/deps';
import { exportPortfolioHistory } from '../src/services/history/export-portfolio-history';
import { getPortfolioChanges } from '../src/services/history/get-portfolio-changes';
import { getPortfolioHistory } from '../src/services/history/get-portfolio-history';
import { getProjectHistory } from '../src/services/history/get-project-history';
import { storeDay } from '../src/services/history/history-store';
import { createConsoleLogger } from '../src/services/logger';
import { viewerProjectsKey } from '../src/services/snapshots/keys';
import { MemoryStore } from '../src/storage/memory-store';
import { unpack } from '../src/storage/packed';
import { queryAll } from '../src/storage/store';

const PROJECTS = 100;
const DAYS = 400;
const CALLS = 20;
const STORE_LATENCY: [number, number] = [5, 30];
const TODAY = '2026-12-05';
const NOW = new Date(`${TODAY}T12:00:00.000Z`);

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/**
 * Wall time per call, and the CPU time the process spent on it: on a shared machine the wall time
 * grows with the load (a 2-core box running other work), the CPU time does not.
 */
async function timed(
  run: () => Promise<unknown>,
): Promise<{ p50Ms: number; p95Ms: number; cpuP95Ms: number }> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let call = 0; call < CALLS; call++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await run();
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    times.push(performance.now() - start);
  }
  return {
    p50Ms: Math.round(percentile(times, 0.5)),
    p95Ms: Math.round(percentile(times, 0.95)),
    cpuP95Ms: Math.round(percentile(cpuTimes, 0.95)),
  };
}

export async function historyBenchmark() {
  const portfolio = generatePortfolio({ projects: PROJECTS, issues: PROJECTS * 100, seed: 7, now: NOW });
  // Writing goes without latency (it is setup); reading pays it.
  const store = new MemoryStore();
  const rags = ['green', 'amber', 'red'] as const;
  for (let back = DAYS - 1; back >= 0; back--) {
    const day = addDays(TODAY, -back);
    // Computed as of each day, so ages, overdue counts and the reasons' numbers move as they do on a site.
    const report = computePortfolio({
      projects: portfolio.projects,
      issues: portfolio.issues,
      settings: defaultEngineSettings,
      now: new Date(`${day}T10:00:00.000Z`),
    });
    const shifted = {
      ...report,
      projects: report.projects.map((project, index) => {
        const rag = rags[(index + Math.floor(back / 7)) % 3] ?? 'green';
        return { ...project, health: { ...project.health, rag, computedRag: rag } };
      }),
    };
    const record = dayRecordOf({
      day,
      asOf: `${day}T10:00:00.000Z`,
      settingsVersion: 1,
      reconstructed: false,
      report: shifted,
      compliance: null,
      secured: () => false,
    });
    await storeDay(store, 'all', record, 1100);
  }
  // What is stored, keys included, scaled from the 400 days to a year.
  let storedBytes = 0;
  let reasonChanges = 0;
  let reasonDays = 0;
  for await (const { key, value } of queryAll(store, 'pf:all:h:')) {
    storedBytes += key.length + JSON.stringify(value).length;
    const month = ProjectMonthSchema.safeParse(unpack(value));
    for (const entry of month.success ? month.data.days : []) {
      if (entry[1] === null) continue;
      reasonDays += 1;
      reasonChanges += Object.keys(entry[5]).length;
    }
  }
  const yearBytes = (storedBytes * 365) / DAYS;
  const keys = portfolio.projects.map((project) => project.key);
  const slowStore = new MemoryStore({ latencyMs: STORE_LATENCY, seed: 3 });
  const entries: { key: string; value: unknown }[] = [];
  for await (const entry of queryAll(store, '')) entries.push(entry);
  for (let start = 0; start < entries.length; start += 2000) {
    await Promise.all(entries.slice(start, start + 2000).map(({ key, value }) => slowStore.set(key, value)));
  }
  await slowStore.set(viewerProjectsKey('viewer'), { at: NOW.getTime(), keys });
  await slowStore.set('site:time-zone', { at: NOW.getTime(), timeZone: 'UTC' });
  const deps = {
    store: slowStore,
    now: () => NOW,
    jira: {
      asApp: () => {
        throw new Error('the history reads no Jira');
      },
      asUser: () => {
        throw new Error('the history reads no Jira');
      },
    },
    jiraConcurrency: 1,
    logger: createConsoleLogger({ minLevel: 'warn' }),
    queue: { push: async () => {} },
  } as unknown as AppDeps;
  const actor = { accountId: 'viewer', installation: 'bench' };
  return {
    setup: { projects: PROJECTS, days: DAYS, storeLatencyMs: STORE_LATENCY },
    storage: {
      bytesPerProjectYear: Math.round(yearBytes / PROJECTS),
      portfolioYearBytes: Math.round(yearBytes),
      reasonsWrittenPerProjectDay: Number((reasonChanges / reasonDays).toFixed(2)),
      targetBytesPerProjectYear: 30 * 1024,
    },
    sparklines12Weeks: await timed(() => getPortfolioHistory(deps, actor, { portfolioId: 'all', days: 84 })),
    portfolioYear: await timed(() => getPortfolioHistory(deps, actor, { portfolioId: 'all', days: 400 })),
    projectTrendYear: await timed(() =>
      getProjectHistory(deps, actor, { portfolioId: 'all', projectKey: keys[0] ?? '', days: 400 }),
    ),
    changesSinceLastMonth: await timed(() =>
      getPortfolioChanges(deps, actor, { portfolioId: 'all', since: addDays(TODAY, -30) }),
    ),
    exportWindowAllProjects: await timed(() =>
      exportPortfolioHistory(deps, actor, {
        portfolioId: 'all',
        from: addDays(TODAY, -(HISTORY_EXPORT_DAYS - 1)),
        to: TODAY,
      }),
    ),
    exportWindowDays: HISTORY_EXPORT_DAYS,
    targetP95Ms: 300,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(1))),
    cpus: os.cpus().length,
  };
}

if (require.main === module) {
  historyBenchmark()
    .then((figures) => process.stdout.write(`${JSON.stringify({ history: figures }, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
