import { simUser } from '../dev/jira-sim/users';
import { editIssue, invoke, waitUntil } from './support/api';
import { shownValue } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

/**
 * The portfolio page on snapshots (#12), in the browser: Refresh reads Jira as the app and the
 * page shows the run's progress, then the new figures; page views read no issue; the admin page
 * shows each portfolio's refresh cadence and its run history with the Jira points spent.
 */

jest.setTimeout(120_000);

const host = setUpHostStack({ user: 'sim-pmo' });

const PORTFOLIO_URL = '/jira/apps/pmo-portfolio/overview';
const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';

test('opening the portfolio page again reads no issue from Jira; Refresh reads what changed and shows it', async () => {
  await host.page.goto(`${host.stack.url}${PORTFOLIO_URL}`);
  await app(host.page).getByTestId('report-freshness').waitFor();
  host.stack.sim.resetStats();
  await host.page.reload();
  await app(host.page).getByTestId('report-freshness').waitFor();
  await host.page.reload();
  await app(host.page).getByTestId('report-freshness').waitFor();
  expect(host.stack.sim.stats().byRoute['POST /rest/api/3/search/jql'] ?? 0).toBe(0);

  // A project falls behind in Jira: a due date long past on an open issue.
  const before = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const project = before.projects[0];
  if (!project) throw new Error('no project');
  const today = new Date().toISOString().slice(0, 10);
  // An open issue not yet overdue, so the edit makes exactly one more overdue issue.
  const target = host.stack.sim.dataset.issues.find(
    (issue) =>
      host.stack.sim.dataset.projects[issue.projectIdx]?.key === project.key &&
      issue.resolved === null &&
      issue.securityLevelId === null &&
      issue.duedate !== null &&
      issue.duedate > today,
  );
  if (!target) throw new Error('no open issue');
  await editIssue(host.stack, simUser('admin'), target.key, { duedate: '2020-01-01' });
  // Not until the refresh: the page shows the snapshot.
  const still = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  expect(still.kpis.overdue).toBe(before.kpis.overdue);

  host.stack.sim.resetStats();
  await app(host.page).getByTestId('refresh').click();
  // The run ends and the page reloads from the new snapshot: the overdue issue now counts.
  await waitUntil(async () => {
    const now = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
    return (
      (now.meta.snapshot?.run?.seq ?? 0) > (before.meta.snapshot?.run?.seq ?? 0) &&
      now.meta.snapshot?.run?.status === 'done'
    );
  });
  const after = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  expect(after.kpis.overdue).toBe(before.kpis.overdue + 1);
  expect(after.meta.snapshot?.run).toMatchObject({ status: 'done', mode: 'incremental' });
  // The incremental run read a page per project at most, not the portfolio.
  const issuesRead = host.stack.sim.stats().pointsByRoute['POST /rest/api/3/search/jql'] ?? 0;
  expect(issuesRead).toBeLessThan(before.kpis.total);
  await app(host.page).getByTestId('refresh').isEnabled();
  await screenshot(host.page, 'snapshots-overview-after-refresh');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('the admin page shows each portfolio’s refresh cadence and its runs with the Jira points spent', async () => {
  const settings = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  const config = structuredClone(settings.live.config);
  const keys = host.stack.sim.dataset.projects.slice(0, 2).map((project) => project.key);
  config.portfolios = [
    {
      id: 'launch',
      name: 'Launch',
      ownerAccountId: null,
      scope: { kind: 'projects', projectKeys: keys },
      refreshMinutes: 240,
    },
  ];
  await invoke(host.stack, 'saveSettings', 'sim-admin', {
    baseVersion: settings.live.version,
    config,
    comment: 'Launch portfolio',
  });
  const viewed = await invoke(host.stack, 'getPortfolioReport', 'sim-admin', {
    portfolioId: 'p:launch',
  });
  expect(viewed.projects.map((project) => project.key)).toEqual(keys);

  await host.context.addCookies([{ name: 'pmo_user', value: 'sim-admin', url: host.stack.url }]);
  await host.page.goto(`${host.stack.url}${ADMIN_PATH}`);
  await app(host.page).getByTestId('settings-nav-portfolios').click();
  await app(host.page).getByTestId('settings-section-portfolios').waitFor();
  await expect(shownValue(app(host.page), 'portfolio-launch-cadence')).resolves.toBe('Every 4 hours');
  const firstRun = app(host.page).getByTestId('portfolio-launch-run-1');
  await firstRun.waitFor();
  const status = await invoke(host.stack, 'getRefreshStatus', 'sim-admin', {
    portfolioId: 'p:launch',
  });
  const spent = new Intl.NumberFormat('en').format(status.history[0]?.points ?? -1);
  await expect(firstRun.textContent()).resolves.toContain(spent);
  await expect(firstRun.textContent()).resolves.toContain('First view');
  await screenshot(host.page, 'snapshots-admin-run-history');
});
