import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultPmoConfig, type PmoConfig } from '../src/domain/config/schema';
import { configVersionKey, findLiveVersion, LIVE_CONFIG_KEY } from '../src/services/settings/live-config';
import { invoke, invokeResponse } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, appFrame, setTheme, switchUser } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

/**
 * Alerts (#16.3): a PMO lead subscribes on the portfolio page, the simulator's data changes, a
 * refresh runs, and the bell shows the alert with its unread count; marking read; what the four
 * simulator users see; the daily digest as the simulator recorded Jira's notify e-mail.
 */

jest.setTimeout(180_000);

const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** A project the team member browses (the first three) and one they do not. */
let teamProject = '';
let hiddenProject = '';
let trackingIssue = '';

async function refresh(): Promise<void> {
  await invoke(stack, 'refreshPortfolio', 'sim-admin', { portfolioId: 'all' });
  await stack.wiring.localApp.drainJobs();
}

/** Every open issue of the project overdue since last week: its schedule indicator goes red. */
function makeOverdue(projectKey: string): void {
  const lastWeek = new Date(stack.sim.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  for (const issue of stack.sim.dataset.issues) {
    if (issue.key.startsWith(`${projectKey}-`) && issue.securityLevelId === null) {
      stack.sim.mutate.editIssue(issue.key, { duedate: lastWeek });
    }
  }
}

/** Lenient thresholds (only overdue work turns a project red here) and a tracking issue for e-mail. */
async function publishSettings(): Promise<void> {
  const store = stack.wiring.localApp.deps.store;
  const live = await findLiveVersion(stack.wiring.localApp.deps);
  const config: PmoConfig = {
    ...defaultPmoConfig,
    engine: {
      ...defaultPmoConfig.engine,
      health: {
        ...defaultPmoConfig.engine.health,
        schedule: { amber: 60, red: 80 },
        blocked: { amber: 100, red: 100 },
        dateConflicts: { amber: 1000, red: 1000 },
        staleness: { amber: 100, red: 100 },
        compliance: { amber: 0, red: 0 },
      },
      riskMatrix: { high: 25, medium: 25 },
    },
    notifications: {
      trackingIssues: [{ target: { kind: 'portfolio', portfolioId: 'all' }, issueKey: trackingIssue }],
    },
  };
  const version = live.version + 1;
  await store.set(configVersionKey(version), {
    version,
    basedOn: live.version,
    author: 'sim-admin',
    savedAt: new Date().toISOString(),
    comment: 'alerts test',
    origin: { kind: 'save' },
    config,
  });
  await store.set(LIVE_CONFIG_KEY, { version });
}

async function actAs(accountId: string): Promise<void> {
  if (!page.url().startsWith(stack.url)) await page.goto(`${stack.url}/jira/apps/pmo-portfolio`);
  if ((await page.getByTestId('user-switcher').inputValue()) !== accountId) await switchUser(page, accountId);
}

async function openPortfolio(): Promise<void> {
  await page.goto(`${stack.url}/jira/apps/pmo-portfolio`);
  await app(page).getByTestId('alerts-bell').waitFor();
}

async function openBell(): Promise<void> {
  await app(page).getByTestId('alerts-bell').click();
  await app(page).getByTestId('alerts-panel').waitFor();
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
  await context.addCookies([{ name: 'pmo_user', value: 'sim-pmo', url: stack.url }]);
  const projects = stack.sim.dataset.projects;
  trackingIssue =
    stack.sim.dataset.issues.find((issue) => issue.projectIdx === 0 && issue.securityLevelId === null)?.key ??
    '';
  await publishSettings();
  await invoke(stack, 'getPortfolioReport', 'sim-admin', { portfolioId: 'all' });
  await refresh();
  const report = await invoke(stack, 'getPortfolioReport', 'sim-admin', { portfolioId: 'all' });
  const notRed = (index: number) => {
    const key = projects[index]?.key ?? '';
    return report.projects.find((project) => project.key === key)?.health.rag !== 'red' ? key : '';
  };
  teamProject = [0, 1, 2].map(notRed).find((key) => key !== '') ?? '';
  hiddenProject = [7, 6, 5, 4, 3].map(notRed).find((key) => key !== '') ?? '';
  if (!teamProject || !hiddenProject) throw new Error('no project left to turn red');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

test('a PMO lead subscribes on the portfolio page and opts in to the daily e-mail', async () => {
  await actAs('sim-pmo');
  await openPortfolio();
  await openBell();
  await app(page).getByTestId('alerts-empty').waitFor();
  await app(page).getByTestId('alerts-tab-subscriptions').click();
  await app(page).getByTestId('alerts-subscriptions').waitFor();
  await app(page).getByText('Turned red').click();
  await app(page).getByText('A gate blocked a transition').click();
  await app(page).getByTestId('alerts-save').click();
  await app(page).getByText('Subscription saved.').waitFor();
  await app(page).getByText('Send me my alerts once a day').click();
  await app(page).getByText('E-mail choice saved.').waitFor();
  await expect(app(page).getByTestId('alerts-my-subscriptions').textContent()).resolves.toContain(
    'Every project: turned red, a gate blocked a transition',
  );
  await screenshot(page, 'alerts-subscriptions-pmo-lead');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  const stored = await invoke(stack, 'getAlertSubscriptions', 'sim-pmo', {});
  expect(stored).toEqual({
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed', 'gateBlocked'] }],
    emailDigest: true,
    weeklyDigest: false,
  });
});

test('after the data changes and a refresh runs, the bell counts the alert and the inbox shows it', async () => {
  // The team member subscribes too (through the resolver the page uses).
  await invoke(stack, 'saveAlertSubscriptions', 'sim-team', {
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed'] }],
    emailDigest: true,
    weeklyDigest: false,
  });
  // The first evaluation only sets what later ones compare with.
  await refresh();
  makeOverdue(teamProject);
  makeOverdue(hiddenProject);
  await refresh();

  await actAs('sim-pmo');
  await openPortfolio();
  const count = app(page).getByTestId('alerts-unread');
  await count.waitFor();
  await expect(count.textContent()).resolves.toBe('2');
  await expect(app(page).getByTestId('alerts-bell').getAttribute('aria-label')).resolves.toBe(
    'Alerts, 2 unread',
  );
  await openBell();
  const items = app(page).getByTestId('alert-item');
  await expect(items.count()).resolves.toBe(2);
  const texts = await items.allTextContents();
  expect(texts.some((text) => text.includes(`${teamProject} (`) && text.includes('turned red'))).toBe(true);
  expect(texts.some((text) => text.includes(`${hiddenProject} (`))).toBe(true);
  await screenshot(page, 'alerts-inbox-pmo-lead-light');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  await setTheme(page, 'dark');
  await screenshot(page, 'alerts-inbox-pmo-lead-dark');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  await setTheme(page, 'light');

  // Mark one read, then all: the count follows.
  await app(page).getByTestId('alert-mark-read').first().click();
  await app(page).locator('[data-testid="alerts-unread"]', { hasText: '1' }).waitFor();
  await app(page).getByTestId('alerts-mark-all').click();
  await app(page).getByTestId('alerts-unread').waitFor({ state: 'detached' });
  await expect(app(page).getByTestId('alerts-summary').textContent()).resolves.toContain('All read');
  expect(errors).toEqual([]);
});

test('each simulator user sees only alerts about projects they browse', async () => {
  // The team member browses the first three projects: one alert, never the other project.
  await actAs('sim-team');
  await openPortfolio();
  await app(page).getByTestId('alerts-unread').waitFor();
  await expect(app(page).getByTestId('alerts-unread').textContent()).resolves.toBe('1');
  await openBell();
  const teamTexts = await app(page).getByTestId('alert-item').allTextContents();
  expect(teamTexts).toHaveLength(1);
  expect(teamTexts[0]).toContain(`${teamProject} (`);
  expect(teamTexts.join(' ')).not.toContain(hiddenProject);
  await screenshot(page, 'alerts-inbox-team-member');

  // The admin subscribed to nothing: no count, an empty inbox.
  await actAs('sim-admin');
  await openPortfolio();
  await expect(app(page).getByTestId('alerts-unread').count()).resolves.toBe(0);
  await openBell();
  await app(page).getByTestId('alerts-empty').waitFor();

  // The outsider browses nothing: no alerts, and cannot subscribe.
  const inbox = await invoke(stack, 'listAlerts', 'sim-outsider', {});
  expect(inbox).toEqual({ alerts: [], unread: 0, total: 0 });
  const refused = await invokeResponse(stack, 'saveAlertSubscriptions', 'sim-outsider', {
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed'] }],
    emailDigest: false,
    weeklyDigest: false,
  });
  expect(refused.status).toBe(403);
});

test('the daily digest reaches each opted-in user through Jira notify, naming only what they browse', async () => {
  const before = stack.sim.outbox().length;
  await stack.wiring.localApp.app.dailyDigestTrigger();
  const mails = stack.sim.outbox().slice(before);
  const to = (accountId: string) => mails.find((mail) => mail.toAccountIds.includes(accountId));
  expect(mails.map((mail) => mail.issueKey)).toEqual([trackingIssue, trackingIssue]);
  expect(to('sim-pmo')?.subject).toBe(`PMO Portfolio: 2 alerts on ${new Date().toISOString().slice(0, 10)}`);
  expect(to('sim-pmo')?.textBody).toContain('Turned red');
  expect(to('sim-pmo')?.textBody).toContain(`All projects: ${hiddenProject} (`);
  expect(to('sim-team')?.textBody).toContain(`All projects: ${teamProject} (`);
  expect(to('sim-team')?.textBody).not.toContain(hiddenProject);
  expect(to('sim-team')?.htmlBody).toContain('<li>');

  // The admin sees the e-mails in the settings' Notifications section.
  await actAs('sim-admin');
  await page.goto(`${stack.url}${ADMIN_PATH}`);
  await app(page).getByTestId('settings-nav-notifications').click();
  await app(page).getByTestId('notifications-sends').waitFor();
  await expect(app(page).getByTestId('notifications-send').count()).resolves.toBe(2);
  await expect(app(page).getByTestId('tracking-issue-0').inputValue()).resolves.toBe(trackingIssue);
  await screenshot(page, 'alerts-admin-notifications-light');
  expect(seriousOrWorse(await runAxe(appFrame(page, 'admin')))).toEqual([]);
  await setTheme(page, 'dark');
  await screenshot(page, 'alerts-admin-notifications-dark');
  await setTheme(page, 'light');
});
