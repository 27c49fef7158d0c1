import { INDICATOR_LABEL } from '../src/domain/health/indicator-labels';
import { invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { seedPastDays } from './support/history-seed';
import { app, appFrame } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshotThemes } from './support/screenshot';

/**
 * The overview's per-indicator sparklines (#15): a project's health sparkline opens, from the
 * keyboard, one sparkline per indicator over the same twelve weeks, each with a text alternative
 * that counts the days the resolver answers.
 */

jest.setTimeout(120_000);

const host = setUpHostStack({ user: 'sim-pmo' });
/** A project whose first indicator was green in the seeded past and is not green today. */
let watched: { key: string; name: string };

/** The 10 days before today copy today's record, except that `watched`'s indicators were all green. */
beforeAll(async () => {
  const report = await invoke(host.stack, 'getPortfolioReport', 'sim-pmo', { portfolioId: 'all' });
  const history = await invoke(host.stack, 'getPortfolioHistory', 'sim-pmo', { portfolioId: 'all' });
  const target = report.projects.find((project) =>
    project.health.indicators.some((indicator) => indicator.rag === 'red' || indicator.rag === 'amber'),
  );
  if (!target) throw new Error('no project with a red or amber indicator');
  watched = { key: target.key, name: target.name };
  await seedPastDays(host.stack, history.to, 10, (record) => {
    const row = record.projects[watched.key];
    if (row) row[2] = row[2].map((indicator) => (indicator ? [indicator[0], 'g'] : null));
    record.reasons = { ...record.reasons, [watched.key]: {} };
  });
});

test("a project's health sparkline opens its indicators' sparklines, with the resolver's days", async () => {
  const history = await invoke(host.stack, 'getPortfolioHistory', 'sim-pmo', {
    portfolioId: 'all',
    days: 84,
  });
  const project = history.projects.find((candidate) => candidate.key === watched.key);
  if (!project) throw new Error(`${watched.key} has no history`);
  await host.page.goto(host.url('/jira/apps/pmo-portfolio/overview'));
  const toggle = app(host.page).getByTestId(`trend-toggle-${watched.key}`);
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
  await host.page.keyboard.press('Enter');
  const panel = app(host.page).getByTestId(`trend-indicators-${watched.key}`);
  await panel.waitFor();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(panel.getAttribute('aria-label')).resolves.toBe(
    `${watched.name}: indicators over the last 12 weeks`,
  );
  for (const indicator of project.indicators) {
    const label = INDICATOR_LABEL[indicator.name];
    const sparkline = app(host.page).getByTestId(`trend-indicators-${watched.key}-${indicator.name}`);
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
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await panel.scrollIntoViewIfNeeded();
  await screenshotThemes(host.page, 'overview-indicator-sparklines', () => panel.scrollIntoViewIfNeeded());
  // Enter on the button again closes it (the theme switch took the focus to the host page).
  await toggle.focus();
  await host.page.keyboard.press('Enter');
  await panel.waitFor({ state: 'detached' });
});
