import type { Page } from 'playwright-core';
import { simUser } from '../dev/jira-sim/users';
import { editIssue, invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import {
  app,
  appFrame,
  downloadCsv,
  PROJECTS_CSV_HEADER,
  setTheme,
  tableRowCount,
  tableRowIds,
  viewReady,
} from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

jest.setTimeout(90_000);

const host = setUpHostStack();

const RAID_URL = '/jira/apps/pmo-portfolio/raid';
const REGISTER_PAGE_SIZE = 20;

const reportOf = (portfolioId = 'all') =>
  invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId });

/** The heat map as the user sees it: `p-i` -> count, in DOM order (top row first). */
async function heatCounts(p: Page): Promise<[string, number][]> {
  return app(p)
    .getByTestId('raid-heatmap')
    .locator('[data-testid^="heat-cell-"]')
    .evaluateAll((cells) =>
      cells.map((cell) => [
        cell.getAttribute('data-testid')?.replace('heat-cell-', '') ?? '',
        Number(cell.getAttribute('data-count')),
      ]),
    );
}

/** The issue keys of the register's rows on the page shown, top to bottom. */
const registerKeys = (p: Page) => tableRowIds(p, 'risk-register', 'risk-row-');
const registerRowCount = (p: Page) => tableRowCount(p, 'risk-register');

function keysOfCsv(rows: string[][]): string[] {
  const [header, ...body] = rows;
  expect(header?.[0]).toBe('Key');
  return body.map((row) => row[0] ?? '');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });

