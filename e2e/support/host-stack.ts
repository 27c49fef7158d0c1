import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { launchBrowser, newPage, watchErrors } from './browser';
import { type Stack, type StackOptions, startStack } from './stack';

/**
 * One browser test file's setup: the simulator and the host (`startStack`), one Chromium, and a page
 * acting as a user, wired to jest's hooks. After every test, its pages must have raised no page
 * error, console error or dialog (dialogs are dismissed and recorded).
 */

export interface HostStackOptions extends StackOptions {
  /** The user the pages act as (the host's `pmo_user` cookie); the host's default user otherwise. */
  user?: string;
  /**
   * What each test gets afresh. `file` (default): one stack and one page for the whole file, for
   * tests that only read. `page`: a new page per test, so none sees what an earlier one left on
   * screen. `stack`: a new simulator and host (about 0.2 s) and a new page per test, for tests that
   * change the app's stored state.
   */
  fresh?: 'file' | 'page' | 'stack';
}

export interface HostStack {
  readonly stack: Stack;
  readonly browser: Browser;
  /** The one context of the file: closing a context ends this single-process Chromium. */
  readonly context: BrowserContext;
  /** The running test's page. */
  readonly page: Page;
  /** Page and console errors the running test's pages raised so far. */
  readonly errors: string[];
  /** Dialogs (alert, confirm) the running test's pages opened, by message. */
  readonly dialogs: string[];
  /** The host's address of `path` (`/jira/...`). */
  url(path: string): string;
  /** Another page in the file's context (same user cookie), watched like the main one. */
  newPage(): Promise<Page>;
}

/** Registers the file's hooks and answers handles that are set once beforeAll has run. */
export function setUpHostStack(options: HostStackOptions = {}): HostStack {
  const { user, fresh = 'file', ...stackOptions } = options;
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  const dialogs: string[] = [];
  /** Whether a test has run since the stack and page were set up. */
  let used = false;

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is used before beforeAll started the stack`);
    return value;
  };

  async function watchedPage(): Promise<Page> {
    let opened: Page;
    if (context) opened = await context.newPage();
    else ({ context, page: opened } = await newPage(started(browser, 'browser')));
    watchErrors(opened, errors);
    opened.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return opened;
  }

  async function actAsUser(): Promise<void> {
    if (user)
      await context?.addCookies([{ name: 'pmo_user', value: user, url: started(stack, 'stack').url }]);
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(stackOptions), launchBrowser()]);
    page = await watchedPage();
    await actAsUser();
  });

  beforeEach(async () => {
    if (!used || fresh === 'file') {
      used = true;
      return;
    }
    if (fresh === 'stack') {
      await stack?.close();
      stack = await startStack(stackOptions);
    }
    const previous = page;
    page = await watchedPage();
    await previous?.close();
    await actAsUser();
  });

  afterEach(() => {
    const seen = { errors: errors.splice(0), dialogs: dialogs.splice(0) };
    expect(seen).toEqual({ errors: [], dialogs: [] });
  });

  afterAll(async () => {
    // The browser closes its context; closing the context first would end this Chromium early.
    await browser?.close();
    await stack?.close();
  });

  return {
    get stack() {
      return started(stack, 'stack');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get context() {
      return started(context, 'context');
    },
    get page() {
      return started(page, 'page');
    },
    errors,
    dialogs,
    url: (path) => `${started(stack, 'stack').url}${path}`,
    newPage: watchedPage,
  };
}
