import type { Browser, BrowserContext, Page } from 'playwright-core';
import { INDICATOR_LABEL } from '../src/domain/health/indicator-labels';
import { addDays } from '../src/domain/history/calendar';
import type { DayRecord } from '../src/domain/history/day-record';
import { readProjectDays, readSummaries, storeDay } from '../src/services/history/history-store';
import { invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, appFrame, setTheme } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

/**
 * The overview's per-indicator sparklines (#15): a project's health sparkline opens, from the
 * keyboard, one sparkline per indicator over the same twelve weeks, each with a text alternative
 * that counts the days the resolver answers.
 */

jest.setTimeout(120_000);

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** A project whose first indicator was green in the seeded past and is not green today. */
let watched: { key: string; name: string };

/** The 10 days before today copy today's record, except that `watched`'s indicators were all green. */
async function seedHistory(today: string): Promise<void> {
  const store = stack.wiring.localApp.deps.store;
  const [summary] = await readSummaries(store, 'all', today, today);
  if (!summary) throw new Error('today was not recorded');
  const projects: DayRecord['projects'] = {};
  const reasons: DayRecord['reasons'] = {};
  for (const key of Object.keys(summary.rag)) {
    const [day] = await readProjectDays(store, 'all', key, today, today);
    if (!day) throw new Error(`no record of ${key}`);
    projects[key] = day.row;
    reasons[key] = day.reasons;
  }
  for (let back = 1; back <= 10; back++) {
    const day = addDays(today, -back);
    const past = structuredClone(projects);
    const row = past[watched.key];
    if (row) row[2] = row[2].map((indicator) => (indicator ? [indicator[0], 'g'] : null));
    await storeDay(
      store,
      'all',
      {
        version: 1,
        day,
        asOf: `${day}T12:00:00.000Z`,
        settingsVersion: summary.settingsVersion,
        reconstructed: false,
        names: summary.names,
        projects: past,
        reasons: { ...reasons, [watched.key]: {} },
        highRisks: summary.highRisks,
        conflicts: summary.conflicts,
        gated: summary.gated,
      },
      400,
    );
  }
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
  await context.addCookies([{ name: 'pmo_user', value: 'sim-pmo', url: stack.url }]);
  const report = await invoke(stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const history = await invoke(stack, 'getPortfolioHistory', 'sim-pmo', { portfolioId: 'all' });
  const target = report.projects.find((project) =>
    project.health.indicators.some((indicator) => indicator.rag === 'red' || indicator.rag === 'amber'),
  );
  if (!target) throw new Error('no project with a red or amber indicator');
  watched = { key: target.key, name: target.name };
  await seedHistory(history.to);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

test("a project's health sparkline opens its indicators' sparklines, with the resolver's days", async () => {
  const history = await invoke(stack, 'getPortfolioHistory', 'sim-pmo', { portfolioId: 'all', days: 84 });
  const project = history.projects.find((candidate) => candidate.key === watched.key);
  if (!project) throw new Error(`${watched.key} has no history`);
  await page.goto(`${stack.url}/jira/apps/pmo-portfolio/overview`);
  const toggle = app(page).getByTestId(`trend-toggle-${watched.key}`);
  await toggle.waitFor();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  // The health sparkline is the button: named by the health it draws and what it opens.
  const name = await toggle.evaluate((button) => {
    const image = button.querySelector('[role="img"]');
    return `${image?.getAttribute('aria-label')} ${button.textContent}`;
  });
  expect(name).toMatch(new RegExp(`^Health over the last 12 weeks: .+ Indicators of ${watched.name}$`));
  // From the keyboard: focus the button and press Enter.
  await toggle.focus();
  await page.keyboard.press('Enter');
  const panel = app(page).getByTestId(`trend-indicators-${watched.key}`);
  await panel.waitFor();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(panel.getAttribute('aria-label')).resolves.toBe(
    `${watched.name}: indicators over the last 12 weeks`,
  );
  for (const indicator of project.indicators) {
    const label = INDICATOR_LABEL[indicator.name];
    const sparkline = app(page).getByTestId(`trend-indicators-${watched.key}-${indicator.name}`);
    const text = (await sparkline.getAttribute('aria-label')) ?? '';
    const days = (letter: string) => [...indicator.rag].filter((day) => day === letter).length;
    const recorded = [...indicator.rag].filter((day) => day !== '-').length;
    expect(text.startsWith(`${label} over the last 12 weeks:`)).toBe(true);
    expect(text).toContain(`(days recorded: ${recorded})`);
    for (const [letter, word] of [
      ['r', 'red'],
      ['a', 'amber'],
      ['g', 'green'],
    ] as const) {
      if (days(letter) > 0) expect(text).toContain(`${days(letter)} ${word}`);
      else expect(text).not.toContain(` ${word},`);
    }
  }
  // The seeded past: ten green days of every indicator, then today's RAG.
  const first = project.indicators.find((indicator) => /[ar]$/.test(indicator.rag));
  expect(first?.rag.slice(-11, -1)).toBe('gggggggggg');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'overview-indicator-sparklines-light');
  await setTheme(page, 'dark');
  await screenshot(page, 'overview-indicator-sparklines-dark');
  await setTheme(page, 'light');
  // Enter on the button again closes it (the theme switch took the focus to the host page).
  await toggle.focus();
  await page.keyboard.press('Enter');
  await panel.waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});
