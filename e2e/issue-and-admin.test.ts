import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { XSS_PAYLOADS } from '../dev/jira-sim';
import type { SimIssue } from '../dev/jira-sim/types';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, panel, setTheme, switchUser } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

jest.setTimeout(60_000);

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const dialogs: string[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

function statusName(issue: SimIssue): string {
  const status = stack.sim.dataset.statuses.find((s) => s.id === issue.statusId);
  if (!status) throw new Error(`unknown status ${issue.statusId}`);
  return status.name;
}

function projectOf(issue: SimIssue) {
  const project = stack.sim.dataset.projects[issue.projectIdx];
  if (!project) throw new Error(`no project ${issue.projectIdx}`);
  return project;
}

const isXss = (issue: SimIssue) => XSS_PAYLOADS.some((payload) => issue.summary.includes(payload));

/** An issue the PMO lead and the team member can both see (first projects, no security level). */
function plainIssue(): SimIssue {
  const issue = stack.sim.dataset.issues.find(
    (candidate) => candidate.projectIdx === 0 && candidate.securityLevelId === null && !isXss(candidate),
  );
  if (!issue) throw new Error('no plain issue in the first project');
  return issue;
}

test('the issue view shows the issue, and the panel shows its status and project', async () => {
  const issue = plainIssue();
  const project = projectOf(issue);
  await page.goto(`${stack.url}/jira/browse/${issue.key}`);
  await expect(page.getByTestId('issue-summary').textContent()).resolves.toBe(issue.summary);
  await expect(page.getByTestId('issue-status').textContent()).resolves.toBe(statusName(issue));

  const status = panel(page).getByTestId('issue-status');
  await status.waitFor();
  await expect(status.textContent()).resolves.toContain(statusName(issue));
  await panel(page).getByText(project.name, { exact: true }).waitFor();
  await panel(page).getByText(`(${project.key})`).waitFor();
  // Below the facts, the PMO standards: the built-in defaults only guide, so nothing blocks.
  const badge = panel(page).getByTestId('compliance-badge');
  await badge.waitFor();
  await expect(badge.getAttribute('data-badge')).resolves.toMatch(/^(compliant|warnings|not-covered)$/);
  await expect(panel(page).getByTestId('config-version').textContent()).resolves.toBe(
    'Built-in default settings',
  );
  // Jira sizes the panel to its content.
  const height = await page
    .getByTestId('panel-frame')
    .evaluate((frame) => frame.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(120);

  const frame = page.frame({ url: /\/apps\/issue-panel\// });
  if (!frame) throw new Error('no issue panel frame');
  expect(seriousOrWorse(await runAxe(frame))).toEqual([]);
  expect(seriousOrWorse(await runAxe(page.mainFrame(), { iframes: false }))).toEqual([]);

  await setTheme(page, 'light');
  await screenshot(page, 'issue-view-light');
  await setTheme(page, 'dark');
  await screenshot(page, 'issue-view-dark');
  await setTheme(page, 'light');
});

test('the bridge shim answers the panel the way Jira does', async () => {
  const issue = plainIssue();
  const project = projectOf(issue);
  await page.goto(`${stack.url}/jira/browse/${issue.key}`);
  await panel(page).getByTestId('issue-status').waitFor();
  const frame = page.frame({ url: /\/apps\/issue-panel\// });
  if (!frame) throw new Error('no issue panel frame');
  const errorsBefore = errors.length;
  const answers = await frame.evaluate(async () => {
    type Bridge = { callBridge(command: string, payload?: unknown): Promise<unknown> };
    const bridge = (window as unknown as { __bridge: Bridge }).__bridge;
    const settle = (promise: Promise<unknown>) =>
      promise.then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, value: error instanceof Error ? error.message : String(error) }),
      );
    return {
      context: await bridge.callBridge('getContext'),
      invoke: await bridge.callBridge('invoke', { functionKey: 'listProjects', payload: { bogus: 1 } }),
      unknownResolver: await settle(
        bridge.callBridge('invoke', { functionKey: 'noSuchResolver', payload: {} }),
      ),
      unknownCommand: await settle(bridge.callBridge('noSuchCommand')),
    };
  });
  expect(answers.context).toMatchObject({
    accountId: 'sim-pmo',
    moduleKey: 'pmo-issue-panel',
    extension: {
      type: 'jira:issuePanel',
      issue: { id: String(issue.id), key: issue.key },
      project: { id: String(project.id), key: project.key, type: project.typeKey },
    },
  });
  // A resolver's typed failure reaches the app as the resolver's own return value...
  expect(answers.invoke).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  // ...while a missing resolver rejects, as invoke does on Forge.
  expect(answers.unknownResolver).toEqual({ ok: false, value: expect.stringContaining('noSuchResolver') });
  expect(answers.unknownCommand).toEqual({ ok: false, value: expect.stringContaining('noSuchCommand') });
  // The deliberate unknown-resolver call logs its 404 in the console; nothing else may.
  const logged = errors.splice(errorsBefore);
  expect(logged.filter((line) => !line.includes('404'))).toEqual([]);
});

test('an XSS payload in a summary stays text, in the frame and in the panel', async () => {
  const issue = stack.sim.dataset.issues.find(
    (candidate) => candidate.securityLevelId === null && isXss(candidate),
  );
  if (!issue) throw new Error('the simulator planted no XSS summary');
  await page.goto(`${stack.url}/jira/browse/${issue.key}`);
  await expect(page.getByTestId('issue-summary').textContent()).resolves.toBe(issue.summary);
  const panelSummary = panel(page).getByTestId('issue-summary');
  await panelSummary.waitFor();
  await expect(panelSummary.textContent()).resolves.toContain(issue.summary);

  // Nothing the payloads would create exists, in the frame page or in the panel.
  const injected = 'img[src="x"], svg[onload], [onerror], [onload], body script:not([src])';
  await expect(page.locator(injected).count()).resolves.toBe(0);
  await expect(panel(page).locator(injected).count()).resolves.toBe(0);
  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
  await screenshot(page, 'issue-view-xss');
});

test('a transition runs the app’s validator, then Jira moves the issue', async () => {
  const issue = plainIssue();
  await page.goto(`${stack.url}/jira/browse/${issue.key}`);
  await switchUser(page, 'sim-team');
  const select = page.getByTestId('transition-select');
  const options = await select
    .locator('option')
    .evaluateAll((els) =>
      els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })),
    );
  const target = options[0];
  if (!target) throw new Error('no transition offered to the team member');
  const targetStatus = target.label.split('→')[1]?.trim() ?? '';
  await select.selectOption(target.value);
  await Promise.all([page.waitForEvent('load'), page.getByTestId('transition-button').click()]);
  await expect(page.getByTestId('issue-status').textContent()).resolves.toBe(targetStatus);
  await panel(page).getByTestId('issue-status').getByText(targetStatus).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: `${issue.key} moved to ${targetStatus}` })
    .waitFor();
  await switchUser(page, 'sim-pmo');
});

