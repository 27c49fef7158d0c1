import type { Browser, BrowserContext, Page } from 'playwright-core';
import { simUser } from '../dev/jira-sim/users';
import { defaultPmoConfig, type PmoConfig } from '../src/domain/config/schema';
import { scoringPresets } from '../src/domain/scoring/presets';
import { dumpStore } from '../test/support/store-dump';
import { invoke } from './support/api';
import { chooseOption } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { launchBrowser, newPage, watchErrors } from './support/browser';
import { app, appFrame, panel, setTheme, switchUser } from './support/host-page';
import { screenshot } from './support/screenshot';
import { type Stack, startStack } from './support/stack';

/**
 * Issue #17 end to end: a team member scores a candidate epic in the issue panel, the PMO lead sees
 * it ranked in the Prioritise view, and a what-if on the weights changes what is shown beside the
 * saved ranking and nothing stored.
 */

jest.setTimeout(180_000);

const ADMIN = simUser('admin').accountId;
const PMO = simUser('pmo').accountId;
const TEAM = simUser('team').accountId;
const PRIORITISE_URL = '/jira/apps/pmo-portfolio/prioritise';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** Two epics of a project the team member edits: one scored by the admin beforehand, one in the browser. */
let scoredEpic: string;
let panelEpic: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  ({ context, page } = await newPage(browser));
  errors = watchErrors(page);
  const config: PmoConfig = structuredClone(defaultPmoConfig);
  // The PMO lead's group is the PMO: they may rank by hand and set the capacity.
  config.access.pmoGroupName = 'pmo-office';
  config.scoring = {
    ...config.scoring,
    enabled: true,
    models: [scoringPresets.wsjf],
    activeModelId: 'wsjf',
    candidates: { issueTypes: ['Epic'], projectKeys: [], jql: null },
  };
  await invoke(stack, 'saveSettings', ADMIN, { baseVersion: 0, config, comment: 'Score epics with WSJF' });
  const epics = stack.sim.dataset.issues.filter(
    (issue) => issue.typeId === '10000' && issue.projectIdx < 3 && issue.securityLevelId === null,
  );
  const [first, second] = epics;
  if (!first || !second) throw new Error('the seeded data has no two team epics');
  scoredEpic = first.key;
  panelEpic = second.key;
  // Both are proposals still in Inception: candidates past it are listed apart, unranked.
  const backlog = stack.sim.dataset.statuses.find((status) => status.name === 'Backlog');
  if (!backlog) throw new Error('the simulator has no Backlog status');
  for (const key of [scoredEpic, panelEpic]) stack.sim.mutate.editIssue(key, { statusId: backlog.id });
  // Business value 1, time criticality 1, risk reduction level 4 (value 5), job size 1: WSJF 7.
  await invoke(stack, 'saveIssueScore', ADMIN, {
    issueKey: scoredEpic,
    ratings: { 'business-value': 1, 'time-criticality': 1, 'risk-reduction': 4, 'job-size': 1 },
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

test('a team member scores a candidate in the issue panel, with the breakdown and who rated it', async () => {
  await page.goto(`${stack.url}/jira/browse/${panelEpic}`);
  await switchUser(page, TEAM);
  const section = panel(page).getByTestId('scoring-section');
  await section.waitFor();
  // Business value 8 + time criticality 5 + risk reduction 3 over job size 2: WSJF 8, above the admin's 7.
  await chooseOption(panel(page), 'rating-business-value', /^5 ·/);
  await chooseOption(panel(page), 'rating-time-criticality', /^4 ·/);
  await chooseOption(panel(page), 'rating-risk-reduction', /^3 ·/);
  await chooseOption(panel(page), 'rating-job-size', /^2 ·/);
  await panel(page).getByTestId('score-save').click();
  await section.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  expect(await panel(page).getByTestId('score-value').textContent()).toBe('8');
  expect(await panel(page).getByTestId('scorers').textContent()).toContain(simUser('team').displayName);
  await expect(
    section
      .getByRole('list', { name: /Breakdown of/ })
      .getByRole('listitem')
      .count(),
  ).resolves.toBe(4);
  expect(seriousOrWorse(await runAxe(appFrame(page, 'issue-panel')))).toEqual([]);
  for (const mode of ['light', 'dark'] as const) {
    await setTheme(page, mode);
    await screenshot(page, `prioritise-panel-${mode}`);
  }
  await setTheme(page, 'light');
});

test('the PMO lead sees the candidate ranked in the Prioritise view', async () => {
  await page.goto(`${stack.url}${PRIORITISE_URL}`);
  await switchUser(page, PMO);
  const view = app(page);
  await view.getByTestId(`candidate-${panelEpic}`).waitFor();
  expect(await view.getByTestId(`rank-${panelEpic}`).textContent()).toBe('1');
  expect(await view.getByTestId(`rank-${scoredEpic}`).textContent()).toBe('2');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  for (const mode of ['light', 'dark'] as const) {
    await setTheme(page, mode);
    await screenshot(page, `prioritise-view-${mode}`);
  }
  await setTheme(page, 'light');
});

test('a what-if on the weights re-ranks beside the saved ranking and stores nothing', async () => {
  const store = stack.wiring.localApp.deps.store;
  const before = await dumpStore(store);
  const saved = await invoke(stack, 'getPrioritisation', PMO, {});
  const view = app(page);
  await view.getByTestId('whatif').locator('summary').click();
  // Only risk reduction over job size: the admin's epic (5 / 1) overtakes the panel's (3 / 2).
  await view.getByTestId('whatif-weight-business-value').fill('0');
  await view.getByTestId('whatif-weight-time-criticality').fill('0');
  await view.getByTestId('whatif-status').waitFor();
  expect(await view.getByTestId(`whatif-rank-${scoredEpic}`).textContent()).toMatch(/^1/);
  expect(await view.getByTestId(`whatif-rank-${panelEpic}`).textContent()).toMatch(/^2/);
  // The saved ranking is still shown beside it.
  expect(await view.getByTestId(`rank-${panelEpic}`).textContent()).toBe('1');
  await screenshot(page, 'prioritise-whatif-light');
  expect(await dumpStore(store)).toEqual(before);
  expect(await invoke(stack, 'getPrioritisation', PMO, {})).toEqual(saved);
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
});
