import type { Page } from 'playwright-core';
import type { PortfolioReport } from '../src/domain/portfolio/schema';
import { invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame, setTheme, tableRowCount } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

/**
 * Filters and sorting in the URL (deep links restore them, back and forward step through them) and saved
 * views: one user saves, applies, renames and deletes a view; another user never sees it.
 */

jest.setTimeout(120_000);

const host = setUpHostStack({ user: 'sim-pmo' });
let report: PortfolioReport;

const BASE = '/jira/apps/pmo-portfolio';

beforeAll(async () => {
  report = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
});

async function registerRows(p: Page): Promise<number> {
  await app(p).locator('[data-testid="raid-content"][data-refreshing="false"]').waitFor();
  return tableRowCount(p, 'risk-register');
}

async function waitForRows(p: Page, rows: number) {
  await appFrame(p).waitForFunction(
    (n) => document.querySelector('[data-testid="risk-register"]')?.getAttribute('data-rows') === String(n),
    rows,
  );
}

/** The busiest heat-map cell: the filter the tests deep-link to. */
function busiestCell() {
  const cell = report.heatmap.cells
    .flat()
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)[0];
  if (!cell) throw new Error('no risk in the heat map');
  return cell;
}

test('a deep link restores a view’s filter and sort; back and forward step through changes', async () => {
  const cell = busiestCell();
  const query = `?p=${cell.probability}&i=${cell.impact}&sort=key&order=desc`;
  await host.page.goto(`${host.stack.url}${BASE}/raid${query}`);
  await waitForRows(host.page, cell.count);
  expect(await registerRows(host.page)).toBe(cell.count);
  await expect(
    app(host.page).getByTestId(`heat-cell-${cell.probability}-${cell.impact}`).getAttribute('aria-pressed'),
  ).resolves.toBe('true');
  const keys = await app(host.page)
    .locator('[data-testid="risk-register"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')?.replace(/^risk-row-/, '') ?? ''));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });
  expect(keys).toEqual([...cell.keys].sort((a, b) => collator.compare(b, a)).slice(0, keys.length));

  // Clearing the filter pushes an entry; back restores the filter, forward clears it again.
  await app(host.page).getByTestId('heat-filter-clear').click();
  await host.page.waitForURL((url) => url.search === '?sort=key&order=desc');
  await expect(app(host.page).getByTestId('heat-filter-clear').count()).resolves.toBe(0);
  await host.page.goBack();
  await host.page.waitForURL((url) => url.search === query);
  await waitForRows(host.page, cell.count);
  await host.page.goForward();
  await host.page.waitForURL((url) => url.search === '?sort=key&order=desc');

  // Gates: "only not ready" from the URL, counted against the report.
  const gates = report.compliance?.gates ?? [];
  await host.page.goto(`${host.stack.url}${BASE}/gates?notReady=1`);
  const checkbox = app(host.page).getByTestId('gates-only-not-ready');
  await checkbox.waitFor();
  await expect(checkbox.isChecked()).resolves.toBe(true);
  // Shown: gated issues that need attention (a gate passed unticked, or the next one not ready).
  const needAttention = gates.filter(
    (gate) => gate.missedGates.length > 0 || (gate.nextGate !== null && !gate.nextGate.ready),
  ).length;
  await expect(app(host.page).getByTestId('gates-table').getAttribute('data-rows')).resolves.toBe(
    String(needAttention),
  );
  await checkbox.click();
  await host.page.waitForURL((url) => url.pathname === `${BASE}/gates` && url.search === '');
  await expect(app(host.page).getByTestId('gates-table').getAttribute('data-rows')).resolves.toBe(
    String(gates.length),
  );
});

test('a saved view round-trips for its owner and is invisible to another user', async () => {
  const cell = busiestCell();
  const query = `?p=${cell.probability}&i=${cell.impact}`;
  await host.page.goto(`${host.stack.url}${BASE}/raid${query}`);
  await waitForRows(host.page, cell.count);

  await app(host.page).getByTestId('saved-views-toggle').click();
  await app(host.page).getByTestId('saved-views-empty').waitFor();
  await app(host.page).getByTestId('saved-view-name').fill('Hot risks');
  await app(host.page).getByTestId('saved-view-save').click();
  await app(host.page).getByTestId('saved-view-Hot risks').waitFor();
  await screenshot(host.page, 'saved-views-light');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);

  // Stored for this user, through the resolver.
  const mine = await invoke(host.stack, 'listSavedViews', 'sim-pmo', {});
  expect(mine.views.map((v) => [v.route, v.name, v.query])).toEqual([['raid', 'Hot risks', query]]);

  // A second view of the same name is refused with the resolver's message.
  await app(host.page).getByTestId('saved-view-name').fill('hot RISKS');
  await app(host.page).getByTestId('saved-view-save').click();
  await expect(app(host.page).getByTestId('saved-views-problem').textContent()).resolves.toContain(
    'You already have a view named',
  );

  // Apply it from the unfiltered page: the URL and the register come back.
  await host.page.goto(`${host.stack.url}${BASE}/raid`);
  await app(host.page).getByTestId('saved-views-toggle').click();
  await app(host.page).getByTestId('saved-view-apply-Hot risks').click();
  await host.page.waitForURL((url) => url.search === query);
  await waitForRows(host.page, cell.count);

  // Rename it.
  await app(host.page).getByTestId('saved-view-rename-Hot risks').click();
  await app(host.page).getByTestId('saved-view-rename-input-Hot risks').fill('Top cell');
  await app(host.page).getByTestId('saved-view-rename-save').click();
  await app(host.page).getByTestId('saved-view-Top cell').waitFor();
  const renamed = await invoke(host.stack, 'listSavedViews', 'sim-pmo', {});
  expect(renamed.views.map((v) => v.name)).toEqual(['Top cell']);

  // Another user sees none of it, in the resolver's answer or on the page; the other page has its own.
  const theirs = await invoke(host.stack, 'listSavedViews', 'sim-team', {});
  expect(theirs.views).toEqual([]);
  await Promise.all([
    host.page.waitForEvent('load'),
    host.page.getByTestId('user-switcher').selectOption('sim-team'),
  ]);
  await app(host.page).getByTestId('saved-views-toggle').click();
  await app(host.page).getByTestId('saved-views-empty').waitFor();
  await Promise.all([
    host.page.waitForEvent('load'),
    host.page.getByTestId('user-switcher').selectOption('sim-pmo'),
  ]);

  // Dark theme, then delete.
  await setTheme(host.page, 'dark');
  await app(host.page).getByTestId('saved-views-toggle').click();
  await app(host.page).getByTestId('saved-view-Top cell').waitFor();
  await screenshot(host.page, 'saved-views-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await app(host.page).getByTestId('saved-view-delete-Top cell').click();
  await app(host.page).getByTestId('saved-views-empty').waitFor();
  expect((await invoke(host.stack, 'listSavedViews', 'sim-pmo', {})).views).toEqual([]);
  await setTheme(host.page, 'light');
});
