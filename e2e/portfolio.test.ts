import type { Page } from 'playwright-core';
import { browsableProjectKeys, invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame, downloadCsv, PROJECTS_CSV_HEADER, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

jest.setTimeout(60_000);

const host = setUpHostStack();

const projectTable = (p: Page) => app(p).getByRole('table', { name: 'Projects in the portfolio' });

/** The project keys in the table's "Key" column, as the user reads them. */
async function keysShown(p: Page): Promise<string[]> {
  const table = projectTable(p);
  await table.waitFor();
  const keyColumn = await columnIndex(p, 'Key');
  const cells = await table
    .locator('tbody tr')
    .evaluateAll(
      (rows, index) => rows.map((row) => row.querySelectorAll('td')[index]?.textContent?.trim() ?? ''),
      keyColumn,
    );
  return cells.sort();
}

async function columnIndex(p: Page, header: string): Promise<number> {
  const headers = await projectTable(p)
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no "${header}" column in ${headers.join(', ')}`);
  return index;
}

test('the PMO lead sees every project, with the resolver’s counts, and the page is axe-clean', async () => {
  await host.page.goto(`${host.stack.url}/`);
  expect(new URL(host.page.url()).pathname).toBe('/jira/apps/pmo-portfolio/overview');
  await expect(host.page.title()).resolves.toBe('PMO Portfolio - Jira');
  await expect(host.page.getByTestId('user-switcher').inputValue()).resolves.toBe('sim-pmo');

  const expected = await browsableProjectKeys(host.stack, 'sim-pmo');
  expect(expected).toHaveLength(host.stack.sim.dataset.projects.length);
  expect(await keysShown(host.page)).toEqual(expected);

  // The totals the user reads are the resolver's.
  const { projects } = await invoke(host.stack, 'listProjects', 'sim-pmo', {});
  const keyColumn = await columnIndex(host.page, 'Key');
  const totalColumn = await columnIndex(host.page, 'Total');
  const shown = await projectTable(host.page)
    .locator('tbody tr')
    .evaluateAll(
      (rows, [k, t]) =>
        rows.map((row) => {
          const cells = row.querySelectorAll('td');
          return [cells[k]?.textContent?.trim() ?? '', cells[t]?.textContent?.replace(/\D/g, '') ?? ''];
        }),
      [keyColumn, totalColumn] as const,
    );
  expect(Object.fromEntries(shown)).toEqual(
    Object.fromEntries(projects.map((p) => [p.key, String(p.total)])),
  );

  const frame = appFrame(host.page);

  // The Health column shows, for every project, the RAG of the resolver's portfolio report.
  await expect(columnIndex(host.page, 'Health')).resolves.toBe(1);
  const report = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const expectedRags = Object.fromEntries(report.projects.map((p) => [p.key, p.health.rag]));
  expect(Object.keys(expectedRags).sort()).toEqual(expected);
  expect(Object.values(expectedRags)).toContain('red');
  await frame.waitForFunction(
    (keys) => keys.every((key) => document.querySelector(`[data-testid="health-${key}"][data-rag]`)),
    expected,
  );
  const shownRags = await projectTable(host.page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const key = row.getAttribute('data-testid')?.replace(/^project-row-/, '') ?? '';
        return [key, row.querySelector(`[data-testid="health-${key}"]`)?.getAttribute('data-rag') ?? ''];
      }),
    );
  expect(Object.fromEntries(shownRags)).toEqual(expectedRags);

  // The report's time is shown beside the list's, and the CSV export holds every listed project.
  await app(host.page).getByTestId('report-freshness').waitFor();
  const [header, ...rows] = (await downloadCsv(host.page, 'csv-export-projects')).rows;
  expect(header).toEqual(PROJECTS_CSV_HEADER);
  expect(rows.map((row) => row[0]).sort()).toEqual(expected);

  await screenshot(host.page, 'portfolio-pmo-lead');
  const violations = seriousOrWorse(await runAxe(frame));
  expect(violations).toEqual([]);
  const hostViolations = seriousOrWorse(await runAxe(host.page.mainFrame(), { iframes: false }));
  expect(hostViolations).toEqual([]);
});

test('a project link opens the project in Jira in a new tab (router.open)', async () => {
  const project = host.stack.sim.dataset.projects[0];
  if (!project) throw new Error('empty dataset');
  const [opened] = await Promise.all([
    host.context.waitForEvent('page'),
    projectTable(host.page).getByRole('link', { name: project.name, exact: true }).click(),
  ]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(`/jira/browse/${project.key}`);
  await opened.getByRole('heading', { name: `${project.name} issues` }).waitFor();
  const rows = await opened.getByTestId('project-issues').locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  await opened.close();
});

test('sub-pages follow the sidebar, deep links and the back button', async () => {
  await host.page
    .getByRole('navigation', { name: 'PMO Portfolio' })
    .getByRole('link', { name: 'Dependencies' })
    .click();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/dependencies');
  await app(host.page).getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor();
  await expect(host.page.getByTestId('nav-dependencies').getAttribute('aria-current')).resolves.toBe('page');

  // The app's own tabs push to the same history.
  await app(host.page).getByRole('link', { name: 'RAID' }).click();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/raid');
  await app(host.page).getByRole('heading', { name: 'RAID log', level: 1 }).waitFor();

  await host.page.goBack();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/dependencies');
  await app(host.page).getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor();
  await host.page.goBack();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/overview');
  await projectTable(host.page).waitFor();

  await host.page.goto(`${host.stack.url}/jira/apps/pmo-portfolio/compliance`);
  await app(host.page).getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
  await expect(host.page.getByTestId('nav-compliance').getAttribute('aria-current')).resolves.toBe('page');
});

test('the outsider sees the empty state and no project', async () => {
  await host.page.goto(`${host.stack.url}/jira/apps/pmo-portfolio/overview`);
  await switchUser(host.page, 'sim-outsider');
  await expect(host.page.getByTestId('user-switcher').inputValue()).resolves.toBe('sim-outsider');
  expect(await browsableProjectKeys(host.stack, 'sim-outsider')).toEqual([]);

  await app(host.page).getByText("You can't browse any projects in this portfolio").waitFor();
  await expect(projectTable(host.page).count()).resolves.toBe(0);
  for (const project of host.stack.sim.dataset.projects) {
    await expect(app(host.page).getByText(project.key, { exact: true }).count()).resolves.toBe(0);
  }
  await screenshot(host.page, 'portfolio-outsider');
});

test('a team member sees exactly their three projects', async () => {
  await switchUser(host.page, 'sim-team');
  const expected = await browsableProjectKeys(host.stack, 'sim-team');
  expect(expected).toHaveLength(3);
  expect(await keysShown(host.page)).toEqual(expected);
  expect(
    (await invoke(host.stack, 'listProjects', 'sim-team', {})).projects.map((p) => p.key).sort(),
  ).toEqual(expected);
  await screenshot(host.page, 'portfolio-team-member');
});

test('the dark theme reaches the app', async () => {
  await switchUser(host.page, 'sim-pmo');
  await projectTable(host.page).waitFor();
  await host.page.getByTestId('theme-toggle').click();
  await expect(host.page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
  await app(host.page).locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
  await screenshot(host.page, 'portfolio-pmo-lead-dark');
  // ... and stays after a reload (cookie).
  await host.page.reload();
  await app(host.page).locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
  await projectTable(host.page).waitFor();
  await host.page.getByTestId('theme-toggle').click();
  await app(host.page).locator('html[data-color-mode="light"]').waitFor({ state: 'attached' });
});
