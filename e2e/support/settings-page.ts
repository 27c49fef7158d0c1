import type { FrameLocator, Page } from 'playwright-core';
import type { PmoConfig } from '../../src/domain/config/schema';
import { invoke } from './api';
import { app } from './host-page';
import type { Stack } from './stack';

/**
 * The admin settings page as browser tests drive it: open a section, publish from the page, or
 * publish a change as the site admin through the resolver the page uses (to arrange a test).
 */

/** The host's path of the app's settings page. */
export const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';

/** Opens the settings page on `section` (`settings-nav-<section>`) and waits until the section shows. */
export async function openSettingsSection(page: Page, stack: Stack, section: string): Promise<FrameLocator> {
  await page.goto(`${stack.url}${ADMIN_PATH}`);
  return goToSettingsSection(page, section);
}

/** Moves to another section of the settings page already open and waits until it shows. */
export async function goToSettingsSection(page: Page, section: string): Promise<FrameLocator> {
  const frame = app(page);
  await frame.getByTestId(`settings-nav-${section}`).click();
  await frame.getByTestId(`settings-section-${section}`).waitFor();
  return frame;
}

/** Publishes the page's draft with `comment` and waits until the page says the new version is live. */
export async function publishFromPage(frame: FrameLocator, comment: string): Promise<void> {
  await frame.getByTestId('publish-comment').fill(comment);
  await frame.getByTestId('publish').click();
  await frame
    .getByTestId('settings-notice')
    .getByText(/^Published version \d+\. It is live now\.$/)
    .waitFor();
}

/** Publishes `change` of the live settings as the site admin, as the settings page would: the next version. */
export async function publishAsAdmin(
  stack: Stack,
  comment: string,
  change: (config: PmoConfig) => void,
): Promise<number> {
  const { live } = await invoke(stack, 'getSettings', 'sim-admin', {});
  const config = structuredClone(live.config);
  change(config);
  const saved = await invoke(stack, 'saveSettings', 'sim-admin', {
    baseVersion: live.version,
    config,
    comment,
  });
  return saved.version;
}
