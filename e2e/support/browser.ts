import chromium from '@sparticuz/chromium';
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core';

/** Chromium flags on top of @sparticuz/chromium's: quiet, no network chatter, no GPU. */
const EXTRA_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const VIEWPORT = { width: 1440, height: 900 } as const;

/** One headless Chromium per test file: the binary @sparticuz/chromium ships, or CHROMIUM_PATH. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
  return playwright.launch({
    executablePath,
    args: [...chromium.args, ...EXTRA_ARGS],
    headless: true,
  });
}

/** A fresh context (own cookies: user and theme) with Jira's usual desktop viewport. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-GB' });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Collects what would otherwise go unnoticed in a browser test: uncaught page errors and
 * console errors, in every frame, into `errors` (a new list unless given). Tests assert it stays empty.
 */
export function watchErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
