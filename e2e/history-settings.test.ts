import type { Browser, BrowserContext, Page } from 'playwright-core';
import { invoke, invokeResponse } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, appFrame, setTheme } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

/**
 * The admin settings' History section (#15): an admin sets the time zone of the history's days and
 * how long it is kept, publishes, and finds the change in the versions and the audit log; a time
 * zone that does not exist is refused with the message, in the page and by the server.
 */

jest.setTimeout(120_000);

const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';
const BAD_ZONE_MESSAGE = 'expected an IANA time zone such as Europe/Paris or UTC';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
  await context.addCookies([{ name: 'pmo_user', value: 'sim-admin', url: stack.url }]);
  await page.goto(`${stack.url}${ADMIN_PATH}`);
  await app(page).getByTestId('settings-nav-history').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function go(section: 'history' | 'versions' | 'audit'): Promise<void> {
  await app(page).getByTestId(`settings-nav-${section}`).click();
  await app(page).getByTestId(`settings-section-${section}`).waitFor();
}

test('the History section shows the defaults, is axe-clean, and reads in light and dark', async () => {
  await go('history');
  const frame = app(page);
  await expect(frame.getByTestId('history-time-zone').inputValue()).resolves.toBe('');
  await expect(frame.getByTestId('history-retention').inputValue()).resolves.toBe('400');
  expect(seriousOrWorse(await runAxe(appFrame(page, 'admin')))).toEqual([]);
  await screenshot(page, 'admin-history-light');
  await setTheme(page, 'dark');
  await screenshot(page, 'admin-history-dark');
  await setTheme(page, 'light');
});

test('a time zone that does not exist is refused with the message, and nothing can be published', async () => {
  await go('history');
  const frame = app(page);
  await frame.getByTestId('history-time-zone').fill('Mars/Olympus_Mons');
  const section = frame.getByTestId('settings-section-history');
  await section.getByTestId('field-problem').getByText(BAD_ZONE_MESSAGE).waitFor();
  await expect(frame.getByTestId('publish-problems').textContent()).resolves.toContain('Fix 1 problem');
  await expect(frame.getByTestId('history-time-zone').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(seriousOrWorse(await runAxe(appFrame(page, 'admin')))).toEqual([]);
  await screenshot(page, 'admin-history-invalid-zone');
  await setTheme(page, 'dark');
  await screenshot(page, 'admin-history-invalid-zone-dark');
  await setTheme(page, 'light');

  // The server refuses it too, whatever a page sends, and keeps the live version.
  const { live } = await invoke(stack, 'getSettings', 'sim-admin', {});
  const response = await invokeResponse(stack, 'saveSettings', 'sim-admin', {
    baseVersion: live.version,
    config: { ...live.config, history: { timeZone: 'Mars/Olympus_Mons', retentionDays: 400 } },
    comment: 'A zone that does not exist',
  });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(await response.text()).toContain(BAD_ZONE_MESSAGE);
  await expect(invoke(stack, 'getSettings', 'sim-admin', {})).resolves.toMatchObject({
    live: { version: live.version },
  });
});

test('an admin sets the time zone and retention, publishes, and finds the change in the versions and audit log', async () => {
  await go('history');
  const frame = app(page);
  await frame.getByTestId('history-time-zone').fill('Europe/Paris');
  await frame.getByTestId('field-problem').waitFor({ state: 'detached' });
  await frame.getByTestId('history-retention').fill('500');
  await frame.getByTestId('publish-comment').fill('History on Paris days, kept 500 days');
  await frame.getByTestId('publish').click();
  await frame.getByTestId('settings-notice').getByText('Published version 1. It is live now.').waitFor();
  await expect(invoke(stack, 'getSettings', 'sim-admin', {})).resolves.toMatchObject({
    live: { version: 1, config: { history: { timeZone: 'Europe/Paris', retentionDays: 500 } } },
  });

  // After a reload the section shows what is live.
  await page.reload();
  await go('history');
  await expect(frame.getByTestId('history-time-zone').inputValue()).resolves.toBe('Europe/Paris');
  await expect(frame.getByTestId('history-retention').inputValue()).resolves.toBe('500');

  await go('versions');
  const version = frame.getByTestId('version-row-1');
  await expect(version.textContent()).resolves.toContain('History on Paris days, kept 500 days');
  await go('audit');
  const audit = frame.getByTestId('audit-row-1');
  await audit.waitFor();
  const entry = (await audit.textContent()) ?? '';
  expect(entry).toContain('History on Paris days, kept 500 days');
  expect(entry).toContain('Europe/Paris');
  expect(entry).toContain('500');
  expect(seriousOrWorse(await runAxe(appFrame(page, 'admin')))).toEqual([]);
  await screenshot(page, 'admin-history-audit');
  expect(errors).toEqual([]);
});
