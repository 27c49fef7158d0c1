import { XSS_PAYLOADS } from '../dev/jira-sim';
import type { SimIssue } from '../dev/jira-sim/types';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame, panel, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';

jest.setTimeout(60_000);

const host = setUpHostStack();

function statusName(issue: SimIssue): string {
  const status = host.stack.sim.dataset.statuses.find((s) => s.id === issue.statusId);
  if (!status) throw new Error(`unknown status ${issue.statusId}`);
  return status.name;
}

function projectOf(issue: SimIssue) {
  const project = host.stack.sim.dataset.projects[issue.projectIdx];
  if (!project) throw new Error(`no project ${issue.projectIdx}`);
  return project;
}

const isXss = (issue: SimIssue) => XSS_PAYLOADS.some((payload) => issue.summary.includes(payload));

/** An issue the PMO lead and the team member can both see (first projects, no security level). */
function plainIssue(): SimIssue {
  const issue = host.stack.sim.dataset.issues.find(
    (candidate) => candidate.projectIdx === 0 && candidate.securityLevelId === null && !isXss(candidate),
  );
  if (!issue) throw new Error('no plain issue in the first project');
  return issue;
}

test('the issue view shows the issue, and the panel shows its status and project', async () => {
  const issue = plainIssue();
  const project = projectOf(issue);
  await host.page.goto(`${host.stack.url}/jira/browse/${issue.key}`);
  await expect(host.page.getByTestId('issue-summary').textContent()).resolves.toBe(issue.summary);
  await expect(host.page.getByTestId('issue-status').textContent()).resolves.toBe(statusName(issue));

  const status = panel(host.page).getByTestId('issue-status');
  await status.waitFor();
  await expect(status.textContent()).resolves.toContain(statusName(issue));
  await panel(host.page).getByText(project.name, { exact: true }).waitFor();
  await panel(host.page).getByText(`(${project.key})`).waitFor();
  // Below the facts, the PMO standards: the built-in defaults only guide, so nothing blocks.
  const badge = panel(host.page).getByTestId('compliance-badge');
  await badge.waitFor();
  await expect(badge.getAttribute('data-badge')).resolves.toMatch(/^(compliant|warnings|not-covered)$/);
  await expect(panel(host.page).getByTestId('config-version').textContent()).resolves.toBe(
    'Built-in default settings',
  );
  // Jira sizes the panel to its content.
  const height = await host.page
    .getByTestId('panel-frame')
    .evaluate((frame) => frame.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(120);

  const frame = appFrame(host.page, 'issue-panel');
  expect(seriousOrWorse(await runAxe(frame))).toEqual([]);
  expect(seriousOrWorse(await runAxe(host.page.mainFrame(), { iframes: false }))).toEqual([]);

  await screenshotThemes(host.page, 'issue-view');
});

test('the bridge shim answers the panel the way Jira does', async () => {
  const issue = plainIssue();
  const project = projectOf(issue);
  await host.page.goto(`${host.stack.url}/jira/browse/${issue.key}`);
  await panel(host.page).getByTestId('issue-status').waitFor();
  const frame = appFrame(host.page, 'issue-panel');
  const errorsBefore = host.errors.length;
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
  const logged = host.errors.splice(errorsBefore);
  expect(logged.filter((line) => !line.includes('404'))).toEqual([]);
});

test('an XSS payload in a summary stays text, in the frame and in the panel', async () => {
  const issue = host.stack.sim.dataset.issues.find(
    (candidate) => candidate.securityLevelId === null && isXss(candidate),
  );
  if (!issue) throw new Error('the simulator planted no XSS summary');
  await host.page.goto(`${host.stack.url}/jira/browse/${issue.key}`);
  await expect(host.page.getByTestId('issue-summary').textContent()).resolves.toBe(issue.summary);
  const panelSummary = panel(host.page).getByTestId('issue-summary');
  await panelSummary.waitFor();
  await expect(panelSummary.textContent()).resolves.toContain(issue.summary);

  // Nothing the payloads would create exists, in the frame page or in the panel.
  const injected = 'img[src="x"], svg[onload], [onerror], [onload], body script:not([src])';
  await expect(host.page.locator(injected).count()).resolves.toBe(0);
  await expect(panel(host.page).locator(injected).count()).resolves.toBe(0);
  // An injected image's error or load handler would have run once every image is done loading.
  for (const frame of host.page.frames()) {
    await frame.waitForLoadState('load');
    await frame.waitForFunction(() => [...document.images].every((image) => image.complete));
  }
  expect(host.dialogs).toEqual([]);
  await screenshot(host.page, 'issue-view-xss');
});

test('a transition runs the app’s validator, then Jira moves the issue', async () => {
  const issue = plainIssue();
  await host.page.goto(`${host.stack.url}/jira/browse/${issue.key}`);
  await switchUser(host.page, 'sim-team');
  const select = host.page.getByTestId('transition-select');
  const options = await select
    .locator('option')
    .evaluateAll((els) =>
      els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })),
    );
  const target = options[0];
  if (!target) throw new Error('no transition offered to the team member');
  const targetStatus = target.label.split('→')[1]?.trim() ?? '';
  await select.selectOption(target.value);
  await Promise.all([host.page.waitForEvent('load'), host.page.getByTestId('transition-button').click()]);
  await expect(host.page.getByTestId('issue-status').textContent()).resolves.toBe(targetStatus);
  await panel(host.page).getByTestId('issue-status').getByText(targetStatus).waitFor();
  await host.page
    .getByRole('status')
    .filter({ hasText: `${issue.key} moved to ${targetStatus}` })
    .waitFor();
  await switchUser(host.page, 'sim-pmo');
});

test('the admin page shows an admin the site’s link types', async () => {
  await host.page.goto(`${host.stack.url}/jira/settings/apps/pmo-portfolio`);
  await switchUser(host.page, 'sim-admin');
  await app(host.page).getByTestId('settings-nav-mappings').click();
  const table = app(host.page).getByRole('table', { name: 'Issue link types' });
  await table.waitFor();
  const names = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
  expect(names.sort()).toEqual(host.stack.sim.dataset.linkTypes.map((linkType) => linkType.name).sort());
  await expect(
    app(host.page).getByText('Only Jira administrators can change PMO settings').count(),
  ).resolves.toBe(0);

  const frame = appFrame(host.page, 'admin');
  expect(seriousOrWorse(await runAxe(frame))).toEqual([]);

  await screenshotThemes(host.page, 'admin');
});

test('the admin page tells a team member they have no access to the settings', async () => {
  await switchUser(host.page, 'sim-team');
  await app(host.page).getByTestId('settings-no-access').waitFor();
  await app(host.page).getByText("You don't have access to PMO settings").waitFor();
  await expect(app(host.page).getByTestId('settings-nav-mappings').count()).resolves.toBe(0);
  await screenshot(host.page, 'admin-team-member');
});
