import type { Locator, Page } from 'playwright-core';
import type { CrossProjectLink, ProjectDependency } from '../src/domain/dependencies/graph';
import type { PortfolioReport } from '../src/domain/portfolio/schema';
import { invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { graphSettled } from './support/graph';
import { app, appFrame, downloadCsv, setTheme, switchUser, tableRowIds } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

jest.setTimeout(90_000);

const host = setUpHostStack();
let report: PortfolioReport;

const DEPS_PATH = '/jira/apps/pmo-portfolio/dependencies';

beforeAll(async () => {
  report = await reportOf('sim-pmo');
});

function reportOf(accountId: string): Promise<PortfolioReport> {
  return invoke(host.stack, 'getPortfolioReport', accountId, { portfolioId: 'all' });
}

/** The project pairs the graph and the list must show: open links between different projects. */
function expectedPairs(r: PortfolioReport): ProjectDependency[] {
  return r.dependencies.projectMatrix.filter((cell) => cell.from !== cell.to && cell.open > 0);
}

const pairId = (cell: { from: string; to: string }) => `${cell.from}-${cell.to}`;

function linksOf(r: PortfolioReport, from: string, to: string): CrossProjectLink[] {
  return r.dependencies.crossProjectLinks.items.filter(
    (l) => l.blocker.projectKey === from && l.blocked.projectKey === to,
  );
}

/** The edges drawn, as `{ id, open, late, cycle, critical }` from their data attributes. */
async function edgesShown(p: Page) {
  return app(p)
    .locator('[data-testid^="dependency-edge-"]')
    .evaluateAll((gs) =>
      gs.map((g) => ({
        id: g.getAttribute('data-testid')?.replace(/^dependency-edge-/, '') ?? '',
        open: Number(g.getAttribute('data-open')),
        late: g.getAttribute('data-late') === 'true',
        cycle: g.getAttribute('data-cycle') === 'true',
        critical: g.getAttribute('data-critical') === 'true',
      })),
    );
}

/** Waits for the graph to be laid out and drawn with `count` edges. */
async function waitForGraph(p: Page, count: number) {
  await app(p).getByTestId('dependencies-graph').waitFor();
  await appFrame(p).waitForFunction(
    (n) => document.querySelectorAll('[data-testid^="dependency-edge-"] path').length >= n,
    count,
  );
}

/** Clicks an edge where its line is (halfway along it), as a user would. */
async function clickEdge(edge: Locator) {
  const position = await edge.evaluate((g) => {
    const path = g.querySelector('path.react-flow__edge-interaction') as SVGPathElement | null;
    if (!path) throw new Error('edge without an interaction path');
    const point = path.getPointAtLength(path.getTotalLength() * 0.45);
    const matrix = path.getScreenCTM();
    if (!matrix) throw new Error('edge not rendered');
    const box = g.getBoundingClientRect();
    return {
      x: matrix.a * point.x + matrix.c * point.y + matrix.e - box.left,
      y: matrix.b * point.x + matrix.d * point.y + matrix.f - box.top,
    };
  });
  await edge.click({ position });
}

/** Waits until the page's URL is the Dependencies page with exactly this query (`''` for none). */
async function waitForQuery(p: Page, search: string) {
  await p.waitForURL((url) => url.pathname === DEPS_PATH && url.search === search);
}

/** Polls `read` until it answers `expected` (deep equality), or fails with the last answer. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** The rows of a dynamic table, by the test id suffix after `prefix`, in the order shown. */

test('the graph draws exactly the open cross-project dependencies of the report, and is axe-clean', async () => {
  const pairs = expectedPairs(report);
  expect(pairs.length).toBeGreaterThan(3);
  expect(pairs.some((cell) => cell.late > 0)).toBe(true);
  expect(pairs.some((cell) => cell.inCycle > 0)).toBe(true);

  await host.page.goto(`${host.stack.url}${DEPS_PATH}`);
  await app(host.page).getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor();
  await waitForGraph(host.page, pairs.length);

  const shown = await edgesShown(host.page);
  expect(shown.map((e) => e.id).sort()).toEqual(pairs.map(pairId).sort());
  const critical = new Set<string>();
  const path = report.dependencies.criticalPath.map((key) => key.slice(0, key.lastIndexOf('-')));
  for (let i = 1; i < path.length; i++)
    if (path[i - 1] !== path[i]) critical.add(`${path[i - 1]}-${path[i]}`);
  expect(Object.fromEntries(shown.map((e) => [e.id, e]))).toEqual(
    Object.fromEntries(
      pairs.map((cell) => [
        pairId(cell),
        {
          id: pairId(cell),
          open: cell.open,
          late: cell.late > 0,
          cycle: cell.inCycle > 0,
          critical: critical.has(pairId(cell)),
        },
      ]),
    ),
  );

  // Late or cyclic edges are drawn red, the others neutral.
  const strokes = await app(host.page)
    .locator('[data-testid^="dependency-edge-"]')
    .evaluateAll((gs) =>
      gs.map((g) => [
        g.getAttribute('data-late') === 'true' || g.getAttribute('data-cycle') === 'true',
        (g.querySelector('path.react-flow__edge-path') as SVGPathElement | null)?.style.stroke ?? '',
      ]),
    );
  for (const [flagged, stroke] of strokes) {
    expect(stroke).toContain(flagged ? '--ds-border-danger' : '--ds-border-bold');
  }

  // One node per project on an edge, coloured by the report's health.
  const projects = new Set(pairs.flatMap((cell) => [cell.from, cell.to]));
  const rags = await app(host.page)
    .locator('[data-testid^="dependency-node-"]')
    .evaluateAll((nodes) =>
      nodes.map((n) => [
        n.getAttribute('data-testid')?.replace(/^dependency-node-/, ''),
        n.getAttribute('data-rag'),
      ]),
    );
  expect(rags.map(([key]) => key).sort()).toEqual([...projects].sort());
  const ragOf = new Map(report.projects.map((p) => [p.key, p.health.rag]));
  for (const [key, rag] of rags) expect(rag).toBe(ragOf.get(key ?? '') ?? 'none');

  // Totals and freshness.
  await expect(
    app(host.page).getByTestId('dependency-total-links').locator('dd').textContent(),
  ).resolves.toBe(String(report.dependencies.crossProjectLinks.total));
  await expect(
    app(host.page).getByTestId('dependency-total-cycles').locator('dd').textContent(),
  ).resolves.toBe(String(report.dependencies.totals.cycles));
  await expect(app(host.page).getByTestId('data-freshness').textContent()).resolves.toMatch(/^Data as of /);

  // The sections list the report's cycles, critical path and conflicts.
  await expect(app(host.page).locator('[data-testid^="dependency-cycle-"]').count()).resolves.toBe(
    report.dependencies.cycles.length,
  );
  const pathShown = await app(host.page)
    .getByTestId('dependency-critical-path')
    .getByRole('list', { name: 'Critical path, from the first blocker' })
    .locator('a')
    .allTextContents();
  expect(pathShown).toEqual(report.dependencies.criticalPath);
  await expect(app(host.page).locator('[data-testid^="date-conflict-"]').count()).resolves.toBe(
    Math.min(10, report.dependencies.conflicts.length),
  );

  await screenshot(host.page, 'dependencies-graph');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('clicking an edge lists the issue links between the two projects, keys open Jira', async () => {
  const pair = expectedPairs(report).find((cell) => cell.late > 0) ?? expectedPairs(report)[0];
  if (!pair) throw new Error('no pair');
  await clickEdge(app(host.page).getByTestId(`dependency-edge-${pair.from}-${pair.to}`));

  const drilldown = app(host.page).getByTestId('dependency-drilldown');
  await drilldown.waitFor();
  await waitForQuery(host.page, `?from=${pair.from}&to=${pair.to}`);
  await expect(drilldown.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(
    `${pair.from} (`,
  );
  const links = linksOf(report, pair.from, pair.to);
  expect(links.length).toBe(pair.open); // the seeded site is far below the report's cap
  expect((await tableRowIds(host.page, 'dependency-drilldown', 'dependency-link-')).sort()).toEqual(
    links.map((l) => `${l.blocker.key}-${l.blocked.key}`).sort(),
  );
  // Flags, statuses and due dates as the report has them.
  const late = links.find((l) => l.late);
  if (!late) throw new Error('a late pair without a late link');
  const row = drilldown.getByTestId(`dependency-link-${late.blocker.key}-${late.blocked.key}`);
  const text = (await row.textContent()) ?? '';
  expect(text).toMatch(
    late.daysLate === null ? /Blocker overdue/ : new RegExp(`Due ${late.daysLate} days? late`),
  );
  expect(text).toMatch(/To Do|In progress|Unknown/);

  // The edge is shown as selected; the issue key opens the issue in Jira (router.open: a new tab).
  await expect(
    app(host.page).getByTestId(`dependency-edge-${pair.from}-${pair.to}`).getAttribute('class'),
  ).resolves.toContain('selected');
  await screenshot(host.page, 'dependencies-drilldown');
  const [opened] = await Promise.all([
    host.context.waitForEvent('page'),
    row.getByRole('link', { name: late.blocker.key, exact: true }).click(),
  ]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(`/jira/browse/${late.blocker.key}`);
  await opened.close();

  await drilldown.getByTestId('dependency-drilldown-close').click();
  await waitForQuery(host.page, '');
  await expect(drilldown.count()).resolves.toBe(0);
});

test('keyboard: Tab to an edge, Enter opens its links; the pair picker reaches any pair', async () => {
  const [first, second] = expectedPairs(report);
  if (!first || !second) throw new Error('need two pairs');
  const edge = app(host.page).getByTestId(`dependency-edge-${first.from}-${first.to}`);
  await edge.focus();
  await host.page.keyboard.press('Enter');
  await app(host.page).getByTestId('dependency-drilldown').waitFor();
  await waitForQuery(host.page, `?from=${first.from}&to=${first.to}`);
  // Focus moved to the drill-down's title, so a screen reader announces it.
  await expect(
    appFrame(host.page).evaluate(
      () => document.activeElement?.closest('[data-testid="dependency-drilldown"]') !== null,
    ),
  ).resolves.toBe(true);

  await app(host.page).getByTestId('pair-picker-from').selectOption(second.from);
  await app(host.page).getByTestId('pair-picker-to').selectOption(second.to);
  await app(host.page).getByTestId('pair-picker-show').click();
  await waitForQuery(host.page, `?from=${second.from}&to=${second.to}`);
  await expect(app(host.page).getByTestId('dependency-drilldown-summary').textContent()).resolves.toMatch(
    new RegExp(`^${second.open} open links?`),
  );

  // Highlighting the cycles outlines exactly the projects on cyclic edges.
  await app(host.page).getByTestId('highlight-cycles').click();
  await expect(app(host.page).getByTestId('highlight-cycles').getAttribute('aria-pressed')).resolves.toBe(
    'true',
  );
  const inCycle = new Set(
    expectedPairs(report)
      .filter((cell) => cell.inCycle > 0)
      .flatMap((cell) => [cell.from, cell.to]),
  );
  const outlined = async (what: string) =>
    app(host.page)
      .locator(
        `[data-testid="dependencies-graph"][data-highlight="${what}"] .react-flow__node.is-${what === 'cycles' ? 'cycle' : what}`,
      )
      .evaluateAll((nodes) =>
        nodes.map((n) => n.getAttribute('data-testid')?.replace(/^dependency-node-/, '')).sort(),
      );
  expect(await outlined('cycles')).toEqual([...inCycle].sort());
  await app(host.page).getByTestId('highlight-critical').click();
  const drawn = new Set(expectedPairs(report).flatMap((cell) => [cell.from, cell.to]));
  const onPath = new Set(
    report.dependencies.criticalPath
      .map((key) => key.slice(0, key.lastIndexOf('-')))
      .filter((p) => drawn.has(p)),
  );
  expect(await outlined('critical')).toEqual([...onPath].sort());
  await screenshot(host.page, 'dependencies-critical-path');
  await app(host.page).getByTestId('highlight-none').click();
  await app(host.page).getByTestId('dependency-drilldown-close').click();
  await waitForQuery(host.page, '');
});

test('the list view shows the same pairs, sorts, and exports the rows shown as CSV', async () => {
  const pairs = expectedPairs(report);
  await app(host.page).getByTestId('view-toggle-list').click();
  await waitForQuery(host.page, '?view=list');
  const list = app(host.page).getByTestId('dependencies-list');
  await list.waitFor();
  await expect(app(host.page).getByTestId('view-toggle-list').getAttribute('aria-pressed')).resolves.toBe(
    'true',
  );
  await expect(app(host.page).getByTestId('dependencies-graph').count()).resolves.toBe(0);

  // Default order: most open links first.
  const shown = await tableRowIds(host.page, 'dependencies-list', 'dependency-row-');
  expect(shown.slice().sort()).toEqual(pairs.map(pairId).sort());

  // Sort by "Late": ascending, then descending; ties keep the project order.
  const byProject = pairs.slice().sort((a, b) => (pairId(a) < pairId(b) ? -1 : 1));
  const sortButton = list.locator('thead').getByRole('button', { name: 'Late' });
  const byLate = (direction: 1 | -1) =>
    byProject
      .slice()
      .sort((a, b) => direction * (a.late - b.late))
      .map(pairId);
  const descending = byLate(-1);
  for (const expected of [byLate(1), descending]) {
    await sortButton.click();
    await eventually(() => tableRowIds(host.page, 'dependencies-list', 'dependency-row-'), expected);
  }
  await screenshot(host.page, 'dependencies-list');

  // The CSV holds the rows shown, in the order shown, with the resolver's figures.
  const csv = await downloadCsv(host.page, 'csv-export');
  expect(csv.name).toMatch(/^dependencies-all-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.rows[0]?.slice(0, 7)).toEqual([
    'Blocking project',
    'Blocking project name',
    'Blocked project',
    'Blocked project name',
    'Open links',
    'Late links',
    'Links in a cycle',
  ]);
  const body = csv.rows.slice(1);
  expect(body.map((r) => `${r[0]}-${r[2]}`)).toEqual(descending);
  const cellOf = new Map(pairs.map((cell) => [pairId(cell), cell]));
  for (const r of body) {
    const cell = cellOf.get(`${r[0]}-${r[2]}`);
    expect([r[4], r[5], r[6]]).toEqual([String(cell?.open), String(cell?.late), String(cell?.inCycle)]);
    expect(r[1]).toBe(report.projects.find((p) => p.key === r[0])?.name ?? r[0]);
  }

  // "Show links" opens the drill-down from the list too.
  const [firstPair] = descending;
  if (!firstPair) throw new Error('no rows');
  await list.getByTestId(`dependency-show-${firstPair}`).click();
  await app(host.page).getByTestId('dependency-drilldown').waitFor();
  const [from, to] = firstPair.split('-');
  // The list's sort is part of the link too.
  await waitForQuery(host.page, `?view=list&from=${from}&to=${to}&sort=late&order=desc`);
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('deep links and the back button restore the view and the drill-down', async () => {
  const [pair] = expectedPairs(report);
  if (!pair) throw new Error('no pair');
  await host.page.goto(`${host.stack.url}${DEPS_PATH}?view=list&from=${pair.from}&to=${pair.to}`);
  await app(host.page).getByTestId('dependencies-list').waitFor();
  await app(host.page).getByTestId('dependency-drilldown').waitFor();
  await expect(app(host.page).getByTestId('nav-dependencies').getAttribute('aria-current')).resolves.toBe(
    'page',
  );

  await app(host.page).getByTestId('view-toggle-graph').click();
  await waitForQuery(host.page, `?from=${pair.from}&to=${pair.to}`);
  await waitForGraph(host.page, 1);
  await app(host.page).getByTestId('dependency-drilldown-close').click();
  await waitForQuery(host.page, '');

  await host.page.goBack();
  await waitForQuery(host.page, `?from=${pair.from}&to=${pair.to}`);
  await app(host.page).getByTestId('dependency-drilldown').waitFor();
  await host.page.goBack();
  await waitForQuery(host.page, `?view=list&from=${pair.from}&to=${pair.to}`);
  await app(host.page).getByTestId('dependencies-list').waitFor();

  // Another sub-page and back.
  await app(host.page).getByRole('link', { name: 'RAID' }).click();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/raid');
  await host.page.goBack();
  await waitForQuery(host.page, `?view=list&from=${pair.from}&to=${pair.to}`);
  await app(host.page).getByTestId('dependencies-list').waitFor();
  await app(host.page).getByTestId('dependency-drilldown').waitFor();
});

test('the dark theme: graph and tables readable, axe-clean', async () => {
  await host.page.goto(`${host.stack.url}${DEPS_PATH}`);
  await setTheme(host.page, 'dark');
  await waitForGraph(host.page, expectedPairs(report).length);
  await graphSettled(host.page);
  await screenshot(host.page, 'dependencies-graph-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await app(host.page).getByTestId('view-toggle-list').click();
  await app(host.page).getByTestId('dependencies-list').waitFor();
  await screenshot(host.page, 'dependencies-list-dark');
  await setTheme(host.page, 'light');
});

test('without cross-project dependencies the page says what to configure, not an empty graph', async () => {
  // A site whose teams link dependencies with a type the settings do not count: the report has no
  // cross-project links (the answer is rewritten on its way to the app).
  await host.page.route('**/__invoke/getPortfolioReport', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok?: boolean; data?: PortfolioReport };
    if (body.ok && body.data) {
      const deps = body.data.dependencies;
      deps.projectMatrix = deps.projectMatrix.filter((cell) => cell.from === cell.to);
      deps.crossProjectLinks = { total: 0, items: [] };
    }
    await route.fulfill({ response, json: body });
  });
  try {
    await host.page.goto(`${host.stack.url}${DEPS_PATH}`);
    const empty = app(host.page).getByTestId('dependencies-empty');
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toMatch(
      /No open dependencies between projects.*under Mappings/,
    );
    await expect(app(host.page).getByTestId('dependencies-graph').count()).resolves.toBe(0);
    await expect(app(host.page).getByTestId('view-toggle-list').count()).resolves.toBe(0);
    await screenshot(host.page, 'dependencies-empty');
  } finally {
    await host.page.unroute('**/__invoke/getPortfolioReport');
  }

  // A user who can browse no project is told so.
  const outsider = await reportOf('sim-outsider');
  expect(outsider.projects).toEqual([]);
  await switchUser(host.page, 'sim-outsider');
  await expect(app(host.page).getByTestId('dependencies-empty').textContent()).resolves.toMatch(
    /You can't browse any projects in this portfolio/,
  );
  await switchUser(host.page, 'sim-pmo');
});
