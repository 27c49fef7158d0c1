import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browsableProjectKeys, invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, appFrame, downloadCsv, PROJECTS_CSV_HEADER, switchUser } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

jest.setTimeout(60_000);

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

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
  await page.goto(`${stack.url}/`);
  expect(new URL(page.url()).pathname).toBe('/jira/apps/pmo-portfolio/overview');
  await expect(page.title()).resolves.toBe('PMO Portfolio - Jira');
  await expect(page.getByTestId('user-switcher').inputValue()).resolves.toBe('sim-pmo');

  const expected = await browsableProjectKeys(stack, 'sim-pmo');
  expect(expected).toHaveLength(stack.sim.dataset.projects.length);
  expect(await keysShown(page)).toEqual(expected);

  // The totals the user reads are the resolver's.
  const { projects } = await invoke(stack, 'listProjects', 'sim-pmo', {});
  const keyColumn = await columnIndex(page, 'Key');
  const totalColumn = await columnIndex(page, 'Total');
  const shown = await projectTable(page)
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

  const frame = appFrame(page);

  // The Health column shows, for every project, the RAG of the resolver's portfolio report.
  await expect(columnIndex(page, 'Health')).resolves.toBe(1);
  const report = await invoke(stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const expectedRags = Object.fromEntries(report.projects.map((p) => [p.key, p.health.rag]));
  expect(Object.keys(expectedRags).sort()).toEqual(expected);
  expect(Object.values(expectedRags)).toContain('red');
  await frame.waitForFunction(
    (keys) => keys.every((key) => document.querySelector(`[data-testid="health-${key}"][data-rag]`)),
    expected,
  );
  const shownRags = await projectTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const key = row.getAttribute('data-testid')?.replace(/^project-row-/, '') ?? '';
        return [key, row.querySelector(`[data-testid="health-${key}"]`)?.getAttribute('data-rag') ?? ''];
      }),
    );
  expect(Object.fromEntries(shownRags)).toEqual(expectedRags);

  // The report's time is shown beside the list's, and the CSV export holds every listed project.
  await app(page).getByTestId('report-freshness').waitFor();
  const [header, ...rows] = (await downloadCsv(page, 'csv-export-projects')).rows;
  expect(header).toEqual(PROJECTS_CSV_HEADER);
  expect(rows.map((row) => row[0]).sort()).toEqual(expected);

  await screenshot(page, 'portfolio-pmo-lead');
  const violations = seriousOrWorse(await runAxe(frame));
  expect(violations).toEqual([]);
  const hostViolations = seriousOrWorse(await runAxe(page.mainFrame(), { iframes: false }));
  expect(hostViolations).toEqual([]);
});

test('a project link opens the project in Jira in a new tab (router.open)', async () => {
  const project = stack.sim.dataset.projects[0];
  if (!project) throw new Error('empty dataset');
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    projectTable(page).getByRole('link', { name: project.name, exact: true }).click(),
  ]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(`/jira/browse/${project.key}`);
  await opened.getByRole('heading', { name: `${project.name} issues` }).waitFor();
  const rows = await opened.getByTestId('project-issues').locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  await opened.close();
});

test('sub-pages follow the sidebar, deep links and the back button', async () => {
  await page
    .getByRole('navigation', { name: 'PMO Portfolio' })
    .getByRole('link', { name: 'Dependencies' })
    .click();
  await page.waitForURL('**/jira/apps/pmo-portfolio/dependencies');
  await app(page).getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor();
  await expect(page.getByTestId('nav-dependencies').getAttribute('aria-current')).resolves.toBe('page');

  // The app's own tabs push to the same history.
  await app(page).getByRole('link', { name: 'RAID' }).click();
  await page.waitForURL('**/jira/apps/pmo-portfolio/raid');
  await app(page).getByRole('heading', { name: 'RAID log', level: 1 }).waitFor();

  await page.goBack();
  await page.waitForURL('**/jira/apps/pmo-portfolio/dependencies');
  await app(page).getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor();
  await page.goBack();
  await page.waitForURL('**/jira/apps/pmo-portfolio/overview');
  await projectTable(page).waitFor();

  await page.goto(`${stack.url}/jira/apps/pmo-portfolio/compliance`);
  await app(page).getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
  await expect(page.getByTestId('nav-compliance').getAttribute('aria-current')).resolves.toBe('page');
});

test('the outsider sees the empty state and no project', async () => {
  await page.goto(`${stack.url}/jira/apps/pmo-portfolio/overview`);
  await switchUser(page, 'sim-outsider');
  await expect(page.getByTestId('user-switcher').inputValue()).resolves.toBe('sim-outsider');
  expect(await browsableProjectKeys(stack, 'sim-outsider')).toEqual([]);

  await app(page).getByText("You can't browse any projects in this portfolio").waitFor();
  await expect(projectTable(page).count()).resolves.toBe(0);
  for (const project of stack.sim.dataset.projects) {
    await expect(app(page).getByText(project.key, { exact: true }).count()).resolves.toBe(0);
  }
  await screenshot(page, 'portfolio-outsider');
});

test('a team member sees exactly their three projects', async () => {
  await switchUser(page, 'sim-team');
  const expected = await browsableProjectKeys(stack, 'sim-team');
  expect(expected).toHaveLength(3);
  expect(await keysShown(page)).toEqual(expected);
  expect((await invoke(stack, 'listProjects', 'sim-team', {})).projects.map((p) => p.key).sort()).toEqual(
    expected,
  );
  await screenshot(page, 'portfolio-team-member');
});

test('the dark theme reaches the app', async () => {
  await switchUser(page, 'sim-pmo');
  await projectTable(page).waitFor();
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
  await app(page).locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
  await screenshot(page, 'portfolio-pmo-lead-dark');
  // ... and stays after a reload (cookie).
  await page.reload();
  await app(page).locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
  await projectTable(page).waitFor();
  await page.getByTestId('theme-toggle').click();
  await app(page).locator('html[data-color-mode="light"]').waitFor({ state: 'attached' });
});

test('no page error or console error on the way', () => {
  expect(errors).toEqual([]);
});
