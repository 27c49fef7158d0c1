/**
 * Benchmarks (not tests): prints JSON figures.
 *   npm run bench [-- --projects 20 --issues-per-project 500 --latency 40 --jitter 10 --concurrency 6]
 *
 * 1. Portfolio refresh over HTTP against the simulator running in a child process (so this
 *    process's memory is the app's alone): requests made vs the minimum Jira's page size allows,
 *    wall time vs the lower bound set by latency and concurrency, peak memory, slowest project
 *    (what one queued collection job would take).
 * 2. Pure domain compute time for 100,000 issues.
 * 3. The standards engine over the same 100,000 issues (the compliance section of the report).
 * 4. Portfolio snapshots (bench/snapshots.ts): full read as queued jobs, incremental refresh, page views.
 * 5. History: the backfill from changelogs (bench/backfill.ts) and reading 100 projects x 400 days
 *    (bench/history.ts: server-side p50/p95 with store latency, storage per project-year).
 * 6. Storage query pages of one Prioritise view's scores at 500 candidates x 3 scorers (bench/score-reads.ts).
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { basicAuthHeader, SIM_USERS } from '../dev/jira-sim';
import { defaultPmoConfig } from '../src/domain/config/schema';
import { computePortfolio } from '../src/domain/portfolio';
import { generatePortfolio } from '../src/domain/portfolio/test-data';
import { defaultEngineSettings } from '../src/domain/settings';
import { ComplianceAccumulator } from '../src/domain/standards/compliance-report';
import { createEvaluator } from '../src/domain/standards/evaluate';
import type { IssueFacts } from '../src/domain/standards/evaluation';
import { compilePattern } from '../src/domain/standards/pattern';
import { MAX_PATTERN_INPUT } from '../src/domain/standards/values';
import { JiraClient } from '../src/jira/client';
import { createHttpTransport } from '../src/jira/http-client';
import { buildPortfolioReport } from '../src/services/portfolio/build-report';
import { SEARCH_PAGE_SIZE } from '../src/services/portfolio/collect';
import { backfillBenchmark } from './backfill';
import { historyBenchmark } from './history';
import { scoreReadsBenchmark } from './score-reads';
import { simulatorArgOptions, simulatorArgs, startSimulator } from './simulator';
import { snapshotBenchmark } from './snapshots';

const { values } = parseArgs({
  options: {
    ...simulatorArgOptions({
      projects: 20,
      issuesPerProject: 500,
      latencyMs: 150,
      jitterMs: 30,
      concurrency: 6,
    }),
    'domain-issues': { type: 'string', default: '100000' },
  },
});
const { projects, issuesPerProject, latencyMs, jitterMs, concurrency } = simulatorArgs(values);
const domainIssues = Number(values['domain-issues']);

function sampleMemory(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function refreshBenchmark() {
  const { url, child } = await startSimulator({ projects, issuesPerProject, latencyMs, jitterMs });
  try {
    const app = SIM_USERS.find((user) => user.role === 'app');
    if (!app) throw new Error('no app user in the simulator');
    const jira = new JiraClient(createHttpTransport({ baseUrl: url, authorization: basicAuthHeader(app) }));
    const memory = sampleMemory();
    const projectStart = new Map<string, number>();
    const projectDurations: number[] = [];
    const started = performance.now();
    let lastDone = started;
    const { report, issueCount } = await buildPortfolioReport(jira, {
      scope: {},
      now: new Date(),
      concurrency,
      onProgress: (_done, _total, key) => {
        const now = performance.now();
        projectDurations.push(now - (projectStart.get(key) ?? lastDone));
        lastDone = now;
      },
    });
    const wallMs = performance.now() - started;
    const peakRss = memory.stop();
    const perProject = report.projects.map((project) => project.kpis.total);
    const pages = perProject.map((count) => Math.max(1, Math.ceil(count / SEARCH_PAGE_SIZE)));
    const totalPages = pages.reduce((sum, n) => sum + n, 0);
    // field discovery (2 requests, in parallel) + project list pages + every issue page
    const projectListPages = Math.max(1, Math.ceil(report.projects.length / 100));
    const minimumRequests = 2 + projectListPages + totalPages;
    const rounds = Math.max(Math.ceil(totalPages / concurrency), Math.max(...pages));
    // Mean simulated latency: the simulator adds a uniform 0..jitter to each request.
    const lowerBoundMs = Math.round((latencyMs + jitterMs / 2) * (1 + projectListPages + rounds));
    return {
      portfolio: { projects: report.projects.length, issues: issueCount },
      jira: { latencyMs, jitterMs, concurrency, pageSize: SEARCH_PAGE_SIZE },
      requests: {
        made: report.meta.requests,
        minimum: minimumRequests,
        ratio: round(report.meta.requests / minimumRequests),
      },
      wallTime: { ms: Math.round(wallMs), lowerBoundMs, ratio: round(wallMs / lowerBoundMs) },
      peakRssMb: round(peakRss / 2 ** 20),
      slowestProjectMs: Math.round(Math.max(...projectDurations)),
      partial: report.meta.partial,
    };
  } finally {
    child.kill();
    await once(child, 'exit');
  }
}

function domainBenchmark() {
  const now = new Date('2025-06-02T12:00:00Z');
  const generated = generatePortfolio({ issues: domainIssues, projects: 100, seed: 7, now });
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    computePortfolio({
      projects: generated.projects,
      issues: generated.issues,
      settings: defaultEngineSettings,
      now,
    });
    runs.push(performance.now() - started);
  }
  return { issues: domainIssues, firstRunMs: Math.round(runs[0] ?? 0), medianMs: Math.round(median(runs)) };
}

/** The standards engine over the same issues: the compliance section of a 100k-issue report. */
function standardsBenchmark() {
  const now = new Date('2025-06-02T12:00:00Z');
  const generated = generatePortfolio({ issues: domainIssues, projects: 100, seed: 7, now });
  const facts: IssueFacts[] = generated.issues.map((issue) => ({
    key: issue.key,
    projectKey: issue.projectKey,
    projectCategoryId: null,
    issueType: issue.issueType,
    status: issue.status,
    fields: { ...issue.fields, duedate: issue.dueDate, customfield_10016: issue.storyPoints },
    links: issue.links,
    ticks: {},
  }));
  const config = defaultPmoConfig;
  const runs: number[] = [];
  let violating = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const evaluator = createEvaluator(config.standards, {
      lifecycle: config.lifecycle,
      fieldMapping: { storyPoints: 'customfield_10016' },
      blockingLinks: config.engine.blockingLinks,
    });
    const accumulator = new ComplianceAccumulator(evaluator, config.standards, config.lifecycle);
    for (const issue of facts) accumulator.add(issue, null);
    violating = accumulator.result().totals.violating;
    runs.push(performance.now() - started);
  }
  return {
    issues: facts.length,
    standards: config.standards.length,
    violatingIssues: violating,
    firstRunMs: Math.round(runs[0] ?? 0),
    medianMs: Math.round(median(runs)),
  };
}

