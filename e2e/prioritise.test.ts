import { simUser } from '../dev/jira-sim/users';
import { wsjfEpicConfig } from '../test/support/scoring-settings';
import { dumpStore } from '../test/support/store-dump';
import { invoke } from './support/api';
import { chooseOption } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { twoBacklogCandidates } from './support/candidate-epics';
import { app, appFrame, panel, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';

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

// Each test gets its own simulator and host: the tests save scores.
const host = setUpHostStack({ fresh: 'stack' });
/** Two epics of a project the team member edits: one scored by the admin beforehand, one in the browser. */
let scoredEpic: string;
let panelEpic: string;

/** WSJF scoring of epics, with the PMO lead in the PMO group, and the admin's epic scored 7. */
beforeEach(async () => {
  const config = wsjfEpicConfig();
  // The PMO lead's group is the PMO: they may rank by hand and set the capacity.
  config.access.pmoGroupName = 'pmo-office';
  [scoredEpic, panelEpic] = await twoBacklogCandidates(host.stack, ADMIN, config);
  // Business value 1, time criticality 1, risk reduction level 4 (value 5), job size 1: WSJF 7.
  await invoke(host.stack, 'saveIssueScore', ADMIN, {
    issueKey: scoredEpic,
    ratings: { 'business-value': 1, 'time-criticality': 1, 'risk-reduction': 4, 'job-size': 1 },
  });
});

/** What the first test's team member rates in the panel: WSJF 8, above the admin's 7. */
async function scorePanelEpicAsTeam(): Promise<void> {
  await invoke(host.stack, 'saveIssueScore', TEAM, {
    issueKey: panelEpic,
    ratings: { 'business-value': 5, 'time-criticality': 4, 'risk-reduction': 3, 'job-size': 2 },
  });
}

async function openPrioritiseAsPmo(): Promise<void> {
  await host.page.goto(host.url(PRIORITISE_URL));
  await switchUser(host.page, PMO);
  await app(host.page).getByTestId(`candidate-${panelEpic}`).waitFor();
}

test('a team member scores a candidate in the issue panel, with the breakdown and who rated it', async () => {
  await host.page.goto(host.url(`/jira/browse/${panelEpic}`));
  await switchUser(host.page, TEAM);
  const section = panel(host.page).getByTestId('scoring-section');
  await section.waitFor();
  // Business value 8 + time criticality 5 + risk reduction 3 over job size 2: WSJF 8, above the admin's 7.
  await chooseOption(panel(host.page), 'rating-business-value', /^5 ·/);
  await chooseOption(panel(host.page), 'rating-time-criticality', /^4 ·/);
  await chooseOption(panel(host.page), 'rating-risk-reduction', /^3 ·/);
  await chooseOption(panel(host.page), 'rating-job-size', /^2 ·/);
  await panel(host.page).getByTestId('score-save').click();
  await section.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  expect(await panel(host.page).getByTestId('score-value').textContent()).toBe('8');
  expect(await panel(host.page).getByTestId('scorers').textContent()).toContain(simUser('team').displayName);
  await expect(
    section
      .getByRole('list', { name: /Breakdown of/ })
      .getByRole('listitem')
      .count(),
  ).resolves.toBe(4);
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'issue-panel')))).toEqual([]);
  await screenshotThemes(host.page, 'prioritise-panel');
});

test('the PMO lead sees the candidate ranked in the Prioritise view', async () => {
  await scorePanelEpicAsTeam();
  await openPrioritiseAsPmo();
  const view = app(host.page);
  expect(await view.getByTestId(`rank-${panelEpic}`).textContent()).toBe('1');
  expect(await view.getByTestId(`rank-${scoredEpic}`).textContent()).toBe('2');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await screenshotThemes(host.page, 'prioritise-view');
});

test('a what-if on the weights re-ranks beside the saved ranking and stores nothing', async () => {
  await scorePanelEpicAsTeam();
  await openPrioritiseAsPmo();
  const store = host.stack.wiring.localApp.deps.store;
  const before = await dumpStore(store);
  const saved = await invoke(host.stack, 'getPrioritisation', PMO, {});
  const view = app(host.page);
  await view.getByTestId('whatif').locator('summary').click();
  // Only risk reduction over job size: the admin's epic (5 / 1) overtakes the panel's (3 / 2).
  await view.getByTestId('whatif-weight-business-value').fill('0');
  await view.getByTestId('whatif-weight-time-criticality').fill('0');
  await view.getByTestId('whatif-status').waitFor();
  expect(await view.getByTestId(`whatif-rank-${scoredEpic}`).textContent()).toMatch(/^1/);
  expect(await view.getByTestId(`whatif-rank-${panelEpic}`).textContent()).toMatch(/^2/);
  // The saved ranking is still shown beside it.
  expect(await view.getByTestId(`rank-${panelEpic}`).textContent()).toBe('1');
  await screenshot(host.page, 'prioritise-whatif-light');
  expect(await dumpStore(store)).toEqual(before);
  expect(await invoke(host.stack, 'getPrioritisation', PMO, {})).toEqual(saved);
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test("the overview shows each project's priority rank: the best rank among its proposals", async () => {
  await scorePanelEpicAsTeam();
  await host.page.goto(host.url('/jira/apps/pmo-portfolio'));
  await switchUser(host.page, PMO);
  const view = app(host.page);
  const projectOf = (issueKey: string) => issueKey.split('-')[0] ?? issueKey;
  const ranked = view.getByTestId(`project-row-${projectOf(panelEpic)}`);
  await ranked.waitFor();
  await view.getByRole('columnheader', { name: /Priority rank/ }).waitFor();
  // The team's epic ranks first (WSJF 8 over 7): its project shows #1, the admin's epic's project #2.
  expect(projectOf(scoredEpic)).not.toBe(projectOf(panelEpic));
  expect(await ranked.textContent()).toContain('#1');
  const second = view.getByTestId(`project-row-${projectOf(scoredEpic)}`);
  expect(await second.textContent()).toContain('#2');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await screenshotThemes(host.page, 'prioritise-overview-rank');
});
