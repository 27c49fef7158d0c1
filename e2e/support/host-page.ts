import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { BrowserContext, Frame, FrameLocator, Page, Route } from 'playwright-core';

/** The Custom UI app of a full page in the host (portfolio pages and the admin page). */
export const app = (page: Page): FrameLocator => page.frameLocator('[data-testid="app-frame"]');

/** The issue panel's app in the host's issue view. */
export const panel = (page: Page): FrameLocator => page.frameLocator('[data-testid="panel-frame"]');

/** The frame of one Custom UI app (`portfolio`, `admin`, `issue-panel`), for what needs a Frame (axe). */
export function appFrame(page: Page, entry: 'portfolio' | 'admin' | 'issue-panel' = 'portfolio'): Frame {
  const frame = page.frame({ url: new RegExp(`/apps/${entry}/`) });
  if (!frame) throw new Error(`no ${entry} frame`);
  return frame;
}

/** Acts as another user with the host's switcher (the page reloads), unless already acting as them. */
export async function switchUser(page: Page, accountId: string): Promise<void> {
  const switcher = page.getByTestId('user-switcher');
  // Choosing the user already chosen changes nothing, so no load would come.
  if ((await switcher.inputValue()) === accountId) return;
  await Promise.all([page.waitForEvent('load'), switcher.selectOption(accountId)]);
}

/** Switches the host's theme and waits until the host page and every app frame shown use it. */
export async function setTheme(page: Page, mode: 'light' | 'dark'): Promise<void> {
  const current = await page.locator('html').getAttribute('data-color-mode');
  if (current !== mode) await page.getByTestId('theme-toggle').click();
  await page.locator(`html[data-color-mode="${mode}"]`).waitFor({ state: 'attached' });
  for (const frame of page.frames()) {
    if (frame !== page.mainFrame() && /\/apps\//.test(frame.url())) {
      await frame.locator(`html[data-color-mode="${mode}"]`).waitFor({ state: 'attached' });
    }
  }
}

/** Waits until a view (`<view>-content`) shows its report and is not reloading it. */
export async function viewReady(page: Page, view: string): Promise<void> {
  await app(page).locator(`[data-testid="${view}-content"][data-refreshing="false"]`).waitFor();
}

/** The test ids of a table's body rows on the page shown, top to bottom, each without `rowPrefix`. */
export async function tableRowIds(page: Page, table: string, rowPrefix: string): Promise<string[]> {
  return app(page)
    .getByTestId(table)
    .locator(`tbody tr[data-testid^="${rowPrefix}"]`)
    .evaluateAll(
      (rows, prefix) => rows.map((row) => row.getAttribute('data-testid')?.slice(prefix.length) ?? ''),
      rowPrefix,
    );
}

/** How many rows a paged table holds in all (its `data-rows`), not only those on the page shown. */
export async function tableRowCount(page: Page, table: string): Promise<number> {
  return Number(await app(page).getByTestId(table).getAttribute('data-rows'));
}

/** Clicks an export button in the app and answers the downloaded file's name and text (BOM removed). */
export async function downloadText(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).getByTestId(testId).click(),
  ]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), text };
}

/** Clicks an export button in the app and answers the downloaded CSV's rows (header first). */
export async function downloadCsv(page: Page, testId: string): Promise<{ name: string; rows: string[][] }> {
  const { name, text } = await downloadText(page, testId);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { name, rows: parsed.data };
}

/** The header row of the portfolio's projects CSV, which spreadsheets built on the export rely on. */
export const PROJECTS_CSV_HEADER = [
  'Key',
  'Project',
  'Category',
  'Health',
  'Health reason',
  'Computed health',
  'Computed reason',
  'Override set by',
  'Override set at',
  'Override until',
  'To Do',
  'In progress',
  'Done',
  'Total',
  'Schedule variance (days)',
  'Scope change (%)',
] as const;

/**
 * Holds the requests to `url` (a glob) until `release()`, to see what the app shows while it waits;
 * `stop()` releases them and lets later ones through.
 */
export async function holdRequests(
  target: Page | BrowserContext,
  url: string,
): Promise<{ release: () => void; stop: () => Promise<void> }> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const hold = async (route: Route) => {
    await held;
    await route.continue();
  };
  await target.route(url, hold);
  return {
    release,
    stop: async () => {
      release();
      await target.unroute(url, hold);
    },
  };
}
