import { readFile } from 'node:fs/promises';
import { type BackfillStatus, BackfillStatusSchema } from '../src/domain/history/backfill-status';
import { addDays } from '../src/domain/history/calendar';
import type { PortfolioReport } from '../src/domain/portfolio/schema';
import { backfillKeys } from '../src/services/history/backfill-records';
import { invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { seedPastDays } from './support/history-seed';
import { app, appFrame, setTheme, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

/**
 * The Trends page (#15) as a PMO lead uses it: the portfolio's red / amber / green counts over
 * time, a sparkline per project in the overview, what changed since a day, a project's trend with
 * the record of any past day as computed then, reconstructed days marked, and the history CSV.
 */

jest.setTimeout(120_000);

const host = setUpHostStack({ user: 'sim-pmo' });
let today: string;
let report: PortfolioReport;
/** A project red or amber today that was green in the seeded past. */
let worsened: { key: string; name: string; rag: string };

/**
 * Gives the portfolio a past: the 20 days before today copy today's record, except that `worsened`
 * was green until 8 days ago; the oldest 6 days are marked reconstructed (as a backfill writes them).
 */
async function seedHistory(): Promise<void> {
  await seedPastDays(host.stack, today, 20, (record, back) => {
    record.reconstructed = back > 14;
    const row = record.projects[worsened.key];
    if (row && back >= 8) {
      row[0] = 'g';
      row[1] = 'g';
      row[2] = row[2].map((indicator) => (indicator ? [indicator[0], 'g'] : null));
      record.reasons = { ...record.reasons, [worsened.key]: {} };
    }
  });
}

beforeAll(async () => {
  report = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const history = await invoke(host.stack, 'getPortfolioHistory', 'sim-pmo', {
    portfolioId: 'all',
  });
  today = history.to;
  const target = report.projects.find(
    (project) => project.health.rag === 'red' || project.health.rag === 'amber',
  );
  if (!target) throw new Error('no red or amber project to watch');
  worsened = { key: target.key, name: target.name, rag: target.health.rag };
  await seedHistory();
  // The seeded past stands for the history: the backfill the first refresh queued is not needed.
  await setBackfill((status) => ({ ...status, state: 'skipped' }));
});

/** Rewrites the backfill's status record (as its jobs do), so the page's notice can be checked. */
async function setBackfill(change: (status: BackfillStatus) => BackfillStatus): Promise<void> {
  const store = host.stack.wiring.localApp.deps.store;
  const key = backfillKeys('all').status;
  const status = BackfillStatusSchema.parse(await store.get(key));
  await store.set(key, change(status));
}

/** Opens the Trends page and waits for the history (each test stands on its own). */
async function openTrends(): Promise<void> {
  await host.page.goto(`${host.stack.url}/jira/apps/pmo-portfolio/trends`);
  await app(host.page).getByTestId('portfolio-rag-summary').waitFor();
}

test("the trends page draws the portfolio's health over time with the same counts as the overview", async () => {
  await openTrends();
  const caption = app(host.page).getByTestId('portfolio-rag-summary');
  const { red, amber, green } = report.summary.rag;
  await expect(caption.textContent()).resolves.toContain(
    `On ${today}: ${red} red, ${amber} amber, ${green} green.`,
  );
  await expect(caption.textContent()).resolves.toContain(
    `Days from ${addDays(today, -20)} to ${addDays(today, -15)} were reconstructed`,
  );
  await app(host.page).locator('[data-testid="portfolio-rag-chart"] .recharts-area').first().waitFor();
  await screenshot(host.page, 'trends-pmo-lead');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('what changed since a day names the project that got worse, with the indicators behind it', async () => {
  await openTrends();
  await app(host.page).getByTestId('changes-since-date').fill(addDays(today, -10));
  const change = app(host.page).getByTestId(`rag-change-${worsened.key}`);
  await change.waitFor();
  const text = (await change.textContent()) ?? '';
  expect(text).toContain(worsened.name);
  expect(text).toMatch(new RegExp(`Green\\s*→\\s*${worsened.rag === 'red' ? 'Red' : 'Amber'}`));
  // Only that project changed in the seeded past.
  await expect(app(host.page).getByTestId('changes-rag').getAttribute('data-count')).resolves.toBe('1');
  // A week ago it was already as it is today: no health change (work may have become overdue since).
  await app(host.page).getByTestId('changes-since-week').click();
  await app(host.page)
    .getByText(`What changed since ${addDays(today, -7)}`)
    .waitFor();
  await app(host.page).getByTestId('changes-rag').waitFor({ state: 'detached' });
});

test("a project's trend opens the record of a past day as it was computed then", async () => {
  await openTrends();
  await app(host.page).getByTestId('project-trend-select').selectOption(worsened.key);
  await app(host.page).getByTestId('project-trend-chart').waitFor();
  const record = app(host.page).getByTestId('day-record');
  await expect(record.textContent()).resolves.toContain(`${worsened.name} on ${today}`);
  await app(host.page).getByTestId('day-record-select').selectOption(addDays(today, -12));
  await expect(record.textContent()).resolves.toContain(`on ${addDays(today, -12)}`);
  await expect(app(host.page).getByTestId('day-indicator-schedule').textContent()).resolves.toContain(
    'Green',
  );
  await app(host.page).getByTestId('day-record-select').selectOption(addDays(today, -18));
  await app(host.page).getByTestId('day-record-reconstructed').waitFor();
  await app(host.page).getByTestId('project-trend-chart').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'trends-project-record');
});

test('the history exports as CSV, a row per project and recorded day', async () => {
  await openTrends();
  const [download] = await Promise.all([
    host.page.waitForEvent('download'),
    app(host.page).getByTestId('csv-export-history').click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(/^Day,Project key,Project,RAG,Computed RAG/);
  expect(lines).toHaveLength(1 + 21 * report.projects.length);
  expect(lines.filter((line) => line.startsWith(`${addDays(today, -12)},${worsened.key},`))[0]).toContain(
    ',green,',
  );
});

test('the overview shows each project as a sparkline of its last twelve weeks', async () => {
  await host.page.goto(`${host.stack.url}/jira/apps/pmo-portfolio/overview`);
  const sparkline = app(host.page).getByTestId(`trend-${worsened.key}`);
  await sparkline.waitFor();
  const label = (await sparkline.getAttribute('aria-label')) ?? '';
  expect(label).toContain('13 green');
  expect(label).toContain(`latest ${worsened.rag}`);
  await screenshot(host.page, 'overview-sparklines');
});

test('an admin sets a baseline with a note; it is listed, marked on the trend, and the variance starts at zero', async () => {
  await openTrends();
  await switchUser(host.page, 'sim-admin');
  try {
    await openTrends();
    await app(host.page).getByTestId('project-trend-select').selectOption(worsened.key);
    await app(host.page).getByTestId('baseline-none').waitFor();
    await app(host.page).getByTestId('baseline-note').fill('Plan of record after the steering committee');
    await app(host.page).getByTestId('baseline-set').click();
    const list = app(host.page).getByTestId('baseline-list');
    await list.waitFor();
    await expect(list.textContent()).resolves.toContain('Plan of record after the steering committee');
    await expect(app(host.page).getByTestId('baseline-variance').textContent()).resolves.toContain(
      'The forecast finish is where the baseline put it.',
    );
    await app(host.page).getByTestId('baselines').scrollIntoViewIfNeeded();
    await screenshot(host.page, 'trends-baselines-admin');
    expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
    // The PMO lead sees it, without the form (settings editors set baselines).
    await switchUser(host.page, 'sim-pmo');
    await openTrends();
    await app(host.page).getByTestId('project-trend-select').selectOption(worsened.key);
    await app(host.page).getByTestId('baseline-list').waitFor();
    await expect(app(host.page).getByTestId('baseline-set').count()).resolves.toBe(0);
    await expect(app(host.page).getByTestId('project-trend-markers').textContent()).resolves.toContain(
      'Baseline set: Plan of record after the steering committee',
    );
  } finally {
    await switchUser(host.page, 'sim-pmo');
  }
});

test('while the history is being reconstructed, the page says how far it got', async () => {
  await setBackfill((status) => ({ ...status, state: 'reading', batches: 5, batchesRead: 2, points: 1234 }));
  try {
    await openTrends();
    const notice = app(host.page).getByTestId('history-backfill');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(
      "Reading Jira's issue history: 2 of 5 batches (1,234 Jira points so far).",
    );
  } finally {
    await setBackfill((status) => ({ ...status, state: 'skipped' }));
  }
  await openTrends();
  await expect(app(host.page).getByTestId('history-backfill').count()).resolves.toBe(0);
});

test('the dark theme: readable charts, axe-clean', async () => {
  await openTrends();
  await setTheme(host.page, 'dark');
  await app(host.page).getByTestId('project-trend-chart').waitFor();
  await screenshot(host.page, 'trends-pmo-lead-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await setTheme(host.page, 'light');
});