test('the heat map and the register show exactly the report’s risks, and the page is axe-clean', async () => {
  await host.page.goto(`${host.stack.url}${RAID_URL}`);
  await app(host.page).getByRole('heading', { name: 'RAID log', level: 1 }).waitFor();
  await expect(host.page.getByTestId('nav-raid').getAttribute('aria-current')).resolves.toBe('page');
  await viewReady(host.page, 'raid');
  const report = await reportOf();
  expect(report.risks.length).toBeGreaterThan(REGISTER_PAGE_SIZE);
  expect(report.heatmap.total).toBeGreaterThan(0);

  // Probability 5 on top, impact 1..5 left to right; every count is the report's cells[p-1][i-1].
  const expected: [string, number][] = [];
  for (let p = 5; p >= 1; p--) {
    for (let i = 1; i <= 5; i++)
      expected.push([`${p}-${i}`, report.heatmap.cells[p - 1]?.[i - 1]?.count ?? -1]);
  }
  expect(await heatCounts(host.page)).toEqual(expected);

  // #14.3: owners read as people's names, never as account ids.
  const shownOwners = await app(host.page)
    .getByTestId('risk-register')
    .locator('.pmo-raid-owner')
    .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
  const ownerIds = new Set(report.risks.flatMap((risk) => (risk.owner ? [risk.owner] : [])));
  const ownerNames = new Set(report.risks.flatMap((risk) => (risk.ownerName ? [risk.ownerName] : [])));
  expect(shownOwners.length).toBeGreaterThan(0);
  expect(shownOwners.filter((text) => ownerIds.has(text))).toEqual([]);
  expect(shownOwners.every((text) => ownerNames.has(text))).toBe(true);
  const cell45 = app(host.page).getByTestId('heat-cell-4-5');
  const count45 = report.heatmap.cells[3]?.[4]?.count ?? -1;
  await expect(cell45.getAttribute('aria-label')).resolves.toBe(
    `Probability 4, impact 5: ${count45} ${count45 === 1 ? 'risk' : 'risks'}`,
  );

  // Cells are coloured by the report's level, with distinct colours per level.
  const levels = await app(host.page)
    .locator('[data-testid^="heat-cell-"]')
    .evaluateAll((cells) =>
      cells.map((cell) => ({
        id: cell.getAttribute('data-testid') ?? '',
        level: cell.getAttribute('data-level') ?? '',
        background: getComputedStyle(cell).backgroundColor,
        count: Number(cell.getAttribute('data-count')),
      })),
    );
  for (const { id, level } of levels) {
    const [p, i] = id.replace('heat-cell-', '').split('-').map(Number);
    expect(level).toBe(report.heatmap.cells[(p ?? 0) - 1]?.[(i ?? 0) - 1]?.level);
  }
  const backgroundOf = (level: string) =>
    new Set(levels.filter((l) => l.level === level && l.count > 0).map((l) => l.background));
  expect(backgroundOf('high').size).toBe(1);
  expect(backgroundOf('low').size).toBe(1);
  expect([...backgroundOf('high')][0]).not.toBe([...backgroundOf('low')][0]);

  // The register holds every risk, in the report's order (open first, highest score, key).
  expect(await registerRowCount(host.page)).toBe(report.risks.length);
  expect(await registerKeys(host.page)).toEqual(report.risks.slice(0, REGISTER_PAGE_SIZE).map((r) => r.key));
  for (const risk of report.risks.slice(0, REGISTER_PAGE_SIZE)) {
    const marker = app(host.page).getByTestId(`risk-estimated-${risk.key}`);
    await expect(marker.count()).resolves.toBe(risk.assumed ? 1 : 0);
  }
  const first = report.risks[0];
  if (!first) throw new Error('no risk');
  const firstRow = app(host.page).getByTestId(`risk-row-${first.key}`);
  await expect(firstRow.locator('td').nth(4).textContent()).resolves.toBe(String(first.probability));
  await expect(firstRow.locator('td').nth(5).textContent()).resolves.toContain(String(first.impact));
  await expect(firstRow.locator('td').nth(6).textContent()).resolves.toContain(String(first.score));

  // The logs hold the report's entries.
  for (const kind of ['assumptions', 'issues', 'decisions'] as const) {
    await expect(app(host.page).getByTestId(`raid-log-${kind}`).getAttribute('data-rows')).resolves.toBe(
      String(report.raid[kind].length),
    );
  }
  await app(host.page).getByTestId('data-freshness').waitFor();

  await screenshot(host.page, 'raid-pmo-lead');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('a heat-map cell filters the register to exactly its risks, by mouse and by keyboard', async () => {
  const report = await reportOf();
  const cells = report.heatmap.cells
    .flat()
    .filter((cell) => cell.count > 1 && cell.count <= REGISTER_PAGE_SIZE);
  const cell = cells.sort((a, b) => b.count - a.count)[0];
  if (!cell) throw new Error('no heat-map cell with several risks');
  const button = app(host.page).getByTestId(`heat-cell-${cell.probability}-${cell.impact}`);
  const expectedKeys = report.risks.filter((risk) => cell.keys.includes(risk.key)).map((risk) => risk.key);
  expect([...expectedKeys].sort()).toEqual([...cell.keys].sort());

  await button.click();
  await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
  await app(host.page).getByTestId('heat-filter-clear').waitFor();
  expect(await registerRowCount(host.page)).toBe(cell.count);
  expect(await registerKeys(host.page)).toEqual(expectedKeys);
  for (const key of expectedKeys) {
    const risk = report.risks.find((r) => r.key === key);
    expect(risk).toMatchObject({ probability: cell.probability, impact: cell.impact, open: true });
  }
  await expect(app(host.page).getByTestId('register-count').textContent()).resolves.toContain(
    `probability ${cell.probability} and impact ${cell.impact}`,
  );
  await app(host.page).getByTestId('risk-register').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'raid-filtered');

  await app(host.page).getByTestId('heat-filter-clear').click();
  await expect(app(host.page).getByTestId('heat-filter-clear').count()).resolves.toBe(0);
  expect(await registerRowCount(host.page)).toBe(report.risks.length);
  await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');

  // Keyboard: Enter filters, arrows move between cells, Space on the same cell clears.
  await button.focus();
  await host.page.keyboard.press('Enter');
  expect(await registerKeys(host.page)).toEqual(expectedKeys);
  await host.page.keyboard.press('Space');
  expect(await registerRowCount(host.page)).toBe(report.risks.length);
  await button.focus();
  const left = Math.max(1, cell.impact - 1);
  await host.page.keyboard.press('ArrowLeft');
  await expect(
    appFrame(host.page).evaluate(() => document.activeElement?.getAttribute('data-testid')),
  ).resolves.toBe(`heat-cell-${cell.probability}-${left}`);
  // Only one cell is a tab stop.
  await expect(app(host.page).locator('[data-testid^="heat-cell-"][tabindex="0"]').count()).resolves.toBe(1);
});

test('the register sorts by a column, both ways, and exports exactly the rows shown', async () => {
  const report = await reportOf();
  const table = app(host.page).getByRole('table', { name: 'Risk register' });
  await table.getByRole('button', { name: 'Score' }).click();
  const ascending = [...report.risks].sort((a, b) => a.score - b.score).map((r) => r.key);
  expect(await registerKeys(host.page)).toEqual(ascending.slice(0, REGISTER_PAGE_SIZE));
  await table.getByRole('button', { name: 'Score' }).click();
  const descending = [...report.risks].sort((a, b) => b.score - a.score).map((r) => r.key);
  expect(await registerKeys(host.page)).toEqual(descending.slice(0, REGISTER_PAGE_SIZE));

  // The export holds every row of the register (all pages), in the order shown.
  const all = await downloadCsv(host.page, 'csv-export-register');
  expect(all.name).toMatch(/^pmo-risks-all-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(keysOfCsv(all.rows)).toEqual(descending);
  const header = all.rows[0] ?? [];
  const byKey = new Map(report.risks.map((r) => [r.key, r]));
  for (const row of all.rows.slice(1, 30)) {
    const risk = byKey.get(row[0] ?? '');
    expect(row[header.indexOf('Score')]).toBe(String(risk?.score));
    expect(row[header.indexOf('Estimated')]).toBe(risk?.assumed ? 'yes' : 'no');
  }

  await table.getByRole('button', { name: 'Key' }).click();
  const byKeyAsc = [...report.risks].sort((a, b) => collator.compare(a.key, b.key)).map((r) => r.key);
  expect(await registerKeys(host.page)).toEqual(byKeyAsc.slice(0, REGISTER_PAGE_SIZE));

  // Filtered: the export is the cell's risks, in the sort chosen.
  const cell = report.heatmap.cells.flat().find((c) => c.count > 1);
  if (!cell) throw new Error('no heat-map cell with several risks');
  await app(host.page).getByTestId(`heat-cell-${cell.probability}-${cell.impact}`).click();
  const filtered = await downloadCsv(host.page, 'csv-export-register');
  expect(keysOfCsv(filtered.rows)).toEqual(byKeyAsc.filter((key) => cell.keys.includes(key)));
  expect(keysOfCsv(filtered.rows)).toEqual(await registerKeys(host.page));
  await app(host.page).getByTestId('heat-filter-clear').click();

  // A log's export: its entries in the report's order.
  await app(host.page)
    .getByRole('tab', { name: /Decisions/ })
    .click();
  await app(host.page).getByTestId('raid-log-decisions').getByRole('table').waitFor();
  await app(host.page).getByTestId('raid-log-decisions').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'raid-logs');
  const decisions = await downloadCsv(host.page, 'csv-export-decisions');
  expect(keysOfCsv(decisions.rows)).toEqual(report.raid.decisions.map((entry) => entry.key));
  // The seed has no RAID "Issue" type: that tab says what to configure.
  await app(host.page)
    .getByRole('tab', { name: /Issues/ })
    .click();
  if (report.raid.issues.length === 0) {
    await app(host.page)
      .getByTestId('raid-log-issues')
      .getByText(/by default, “Issue”/)
      .waitFor();
  }
  await app(host.page)
    .getByRole('tab', { name: /Assumptions/ })
    .click();
});

test('the picker switches to a category portfolio: the RAID log and the overview show only its projects', async () => {
  const { portfolios } = await invoke(host.stack, 'listPortfolios', 'sim-pmo', {});
  const all = portfolios.find((p) => p.id === 'all');
  const category = portfolios
    .filter(
      (p) => p.id.startsWith('category:') && p.projectCount > 0 && p.projectCount < (all?.projectCount ?? 0),
    )
    .sort((a, b) => a.projectCount - b.projectCount)[0];
  if (!category) throw new Error('no category portfolio in the seed');
  const report = await reportOf(category.id);
  const keys = new Set(report.projects.map((p) => p.key));
  expect(keys.size).toBe(category.projectCount);

  const picker = app(host.page).getByTestId('portfolio-picker');
  await expect(picker.inputValue()).resolves.toBe('all');
  await picker.selectOption(category.id);
  await app(host.page)
    .locator(`[data-testid="raid-heatmap"][data-total="${report.heatmap.total}"]`)
    .waitFor();
  await viewReady(host.page, 'raid');
  expect(await registerRowCount(host.page)).toBe(report.risks.length);
  expect(await heatCounts(host.page)).toEqual(
    [5, 4, 3, 2, 1].flatMap((p) =>
      [1, 2, 3, 4, 5].map((i) => [`${p}-${i}`, report.heatmap.cells[p - 1]?.[i - 1]?.count ?? -1]),
    ),
  );
  // The register keeps the sort chosen before (by key).
  const shown = await downloadCsv(host.page, 'csv-export-register');
  expect(shown.name).toContain(category.id.replace(':', '-'));
  expect(keysOfCsv(shown.rows)).toEqual(report.risks.map((r) => r.key).sort(collator.compare));
  for (const row of shown.rows.slice(1)) expect(keys.has(row[2] ?? '')).toBe(true);

  // The overview lists the category's projects only, and says so.
  await app(host.page).getByRole('link', { name: 'Overview' }).click();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/overview');
  const projectTable = app(host.page).getByRole('table', { name: 'Projects in the portfolio' });
  await projectTable.waitFor();
  await app(host.page).getByTestId('portfolio-scope-note').waitFor();
  const listed = async () =>
    (
      await projectTable
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => row.getAttribute('data-testid')?.replace(/^project-row-/, '') ?? ''),
        )
    ).sort();
  expect(await listed()).toEqual([...keys].sort());
  await expect(app(host.page).getByTestId('kpi-projects').locator('dd').textContent()).resolves.toBe(
    String(keys.size),
  );
  const projectsCsv = await downloadCsv(host.page, 'csv-export-projects');
  expect(keysOfCsv(projectsCsv.rows).sort()).toEqual([...keys].sort());
  expect(projectsCsv.rows[0]).toEqual(PROJECTS_CSV_HEADER);
  await app(host.page).getByTestId('report-freshness').waitFor();
  await screenshot(host.page, 'portfolio-category-overview');

  // The choice survives a reload.
  await host.page.reload();
  await projectTable.waitFor();
  await expect(app(host.page).getByTestId('portfolio-picker').inputValue()).resolves.toBe(category.id);
  await app(host.page).getByTestId('report-freshness').waitFor();
  await app(host.page).getByTestId('portfolio-scope-note').waitFor();
  expect(await listed()).toEqual([...keys].sort());

  // Back to every project.
  await app(host.page).getByTestId('portfolio-picker').selectOption('all');
  await app(host.page).getByTestId('portfolio-scope-note').waitFor({ state: 'detached' });
  await app(host.page).locator('[data-refreshing="false"]').first().waitFor();
  expect((await listed()).length).toBe(all?.projectCount);
});

