/**
 * UI benchmark (not a test): how responsive the portfolio views stay with 100 projects and about 1,000
 * cross-project dependencies. Prints JSON figures:
 *
 *   PMO_STATIC_DIST=/tmp/dist npx tsx static/build.ts && PMO_STATIC_DIST=/tmp/dist npx tsx bench/ui-views.ts
 *
 * It starts the simulator and the local host (e2e/support/stack.ts) on a seeded site of 100 projects, opens
 * the Overview and the Dependencies page in headless Chromium at 1440x900 and measures, per view:
 * - time to interactive: from the start of the navigation to the view's main content being visible,
 *   stable and able to take a click, and the main thread free for the next frame (median of `runs`);
 * - total blocking time (the part of each long task over 50 ms) in the app frame, and the longest task;
 * - for the dependency graph: ELK layout time, nodes and edges drawn, and the latency of interactions
 *   (highlighting, graph to list and back);
 * - the graph's reading aids at that size (grouped by category, late only, a focus two links out), each
 *   opened as a deep link: time to interactive, pairs and projects shown, layout time.
 * The simulator's random links are mostly between done issues, so the seeded site has ~1,000 cross-project
 * links of which only ~140 are open (what the graph draws). A second Dependencies measurement therefore
 * rewrites the report on its way to the app to 1,000 open project-to-project edges among the same 100
 * projects: the graph at the size issue #7 names. The report resolver's own time is measured apart.
 */
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../e2e/support/browser';
import { type Stack, startStack } from '../e2e/support/stack';
import type { CrossProjectLink, ProjectDependency } from '../src/domain/dependencies/graph';
import type { PortfolioReport } from '../src/domain/portfolio/schema';

export interface UiBenchOptions {
  projects?: number;
  /** 140 issues a project give the seeded site ~1,000 cross-project blocking links (at 100 projects). */
  issuesPerProject?: number;
  /** Open project-to-project edges of the synthetic dependency graph. */
  syntheticEdges?: number;
  runs?: number;
}

const APP_FRAME = /\/apps\/portfolio\//;

