import { invoke, invokeResponse } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';
import { openSettingsSection, publishAsAdmin } from './support/settings-page';

/**
 * Alerts (#16.3): a PMO lead subscribes on the portfolio page, the simulator's data changes, a
 * refresh runs, and the bell shows the alert with its unread count; marking read; what the four
 * simulator users see; the daily digest as the simulator recorded Jira's notify e-mail.
 */

jest.setTimeout(180_000);

// Each test gets its own simulator and host, and arranges the subscriptions and alerts it needs.
const host = setUpHostStack({ user: 'sim-pmo', fresh: 'stack' });
/** A project the team member browses (the first three) and one they do not. */
let teamProject = '';
let hiddenProject = '';
let trackingIssue = '';

async function refresh(): Promise<void> {
  await invoke(host.stack, 'refreshPortfolio', 'sim-admin', { portfolioId: 'all' });
  await host.stack.wiring.localApp.drainJobs();
}

/** Every open issue of the project overdue since last week: its schedule indicator goes red. */
function makeOverdue(projectKey: string): void {
  const lastWeek = new Date(host.stack.sim.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  for (const issue of host.stack.sim.dataset.issues) {
    if (issue.key.startsWith(`${projectKey}-`) && issue.securityLevelId === null) {
      host.stack.sim.mutate.editIssue(issue.key, { duedate: lastWeek });
    }
  }
}

/** Lenient thresholds (only overdue work turns a project red here) and a tracking issue for e-mail. */
async function publishSettings(): Promise<void> {
  await publishAsAdmin(host.stack, 'alerts test', (config) => {
    const { health } = config.engine;
    health.schedule = { amber: 60, red: 80 };
    for (const indicator of ['blocked', 'staleness'] as const) health[indicator] = { amber: 100, red: 100 };
    health.dateConflicts = { amber: 1000, red: 1000 };
    health.compliance = { amber: 0, red: 0 };
    config.engine.riskMatrix = { high: 25, medium: 25 };
    config.notifications.trackingIssues = [
      { target: { kind: 'portfolio', portfolioId: 'all' }, issueKey: trackingIssue },
    ];
  });
}

async function actAs(accountId: string): Promise<void> {
  if (!host.page.url().startsWith(host.stack.url)) await host.page.goto(host.url('/jira/apps/pmo-portfolio'));
  if ((await host.page.getByTestId('user-switcher').inputValue()) !== accountId)
    await switchUser(host.page, accountId);
}

async function openPortfolio(): Promise<void> {
  await host.page.goto(host.url('/jira/apps/pmo-portfolio'));
  await app(host.page).getByTestId('alerts-bell').waitFor();
}

async function openBell(): Promise<void> {
  await app(host.page).getByTestId('alerts-bell').click();
  await app(host.page).getByTestId('alerts-panel').waitFor();
}

beforeEach(async () => {
  const projects = host.stack.sim.dataset.projects;
  trackingIssue =
    host.stack.sim.dataset.issues.find((issue) => issue.projectIdx === 0 && issue.securityLevelId === null)
      ?.key ?? '';
  await publishSettings();
  await invoke(host.stack, 'getPortfolioReport', 'sim-admin', { portfolioId: 'all' });
  await refresh();
  const report = await invoke(host.stack, 'getPortfolioReport', 'sim-admin', { portfolioId: 'all' });
  const notRed = (index: number) => {
    const key = projects[index]?.key ?? '';
    return report.projects.find((project) => project.key === key)?.health.rag !== 'red' ? key : '';
  };
  teamProject = [0, 1, 2].map(notRed).find((key) => key !== '') ?? '';
  hiddenProject = [7, 6, 5, 4, 3].map(notRed).find((key) => key !== '') ?? '';
  if (!teamProject || !hiddenProject) throw new Error('no project left to turn red');
});

/**
 * The PMO lead (as the first test subscribes through the page) and the team member subscribe and
 * opt in to the daily e-mail, then the team member's project and a project they do not browse turn
 * red in a refresh: two alerts.
 */
async function subscribeAndTurnTwoProjectsRed(): Promise<void> {
  await invoke(host.stack, 'saveAlertSubscriptions', 'sim-pmo', {
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed', 'gateBlocked'] }],
    emailDigest: true,
    weeklyDigest: false,
  });
  await invoke(host.stack, 'saveAlertSubscriptions', 'sim-team', {
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed'] }],
    emailDigest: true,
    weeklyDigest: false,
  });
  // The first evaluation only sets what later ones compare with.
  await refresh();
  makeOverdue(teamProject);
  makeOverdue(hiddenProject);
  await refresh();
}

test('a PMO lead subscribes on the portfolio page and opts in to the daily e-mail', async () => {
  await actAs('sim-pmo');
  await openPortfolio();
  await openBell();
  await app(host.page).getByTestId('alerts-empty').waitFor();
  await app(host.page).getByTestId('alerts-tab-subscriptions').click();
  await app(host.page).getByTestId('alerts-subscriptions').waitFor();
  await app(host.page).getByText('Turned red').click();
  await app(host.page).getByText('A gate blocked a transition').click();
  await app(host.page).getByTestId('alerts-save').click();
  await app(host.page).getByText('Subscription saved.').waitFor();
  await app(host.page).getByText('Send me my alerts once a day').click();
  await app(host.page).getByText('E-mail choice saved.').waitFor();
  await expect(app(host.page).getByTestId('alerts-my-subscriptions').textContent()).resolves.toContain(
    'Every project: turned red, a gate blocked a transition',
  );
  await screenshot(host.page, 'alerts-subscriptions-pmo-lead');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  const stored = await invoke(host.stack, 'getAlertSubscriptions', 'sim-pmo', {});
  expect(stored).toEqual({
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed', 'gateBlocked'] }],
    emailDigest: true,
    weeklyDigest: false,
  });
});

test('after the data changes and a refresh runs, the bell counts the alert and the inbox shows it', async () => {
  await subscribeAndTurnTwoProjectsRed();

  await actAs('sim-pmo');
  await openPortfolio();
  const count = app(host.page).getByTestId('alerts-unread');
  await count.waitFor();
  await expect(count.textContent()).resolves.toBe('2');
  await expect(app(host.page).getByTestId('alerts-bell').getAttribute('aria-label')).resolves.toBe(
    'Alerts, 2 unread',
  );
  await openBell();
  const items = app(host.page).getByTestId('alert-item');
  await expect(items.count()).resolves.toBe(2);
  const texts = await items.allTextContents();
  expect(texts.some((text) => text.includes(`${teamProject} (`) && text.includes('turned red'))).toBe(true);
  expect(texts.some((text) => text.includes(`${hiddenProject} (`))).toBe(true);
  await screenshotThemes(host.page, 'alerts-inbox-pmo-lead', async () => {
    expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  });

  // Mark one read, then all: the count follows.
  await app(host.page).getByTestId('alert-mark-read').first().click();
  await app(host.page).locator('[data-testid="alerts-unread"]', { hasText: '1' }).waitFor();
  await app(host.page).getByTestId('alerts-mark-all').click();
  await app(host.page).getByTestId('alerts-unread').waitFor({ state: 'detached' });
  await expect(app(host.page).getByTestId('alerts-summary').textContent()).resolves.toContain('All read');
});

test('each simulator user sees only alerts about projects they browse', async () => {
  await subscribeAndTurnTwoProjectsRed();
  // The team member browses the first three projects: one alert, never the other project.
  await actAs('sim-team');
  await openPortfolio();
  await app(host.page).getByTestId('alerts-unread').waitFor();
  await expect(app(host.page).getByTestId('alerts-unread').textContent()).resolves.toBe('1');
  await openBell();
  const teamTexts = await app(host.page).getByTestId('alert-item').allTextContents();
  expect(teamTexts).toHaveLength(1);
  expect(teamTexts[0]).toContain(`${teamProject} (`);
  expect(teamTexts.join(' ')).not.toContain(hiddenProject);
  await screenshot(host.page, 'alerts-inbox-team-member');

  // The admin subscribed to nothing: no count, an empty inbox.
  await actAs('sim-admin');
  await openPortfolio();
  await expect(app(host.page).getByTestId('alerts-unread').count()).resolves.toBe(0);
  await openBell();
  await app(host.page).getByTestId('alerts-empty').waitFor();

  // The outsider browses nothing: no alerts, and cannot subscribe.
  const inbox = await invoke(host.stack, 'listAlerts', 'sim-outsider', {});
  expect(inbox).toEqual({ alerts: [], unread: 0, total: 0 });
  const refused = await invokeResponse(host.stack, 'saveAlertSubscriptions', 'sim-outsider', {
    subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed'] }],
    emailDigest: false,
    weeklyDigest: false,
  });
  expect(refused.status).toBe(403);
});

test('the daily digest reaches each opted-in user through Jira notify, naming only what they browse', async () => {
  await subscribeAndTurnTwoProjectsRed();
  const before = host.stack.sim.outbox().length;
  await host.stack.wiring.localApp.app.dailyDigestTrigger();
  const mails = host.stack.sim.outbox().slice(before);
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
  await openSettingsSection(host.page, host.stack, 'notifications');
  await app(host.page).getByTestId('notifications-sends').waitFor();
  await expect(app(host.page).getByTestId('notifications-send').count()).resolves.toBe(2);
  await expect(app(host.page).getByTestId('tracking-issue-0').inputValue()).resolves.toBe(trackingIssue);
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'alerts-admin-notifications');
});