test('deep link, the app’s tabs and the back button', async () => {
  await host.page.goto(`${host.stack.url}${RAID_URL}`);
  await app(host.page).getByRole('heading', { name: 'RAID log', level: 1 }).waitFor();
  await app(host.page).getByTestId('raid-heatmap').waitFor();
  await app(host.page).getByRole('link', { name: 'Overview' }).click();
  await host.page.waitForURL('**/jira/apps/pmo-portfolio/overview');
  await app(host.page).getByRole('heading', { name: 'Portfolio overview', level: 1 }).waitFor();
  await host.page.goBack();
  await host.page.waitForURL(`**${RAID_URL}`);
  await app(host.page).getByTestId('raid-heatmap').waitFor();
  await expect(host.page.getByTestId('nav-raid').getAttribute('aria-current')).resolves.toBe('page');
});

test('the dark theme: readable heat map and register, axe-clean', async () => {
  await host.page.goto(host.url(RAID_URL));
  await viewReady(host.page, 'raid');
  await setTheme(host.page, 'dark');
  await app(host.page).getByTestId('raid-heatmap').waitFor();
  await screenshot(host.page, 'raid-pmo-lead-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await setTheme(host.page, 'light');
});

test('a risk summary holding HTML is shown as text, never run', async () => {
  await host.page.goto(host.url(RAID_URL));
  await viewReady(host.page, 'raid');
  const report = await reportOf();
  const target = report.risks.find((risk) => risk.summary !== null);
  if (!target) throw new Error('no risk with a summary');
  const payload = '<img src=x onerror=alert(1)>';
  await editIssue(host.stack, simUser('admin'), target.key, { summary: payload });

  // Refresh recomputes the report; the register shows the new summary as text.
  await app(host.page).getByTestId('refresh').click();
  const row = app(host.page).getByTestId(`risk-row-${target.key}`);
  await row.getByText(payload, { exact: true }).waitFor();
  await expect(row.locator('img').count()).resolves.toBe(0);
  await expect(app(host.page).locator('img[src="x"]').count()).resolves.toBe(0);
  await screenshot(host.page, 'raid-xss-summary');
  expect(host.dialogs).toEqual([]);
});
