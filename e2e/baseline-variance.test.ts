import { addDays } from '../src/domain/history/calendar';
import type { PortfolioReport } from '../src/domain/portfolio/schema';
import { editIssue, invoke, simUserById, waitUntil } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame, downloadCsv, PROJECTS_CSV_HEADER, setTheme } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';
import { openSettingsSection } from './support/settings-page';

/**
 * Schedule variance and scope change (#15 item 4) as a PMO lead meets them: a baseline set on the
 * Trends page, the plan slipping and growing in Jira, and after a refresh the overview's columns, its
 * CSV and the Trends page's baseline-vs-actual chart all saying what the resolvers say.
 */

jest.setTimeout(180_000);

// Each test gets its own simulator and host, and arranges the baseline and the slip it needs.
const host = setUpHostStack({ seed: 15, projects: 4, user: 'sim-admin', fresh: 'stack' });
let projectKey: string;

const SLIP_DAYS = 20;

const indicatorOf = (report: PortfolioReport, name: 'variance' | 'scope') =>
  report.projects
    .find((project) => project.key === projectKey)
    ?.health.indicators.find((indicator) => indicator.name === name);

/** Opens the overview and waits until the project's health (and so its baseline columns) is shown. */
async function openOverview(): Promise<void> {
  await host.page.goto(host.url('/jira/apps/pmo-portfolio/overview'));
  await app(host.page).locator(`[data-testid="health-${projectKey}"][data-rag]`).waitFor();
}

async function openTrendsFor(key: string): Promise<void> {
  await host.page.goto(host.url('/jira/apps/pmo-portfolio/trends'));
  await app(host.page).getByTestId('portfolio-rag-summary').waitFor();
  await app(host.page).getByTestId('project-trend-select').selectOption(key);
}

beforeEach(async () => {
  const report = await reportAsAdmin();
  const target = report.projects[0];
  if (!target) throw new Error('no project');
  projectKey = target.key;
});

const reportAsAdmin = () => invoke(host.stack, 'getPortfolioReport', 'sim-admin', { portfolioId: 'all' });
const listBaselines = () =>
  invoke(host.stack, 'listBaselines', 'sim-admin', { portfolioId: 'all', projectKey });

/** Sets a baseline as the Trends page does and answers its day and the finish date it recorded. */
async function setBaselineAsAdmin(): Promise<{ day: string; finish: string }> {
  await invoke(host.stack, 'setBaseline', 'sim-admin', {
    portfolioId: 'all',
    projectKey,
    note: 'Plan of record',
  });
  const baseline = (await listBaselines()).baselines[0];
  if (!baseline?.forecastFinish) throw new Error('the baseline has no finish date');
  return { day: baseline.day, finish: baseline.forecastFinish };
}

/** The plan slips and grows in Jira: the open issue due last moves 20 days later, and an issue is added. */
async function slipAndGrow(baselineFinish: string): Promise<void> {
  const { sim } = host.stack;
  const latest = sim.dataset.issues.find(
    (issue) =>
      sim.dataset.projects[issue.projectIdx]?.key === projectKey &&
      issue.resolved === null &&
      issue.securityLevelId === null &&
      issue.duedate === baselineFinish,
  );
  if (!latest) throw new Error('no open issue due on the baseline finish');
  await editIssue(host.stack, simUserById('sim-admin'), latest.key, {
    duedate: addDays(baselineFinish, SLIP_DAYS),
  });
  // In a status before the lifecycle's later stages: a new issue already past a gate would capture
  // a baseline of its own (that is how gate baselines work), which is not what this test is about.
  const settings = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  const laterStages = new Set(
    settings.live.config.lifecycle.stages
      .slice(1)
      .flatMap((stage) => stage.statuses.map((s) => s.toLowerCase())),
  );
  const toDo = sim.dataset.statuses.find(
    (status) => status.category === 'new' && !laterStages.has(status.name.toLowerCase()),
  );
  if (!toDo) throw new Error('no to-do status outside the later stages');
  const added = sim.mutate.createIssue(projectKey, {
    summary: 'Added after the baseline',
    statusId: toDo.id,
  });
  // Pointed, so the scope grows whether the baseline counts issues or story points.
  sim.mutate.editIssue(added.key, { storyPoints: 8 });
}

