import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { setTheme } from './host-page';

/** Where screenshots go (git-ignored); look at them after a run. */
export const SCREENSHOT_DIR = path.join(__dirname, '..', 'screenshots');

/** Saves the viewport (1440x900) as e2e/screenshots/<name>.png and answers the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`screenshot name ${name} must be kebab-case`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
  return file;
}

/**
 * Saves `<name>-light.png` and `<name>-dark.png` and leaves the page light. `frame` runs after each
 * theme switch, to bring what the picture is about into view.
 */
export async function screenshotThemes(page: Page, name: string, frame?: () => Promise<void>): Promise<void> {
  for (const mode of ['light', 'dark'] as const) {
    await setTheme(page, mode);
    await frame?.();
    await screenshot(page, `${name}-${mode}`);
  }
  await setTheme(page, 'light');
}