test('the admin page shows an admin the site’s link types', async () => {
  await page.goto(`${stack.url}/jira/settings/apps/pmo-portfolio`);
  await switchUser(page, 'sim-admin');
  await app(page).getByTestId('settings-nav-mappings').click();
  const table = app(page).getByRole('table', { name: 'Issue link types' });
  await table.waitFor();
  const names = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
  expect(names.sort()).toEqual(stack.sim.dataset.linkTypes.map((linkType) => linkType.name).sort());
  await expect(app(page).getByText('Only Jira administrators can change PMO settings').count()).resolves.toBe(
    0,
  );

  const frame = page.frame({ url: /\/apps\/admin\// });
  if (!frame) throw new Error('no admin frame');
  expect(seriousOrWorse(await runAxe(frame))).toEqual([]);

  await setTheme(page, 'light');
  await screenshot(page, 'admin-light');
  await setTheme(page, 'dark');
  await screenshot(page, 'admin-dark');
  await setTheme(page, 'light');
});

test('the admin page tells a team member they have no access to the settings', async () => {
  await switchUser(page, 'sim-team');
  await app(page).getByTestId('settings-no-access').waitFor();
  await app(page).getByText("You don't have access to PMO settings").waitFor();
  await expect(app(page).getByTestId('settings-nav-mappings').count()).resolves.toBe(0);
  await screenshot(page, 'admin-team-member');
});

test('no page error, console error or dialog on the way', () => {
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
