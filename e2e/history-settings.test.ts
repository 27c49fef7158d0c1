import { invoke, invokeResponse } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { appFrame } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';
import { goToSettingsSection, openSettingsSection, publishFromPage } from './support/settings-page';

/**
 * The admin settings' History section (#15): an admin sets the time zone of the history's days and
 * how long it is kept, publishes, and finds the change in the versions and the audit log; a time
 * zone that does not exist is refused with the message, in the page and by the server.
 */

jest.setTimeout(120_000);

const BAD_ZONE_MESSAGE = 'expected an IANA time zone such as Europe/Paris or UTC';

// Each test gets its own simulator and host: the last one publishes.
const host = setUpHostStack({ user: 'sim-admin', fresh: 'stack' });

const openHistory = () => openSettingsSection(host.page, host.stack, 'history');

test('the History section shows the defaults, is axe-clean, and reads in light and dark', async () => {
  const frame = await openHistory();
  await expect(frame.getByTestId('history-time-zone').inputValue()).resolves.toBe('');
  await expect(frame.getByTestId('history-retention').inputValue()).resolves.toBe('400');
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'admin-history');
});

test('a time zone that does not exist is refused with the message, and nothing can be published', async () => {
  const frame = await openHistory();
  await frame.getByTestId('history-time-zone').fill('Mars/Olympus_Mons');
  const section = frame.getByTestId('settings-section-history');
  await section.getByTestId('field-problem').getByText(BAD_ZONE_MESSAGE).waitFor();
  await expect(frame.getByTestId('publish-problems').textContent()).resolves.toContain('Fix 1 problem');
  await expect(frame.getByTestId('history-time-zone').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'admin-history-invalid-zone');

  // The server refuses it too, whatever a page sends, and keeps the live version.
  const { live } = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  const response = await invokeResponse(host.stack, 'saveSettings', 'sim-admin', {
    baseVersion: live.version,
    config: { ...live.config, history: { timeZone: 'Mars/Olympus_Mons', retentionDays: 400 } },
    comment: 'A zone that does not exist',
  });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(await response.text()).toContain(BAD_ZONE_MESSAGE);
  await expect(invoke(host.stack, 'getSettings', 'sim-admin', {})).resolves.toMatchObject({
    live: { version: live.version },
  });
});

test('an admin sets the time zone and retention, publishes, and finds the change in the versions and audit log', async () => {
  const frame = await openHistory();
  await frame.getByTestId('history-time-zone').fill('Europe/Paris');
  await frame.getByTestId('field-problem').waitFor({ state: 'detached' });
  await frame.getByTestId('history-retention').fill('500');
  await publishFromPage(frame, 'History on Paris days, kept 500 days');
  await expect(invoke(host.stack, 'getSettings', 'sim-admin', {})).resolves.toMatchObject({
    live: { version: 1, config: { history: { timeZone: 'Europe/Paris', retentionDays: 500 } } },
  });

  // After a reload the section shows what is live.
  await host.page.reload();
  await goToSettingsSection(host.page, 'history');
  await expect(frame.getByTestId('history-time-zone').inputValue()).resolves.toBe('Europe/Paris');
  await expect(frame.getByTestId('history-retention').inputValue()).resolves.toBe('500');

  await goToSettingsSection(host.page, 'versions');
  const version = frame.getByTestId('version-row-1');
  await expect(version.textContent()).resolves.toContain('History on Paris days, kept 500 days');
  await goToSettingsSection(host.page, 'audit');
  const audit = frame.getByTestId('audit-row-1');
  await audit.waitFor();
  const entry = (await audit.textContent()) ?? '';
  expect(entry).toContain('History on Paris days, kept 500 days');
  expect(entry).toContain('Europe/Paris');
  expect(entry).toContain('500');
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshot(host.page, 'admin-history-audit');
});