/** Collects long tasks in every frame from the first script on (injected over CDP: the CSP does not apply). */
const LONG_TASK_PROBE = `(() => {
  window.__pmoLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__pmoLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

const round = (value: number) => Math.round(value);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function appFrame(page: Page): Frame {
  const frame = page.frame({ url: APP_FRAME });
  if (!frame) throw new Error('no portfolio frame');
  return frame;
}

/** Resolves once the frame's main thread has rendered a frame and run a task after it. */
function nextFrame(frame: Frame): Promise<void> {
  return frame.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

async function blockingTime(frame: Frame): Promise<{ totalBlockingMs: number; longestTaskMs: number }> {
  const tasks = await frame.evaluate(
    () => (window as unknown as { __pmoLongTasks?: number[] }).__pmoLongTasks ?? [],
  );
  return {
    totalBlockingMs: round(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
    longestTaskMs: round(Math.max(0, ...tasks)),
  };
}

/**
 * Navigates to `path` and answers the milliseconds until `testId` is visible, stable and clickable (a
 * trial click: nothing is clicked) and `ready` holds, and the main thread is free for a frame.
 */
async function timeToInteractive(
  page: Page,
  url: string,
  testId: string,
  ready: (frame: Frame) => Promise<unknown> = async () => undefined,
): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const main = page.frameLocator('[data-testid="app-frame"]').getByTestId(testId);
  await main.waitFor({ state: 'visible', timeout: 120_000 });
  await main.click({ trial: true, timeout: 120_000 });
  const frame = appFrame(page);
  await ready(frame);
  await nextFrame(frame);
  return Date.now() - started;
}

/**
 * Input to next paint, measured in the page: clicks `testId` (React handles a click synchronously), then
 * waits until `done` holds and two animation frames have passed (the second runs after the paint).
 */
async function interaction(frame: Frame, testId: string, doneSelector: string): Promise<number> {
  return frame.evaluate(
    async ([id, selector]) => {
      const target = document.querySelector(`[data-testid="${id}"]`);
      if (!target) throw new Error(`no ${id}`);
      const started = performance.now();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      while (document.querySelector(selector) === null) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return Math.round(performance.now() - started);
    },
    [testId, doneSelector] as const,
  );
}

async function resolverTime(stack: Stack): Promise<{ ms: number; report: PortfolioReport; bytes: number }> {
  const started = Date.now();
  const response = await fetch(`${stack.url}/__invoke/getPortfolioReport`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-account-id': 'sim-pmo' },
    body: JSON.stringify({ portfolioId: 'all' }),
  });
  const text = await response.text();
  const ms = Date.now() - started;
  if (!response.ok) throw new Error(`getPortfolioReport answered ${response.status}: ${text.slice(0, 200)}`);
  return { ms, report: JSON.parse(text) as PortfolioReport, bytes: Buffer.byteLength(text) };
}

/**
 * The portfolio's first snapshot is read as queued jobs; a first view that finds none waits 8 s and then
 * answers NOT_READY (503). Asks until the snapshot is there and answers how long that took.
 */
async function waitForFirstSnapshot(stack: Stack): Promise<number> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(`${stack.url}/__invoke/getPortfolioReport`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-account-id': 'sim-pmo' },
      body: JSON.stringify({ portfolioId: 'all' }),
    });
    await response.arrayBuffer();
    if (response.ok) return Date.now() - started;
    if (response.status !== 503 || Date.now() - started > 600_000)
      throw new Error(`getPortfolioReport answered ${response.status} while waiting for the first snapshot`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** mulberry32: a small seeded PRNG, so the synthetic graph is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The report with `edges` open project-to-project dependencies among its projects (1 to 6 links each, one
 * in six late, one in twenty in a cycle), and up to 500 issue-level links, as a report capped at the
 * default limit lists them.
 */
export function withSyntheticDependencies(report: PortfolioReport, edges: number): PortfolioReport {
  const keys = report.projects.map((p) => p.key);
  const random = prng(7);
  const seen = new Set<string>();
  const matrix: ProjectDependency[] = report.dependencies.projectMatrix.filter(
    (cell) => cell.from === cell.to,
  );
  const links: CrossProjectLink[] = [];
  let total = 0;
  while (seen.size < Math.min(edges, keys.length * (keys.length - 1))) {
    const from = keys[Math.floor(random() * keys.length)] as string;
    const to = keys[Math.floor(random() * keys.length)] as string;
    if (from === to || seen.has(`${from}-${to}`)) continue;
    seen.add(`${from}-${to}`);
    const open = 1 + Math.floor(random() * 6);
    const late = random() < 1 / 6 ? 1 : 0;
    const inCycle = random() < 1 / 20 ? 1 : 0;
    matrix.push({ from, to, total: open + 1, open, late, inCycle });
    total += open;
    if (links.length < 500) {
      links.push({
        blocker: {
          key: `${from}-${9000 + seen.size}`,
          projectKey: from,
          status: 'indeterminate',
          due: '2030-01-10',
        },
        blocked: { key: `${to}-${9000 + seen.size}`, projectKey: to, status: 'new', due: '2030-01-01' },
        late: late > 0,
        daysLate: late > 0 ? 9 : null,
        inCycle: inCycle > 0,
      });
    }
  }
  matrix.sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0,
  );
  return {
    ...report,
    dependencies: {
      ...report.dependencies,
      projectMatrix: matrix,
      crossProjectLinks: { total, items: links },
    },
  };
}

/** Waits (up to 2 minutes) until the frame draws a first element whose test id starts with `prefix`. */
const firstDrawn = (prefix: string) => (frame: Frame) =>
  frame.waitForFunction(
    (testIdPrefix) => document.querySelectorAll(`[data-testid^="${testIdPrefix}"]`).length > 0,
    prefix,
    { timeout: 120_000 },
  );

async function measureDependencies(page: Page, url: string, runs: number) {
  const drawn = firstDrawn('dependency-edge-');
  const tti: number[] = [];
  for (let run = 0; run < runs; run++)
    tti.push(await timeToInteractive(page, url, 'dependencies-graph', drawn));
  const frame = appFrame(page);
  const counts = await frame.evaluate(() => ({
    nodes: document.querySelectorAll('[data-testid^="dependency-node-"]').length,
    edges: document.querySelectorAll('[data-testid^="dependency-edge-"]').length,
    layoutMs: performance.getEntriesByName('pmo-deps-layout').map((e) => e.duration),
  }));
  const blocking = await blockingTime(frame);
  // Highlighting, five times each way: the median of switching the critical path on, and off.
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 5; i++) {
    on.push(await interaction(frame, 'highlight-critical', '[data-highlight="critical"]'));
    off.push(await interaction(frame, 'highlight-none', '[data-highlight="none"]'));
  }
  const toListMs = await interaction(frame, 'view-toggle-list', '[data-testid="dependencies-list"]');
  const backToGraphMs = await interaction(frame, 'view-toggle-graph', '[data-testid^="dependency-edge-"]');
  const edge = await frame.evaluate(
    () => document.querySelector('[data-testid^="dependency-edge-"]')?.getAttribute('data-testid') ?? '',
  );
  const drillDownMs = await interaction(frame, edge, '[data-testid="dependency-drilldown"]');
  return {
    timeToInteractiveMs: { median: median(tti), runs: tti },
    ...blocking,
    layoutMs: round(counts.layoutMs[counts.layoutMs.length - 1] ?? 0),
    nodesDrawn: counts.nodes,
    edgesDrawn: counts.edges,
    inputToNextPaintMs: {
      highlightCriticalPathOn: median(on),
      highlightOff: median(off),
      graphToList: toListMs,
      listToGraph: backToGraphMs,
      edgeToDrillDown: drillDownMs,
    },
  };
}

/**
 * Time to interactive of the graph in its reading aids at this size: grouped by category (ELK lays out
 * one box per category), late links only, and one project's neighbourhood two links out.
 */
async function measureReadingAids(page: Page, base: string, runs: number) {
  const drawn = firstDrawn('dependency-node-');
  const figures: Record<string, unknown> = {};
  const focus = await appFrame(page).evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="focus-project"] option')]
        .map((option) => (option as HTMLOptionElement).value)
        .find((value) => value !== '') ?? '',
  );
  const variants: [string, string][] = [
    ['groupedByCategory', '?group=1'],
    ['lateOnly', '?late=1'],
    ['focusTwoLinksOut', `?focus=${focus}&hops=2`],
  ];
  for (const [name, query] of variants) {
    const tti: number[] = [];
    for (let run = 0; run < runs; run++)
      tti.push(await timeToInteractive(page, `${base}/dependencies${query}`, 'dependencies-graph', drawn));
    const frame = appFrame(page);
    const shown = await frame.evaluate(() => {
      const figure = document.querySelector('[data-testid="dependencies-shown"]');
      return {
        pairs: Number(figure?.getAttribute('data-pairs')),
        projects: Number(figure?.getAttribute('data-projects')),
        layoutMs:
          performance
            .getEntriesByName('pmo-deps-layout')
            .map((e) => e.duration)
            .pop() ?? 0,
      };
    });
    figures[name] = {
      query,
      timeToInteractiveMs: { median: median(tti), runs: tti },
      pairs: shown.pairs,
      projects: shown.projects,
      layoutMs: round(shown.layoutMs),
    };
  }
  return figures;
}

export async function measureViews(options: UiBenchOptions = {}): Promise<Record<string, unknown>> {
  const projects = options.projects ?? 100;
  const issuesPerProject = options.issuesPerProject ?? 140;
  const syntheticEdges = options.syntheticEdges ?? 1000;
  const runs = options.runs ?? 3;
  const stackStarted = Date.now();
  const [stack, browser] = await Promise.all([startStack({ projects, issuesPerProject }), launchBrowser()]);
  const stackMs = Date.now() - stackStarted;
  try {
    const { context, page } = await newPage(browser);
    await context.addInitScript(LONG_TASK_PROBE);
    const base = `${stack.url}/jira/apps/pmo-portfolio`;

    const firstSnapshotMs = await waitForFirstSnapshot(stack);
    const cold = await resolverTime(stack);
    const warm = await resolverTime(stack);
    const deps = cold.report.dependencies;
    const crossCells = deps.projectMatrix.filter((cell) => cell.from !== cell.to);

    // Overview: the project table is the main content; health arrives with the (slower) report.
    const overviewRuns: number[] = [];
    let healthMs = 0;
    for (let run = 0; run < runs; run++) {
      const started = Date.now();
      overviewRuns.push(await timeToInteractive(page, `${base}/overview`, 'project-table'));
      await appFrame(page).waitForFunction(
        (n) => document.querySelectorAll('[data-testid^="health-"][data-rag]').length >= n,
        Math.min(25, cold.report.projects.length),
        { timeout: 120_000 },
      );
      healthMs = Date.now() - started;
    }
    const overview = {
      timeToInteractiveMs: { median: median(overviewRuns), runs: overviewRuns },
      healthShownMs: healthMs,
      ...(await blockingTime(appFrame(page))),
    };

    const dependencies = await measureDependencies(page, `${base}/dependencies`, runs);
    const readingAids = await measureReadingAids(page, base, runs);

    // The same page with 1,000 open project-to-project edges.
    await page.route('**/__invoke/getPortfolioReport', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok?: boolean; data?: PortfolioReport };
      const json =
        body.ok && body.data ? { ...body, data: withSyntheticDependencies(body.data, syntheticEdges) } : body;
      await route.fulfill({ response, json });
    });
    const dependencies1000 = await measureDependencies(page, `${base}/dependencies`, runs);
    const readingAids1000 = await measureReadingAids(page, base, runs);
    await page.unroute('**/__invoke/getPortfolioReport');
    await context.close();

    return {
      site: {
        projects,
        issuesPerProject,
        issues: cold.report.kpis.total,
        simulatorLatencyMs: 0,
        stackStartMs: stackMs,
        crossProjectLinks: crossCells.reduce((sum, c) => sum + c.total, 0),
        openCrossProjectLinks: deps.crossProjectLinks.total,
        projectPairsWithOpenLinks: crossCells.filter((c) => c.open > 0).length,
      },
      reportResolver: { firstSnapshotMs, coldMs: cold.ms, warmMs: warm.ms, bytes: cold.bytes },
      viewport: '1440x900',
      overview,
      dependencies: { ...dependencies, readingAids },
      dependenciesSynthetic: { openEdges: syntheticEdges, ...dependencies1000, readingAids: readingAids1000 },
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (require.main === module) {
  measureViews().then(
    (figures) => process.stdout.write(`${JSON.stringify({ uiViews: figures }, null, 2)}\n`),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