/**
 * Admin patterns on hostile input: `^(a+)+$` takes exponential time in a backtracking engine (41.8 s
 * at 30 characters in the red-team run); on RE2 it is linear in the input.
 */
function adminPatternBenchmark() {
  const catastrophic = compilePattern('^(a+)+$');
  const timed = (text: string) => {
    const started = performance.now();
    const matched = catastrophic.test(text);
    return { chars: text.length, matched, ms: round(performance.now() - started) };
  };
  const ticket = compilePattern('^CHG-\\d+$');
  const values = Array.from({ length: 100_000 }, (_, index) =>
    index % 2 ? `CHG-${index}` : `later ${index}`,
  );
  const started = performance.now();
  let matching = 0;
  for (const value of values) if (ticket.test(value)) matching++;
  return {
    catastrophicPattern: '^(a+)+$',
    hostile30: timed(`${'a'.repeat(30)}!`),
    hostileMaxInput: timed(`${'a'.repeat(MAX_PATTERN_INPUT - 1)}!`),
    typicalPatternOver100kValues: { matching, ms: Math.round(performance.now() - started) },
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const refresh = await refreshBenchmark();
  const domain = domainBenchmark();
  const standards = standardsBenchmark();
  const adminPatterns = adminPatternBenchmark();
  // The snapshot model (#12): a first full read as queued jobs, an incremental refresh after 1% of
  // the issues changed, and page views by 20 viewers, at 10,000 and at 100,000 issues.
  const snapshotOptions = { latencyMs: 100, jitterMs: 20, concurrency, viewers: 20 };
  const snapshots = {
    issues10k: await snapshotBenchmark({ ...snapshotOptions, projects: 20, issuesPerProject: 500 }),
    issues100k: await snapshotBenchmark({ ...snapshotOptions, projects: 100, issuesPerProject: 1000 }),
  };
  // The history backfill (#15): 90 days rebuilt from the changelogs of 10,000 issues.
  const historyBackfill = await backfillBenchmark({
    ...snapshotOptions,
    projects: 20,
    issuesPerProject: 500,
  });
  // Reading the history (#15): 100 projects x 400 days for the Trends page and the overview.
  const historyReads = await historyBenchmark();
  const prioritiseScoreReads = await scoreReadsBenchmark({ candidates: 500, scorers: 3 });
  process.stdout.write(
    `${JSON.stringify({ refresh, domainCompute: domain, standardsEvaluation: standards, adminPatterns, snapshots, historyBackfill, historyReads, prioritiseScoreReads }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