/**
 * What the first tests do through the pages, arranged through the resolvers: a baseline, the slip,
 * and a refresh run to its end. Answers the baseline and the report after the refresh.
 */
async function arrangeSlippedPlan(): Promise<{ day: string; finish: string; after: PortfolioReport }> {
  const baseline = await setBaselineAsAdmin();
  await slipAndGrow(baseline.finish);
  await invoke(host.stack, 'refreshPortfolio', 'sim-admin', { portfolioId: 'all' });
  await host.stack.wiring.localApp.drainJobs();
  return { ...baseline, after: await reportAsAdmin() };
}

test('before a baseline the columns say so, and the indicators have no effect', async () => {
  await openOverview();
  const cell = app(host.page).getByTestId(`variance-${projectKey}`);
  await expect(cell.textContent()).resolves.toBe('No baseline');
  await expect(cell.getAttribute('title')).resolves.toBe('No baseline yet — set one on the Trends page.');
});

test('an admin sets a baseline on the Trends page; it starts at zero variance', async () => {
  await openTrendsFor(projectKey);
  await app(host.page).getByTestId('baseline-note').fill('Plan of record');
  await app(host.page).getByTestId('baseline-set').click();
  await app(host.page).getByTestId('baseline-list').waitFor();
  const baseline = (await listBaselines()).baselines[0];
  if (!baseline) throw new Error('no baseline was set');
  await expect(app(host.page).getByTestId(`baseline-against-${baseline.day}`).textContent()).resolves.toBe(
    `now 0 days, scope 0% (${baseline.scope.storyPoints > 0 ? 'points' : 'issues'})`,
  );
});

test('the plan slips and grows in Jira; after a refresh the overview columns and CSV show the resolver’s numbers', async () => {
  await slipAndGrow((await setBaselineAsAdmin()).finish);

  await openOverview();
  const before = await reportAsAdmin();
  await app(host.page).getByTestId('refresh').click();
  await waitUntil(async () => {
    const now = await reportAsAdmin();
    return (
      (now.meta.snapshot?.run?.seq ?? 0) > (before.meta.snapshot?.run?.seq ?? 0) &&
      now.meta.snapshot?.run?.status === 'done'
    );
  });
  const after = await reportAsAdmin();
  const variance = indicatorOf(after, 'variance');
  const scope = indicatorOf(after, 'scope');
  expect(variance).toMatchObject({ value: SLIP_DAYS, rag: 'red' });
  expect(scope?.value).toBeGreaterThan(0);

  await openOverview();
  const varianceCell = app(host.page).getByTestId(`variance-${projectKey}`);
  await expect(varianceCell.textContent()).resolves.toBe(`+${SLIP_DAYS} days`);
  await expect(varianceCell.getAttribute('data-value')).resolves.toBe(String(SLIP_DAYS));
  await expect(varianceCell.getAttribute('title')).resolves.toBe(variance?.reason);
  const scopeCell = app(host.page).getByTestId(`scope-${projectKey}`);
  await expect(scopeCell.textContent()).resolves.toBe(`+${scope?.value}%`);

  // Sorted by schedule variance, the latest project comes first (the others have no baseline).
  await app(host.page).locator('th', { hasText: 'Schedule variance' }).click();
  await expect(
    app(host.page).locator('[data-testid="project-table"] tbody tr').first().getAttribute('data-testid'),
  ).resolves.toBe(`project-row-${projectKey}`);
  await varianceCell.scrollIntoViewIfNeeded();
  await screenshot(host.page, 'baseline-variance-overview');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);

  const { rows } = await downloadCsv(host.page, 'csv-export-projects');
  expect(rows[0]).toEqual(PROJECTS_CSV_HEADER);
  const row = rows.find((cells) => cells[0] === projectKey);
  expect(row?.slice(-2)).toEqual([String(SLIP_DAYS), String(scope?.value)]);
});

