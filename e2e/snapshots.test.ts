import type { Browser, BrowserContext, Page } from 'playwright-core';
import { simUser } from '../dev/jira-sim/users';
import { editIssue, invoke, waitUntil } from './support/api';
import { shownValue } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, appFrame } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

/**
 * The portfolio page on snapshots (#12), in the browser: Refresh reads Jira as the app and the
 * page shows the run's progress, then the new figures; page views read no issue; the admin page
 * shows each portfolio's refresh cadence and its run history with the Jira points spent.
 */

jest.setTimeout(120_000);

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

const PORTFOLIO_URL = '/jira/apps/pmo-portfolio/overview';
const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
  await context.addCookies([{ name: 'pmo_user', value: 'sim-pmo', url: stack.url }]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

test('opening the portfolio page again reads no issue from Jira; Refresh reads what changed and shows it', async () => {
  await page.goto(`${stack.url}${PORTFOLIO_URL}`);
  await app(page).getByTestId('report-freshness').waitFor();
  stack.sim.resetStats();
  await page.reload();
  await app(page).getByTestId('report-freshness').waitFor();
  await page.reload();
  await app(page).getByTestId('report-freshness').waitFor();
  expect(stack.sim.stats().byRoute['POST /rest/api/3/search/jql'] ?? 0).toBe(0);

  // A project falls behind in Jira: a due date long past on an open issue.
  const before = await invoke(stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const project = before.projects[0];
  if (!project) throw new Error('no project');
  const today = new Date().toISOString().slice(0, 10);
  // An open issue not yet overdue, so the edit makes exactly one more overdue issue.
  const target = stack.sim.dataset.issues.find(
    (issue) =>
      stack.sim.dataset.projects[issue.projectIdx]?.key === project.key &&
      issue.resolved === null &&
      issue.securityLevelId === null &&
      issue.duedate !== null &&
      issue.duedate > today,
  );
  if (!target) throw new Error('no open issue');
  await editIssue(stack, simUser('admin'), target.key, { duedate: '2020-01-01' });
  // Not until the refresh: the page shows the snapshot.
  const still = await invoke(stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  expect(still.kpis.overdue).toBe(before.kpis.overdue);

  stack.sim.resetStats();
  await app(page).getByTestId('refresh').click();
  // The run ends and the page reloads from the new snapshot: the overdue issue now counts.
  await waitUntil(async () => {
    const now = await invoke(stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
    return (
      (now.meta.snapshot?.run?.seq ?? 0) > (before.meta.snapshot?.run?.seq ?? 0) &&
      now.meta.snapshot?.run?.status === 'done'
    );
  });
  const after = await invoke(stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  expect(after.kpis.overdue).toBe(before.kpis.overdue + 1);
  expect(after.meta.snapshot?.run).toMatchObject({ status: 'done', mode: 'incremental' });
  // The incremental run read a page per project at most, not the portfolio.
  const issuesRead = stack.sim.stats().pointsByRoute['POST /rest/api/3/search/jql'] ?? 0;
  expect(issuesRead).toBeLessThan(before.kpis.total);
  await app(page).getByTestId('refresh').isEnabled();
  await screenshot(page, 'snapshots-overview-after-refresh');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
});

test('the admin page shows each portfolio’s refresh cadence and its runs with the Jira points spent', async () => {
  const settings = await invoke(stack, 'getSettings', 'sim-admin', {});
  const config = structuredClone(settings.live.config);
  const keys = stack.sim.dataset.projects.slice(0, 2).map((project) => project.key);
  config.portfolios = [
    {
      id: 'launch',
      name: 'Launch',
      ownerAccountId: null,
      scope: { kind: 'projects', projectKeys: keys },
      refreshMinutes: 240,
    },
  ];
  await invoke(stack, 'saveSettings', 'sim-admin', {
    baseVersion: settings.live.version,
    config,
    comment: 'Launch portfolio',
  });
  const viewed = await invoke(stack, 'getPortfolioReport', 'sim-admin', {
    portfolioId: 'p:launch',
  });
  expect(viewed.projects.map((project) => project.key)).toEqual(keys);

  await context.addCookies([{ name: 'pmo_user', value: 'sim-admin', url: stack.url }]);
  await page.goto(`${stack.url}${ADMIN_PATH}`);
  await app(page).getByTestId('settings-nav-portfolios').click();
  await app(page).getByTestId('settings-section-portfolios').waitFor();
  await expect(shownValue(app(page), 'portfolio-launch-cadence')).resolves.toBe('Every 4 hours');
  const firstRun = app(page).getByTestId('portfolio-launch-run-1');
  await firstRun.waitFor();
  const status = await invoke(stack, 'getRefreshStatus', 'sim-admin', {
    portfolioId: 'p:launch',
  });
  const spent = new Intl.NumberFormat('en').format(status.history[0]?.points ?? -1);
  await expect(firstRun.textContent()).resolves.toContain(spent);
  await expect(firstRun.textContent()).resolves.toContain('First view');
  await screenshot(page, 'snapshots-admin-run-history');
});

test('no page error or console error on the way', () => {
  expect(errors).toEqual([]);
});