test('the Trends page charts baseline against actual and lists the variance against each baseline', async () => {
  const { day: baselineDay, finish: baselineFinish, after } = await arrangeSlippedPlan();
  const listed = await listBaselines();
  const today = listed.series.at(-1);
  expect(today).toMatchObject({
    baselineFinish,
    forecastFinish: addDays(baselineFinish, SLIP_DAYS),
    scheduleDays: SLIP_DAYS,
  });
  await openTrendsFor(projectKey);
  const chart = app(host.page).getByTestId('baseline-finish-chart');
  await chart.waitFor();
  await expect(chart.getAttribute('aria-label')).resolves.toContain(
    `baseline finish ${baselineFinish}, forecast finish ${today?.forecastFinish} (+${SLIP_DAYS} days)`,
  );
  await expect(
    app(host.page).getByTestId('baseline-scope-chart').getAttribute('aria-label'),
  ).resolves.toContain(`in ${today?.scopeUnit}`);
  await expect(app(host.page).getByTestId('baseline-vs-actual-summary').textContent()).resolves.toContain(
    `actual ${today?.actualScope} ${today?.scopeUnit}`,
  );
  await app(host.page).locator('[data-testid="baseline-finish-chart"] .recharts-dot').first().waitFor();
  const against = listed.baselines[0]?.against;
  await expect(app(host.page).getByTestId(`baseline-against-${baselineDay}`).textContent()).resolves.toBe(
    `now +${SLIP_DAYS} days, scope +${against?.scopePercent}% (${against?.scopeUnit})`,
  );
  expect(against?.scopePercent).toBe(indicatorOf(after, 'scope')?.value);
  await app(host.page).getByTestId('baseline-vs-actual').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'baseline-variance-trends');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);

  await setTheme(host.page, 'dark');
  await app(host.page).getByTestId('baseline-vs-actual').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'baseline-variance-trends-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await openOverview();
  await app(host.page).getByTestId(`variance-${projectKey}`).scrollIntoViewIfNeeded();
  await screenshot(host.page, 'baseline-variance-overview-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await setTheme(host.page, 'light');
});

test('the drill-down lists the two indicators like every other', async () => {
  const { after } = await arrangeSlippedPlan();
  await openOverview();
  await app(host.page).getByTestId(`show-indicators-${projectKey}`).click();
  const variance = app(host.page).getByTestId('indicator-variance');
  await variance.waitFor();
  await expect(variance.getAttribute('data-value')).resolves.toBe(String(SLIP_DAYS));
  await expect(variance.textContent()).resolves.toContain(`Schedule variance`);
  await expect(variance.textContent()).resolves.toContain(`+${SLIP_DAYS} days`);
  await expect(app(host.page).getByTestId('indicator-scope-reason').textContent()).resolves.toBe(
    indicatorOf(after, 'scope')?.reason,
  );
  await variance.scrollIntoViewIfNeeded();
  await screenshot(host.page, 'baseline-variance-drilldown');
});

test('an admin edits the variance (days) and scope (%) thresholds in the thresholds section', async () => {
  await openSettingsSection(host.page, host.stack, 'thresholds');
  const variance = app(host.page).getByTestId('threshold-variance');
  await expect(app(host.page).getByTestId('threshold-variance-amber').inputValue()).resolves.toBe('5');
  await expect(app(host.page).getByTestId('threshold-variance-red').inputValue()).resolves.toBe('15');
  await expect(app(host.page).getByTestId('threshold-scope-amber').inputValue()).resolves.toBe('10');
  await expect(app(host.page).getByTestId('threshold-scope-red').inputValue()).resolves.toBe('25');
  await variance.getByText('Amber at 5 days or more, red at 15 days or more.').waitFor();
  await app(host.page).getByTestId('threshold-variance-red').fill('3');
  await variance.getByText('red must be at or above amber').waitFor();
  await expect(app(host.page).getByTestId('publish').isDisabled()).resolves.toBe(true);
  await app(host.page).getByTestId('threshold-scope-red').fill('150');
  await app(host.page)
    .getByTestId('threshold-scope')
    .getByText('A percentage cannot be more than 100%; use 0 to 100.')
    .waitFor();
  await variance.scrollIntoViewIfNeeded();
  await screenshot(host.page, 'baseline-variance-thresholds');
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await app(host.page).getByTestId('discard').click();
  await app(host.page).getByTestId('unsaved-bar').waitFor({ state: 'detached' });
});
