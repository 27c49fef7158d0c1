import { simUser } from '../dev/jira-sim/users';
import { gateEpicsAtInception, wsjfEpicConfig } from '../test/support/scoring-settings';
import { invoke, transitionIssue } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { twoTeamEpics } from './support/candidate-epics';
import { app, appFrame, panel, viewReady } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshotThemes } from './support/screenshot';

/**
 * Issue #17 item 4 end to end: the PMO authorises a scored candidate through the Inception gate in
 * the issue panel; Jira moves it into Planning; the decision, with the score it was made on, shows in
 * the panel, in the RAID decision log and as a badge in Prioritise. Deferring needs a reason and
 * leaves the candidate where it is.
 */

jest.setTimeout(180_000);

const ADMIN = simUser('admin').accountId;
const GATE_ITEMS = ['scored', 'sponsor-named', 'outcome-described'];

const host = setUpHostStack({ user: ADMIN });
/** Two team epics in Backlog (Inception): one scored with its gate ticked, one not. */
let approvedEpic: string;
let deferredEpic: string;

beforeAll(async () => {
  const config = gateEpicsAtInception(wsjfEpicConfig());
  await invoke(host.stack, 'saveSettings', ADMIN, { baseVersion: 0, config, comment: 'Authorise epics' });
  [approvedEpic, deferredEpic] = twoTeamEpics(host.stack);
  for (const key of [approvedEpic, deferredEpic]) {
    await transitionIssue(host.stack, simUser('admin'), key, 'Backlog').catch(() => {
      // Already in Backlog.
    });
  }
  await invoke(host.stack, 'saveIssueScore', ADMIN, {
    issueKey: approvedEpic,
    ratings: { 'business-value': 4, 'time-criticality': 3, 'risk-reduction': 2, 'job-size': 3 },
  });
  for (const itemId of GATE_ITEMS) {
    await invoke(host.stack, 'setChecklistItem', ADMIN, {
      issueKey: approvedEpic,
      ruleId: 'planning-gate',
      itemId,
      ticked: true,
    });
  }
});

test('approving through the gate moves the candidate into Planning and writes the decision', async () => {
  const page = host.page;
  await page.goto(host.url(`/jira/browse/${approvedEpic}`));
  const section = panel(page).getByTestId('authorisation-section');
  await section.getByTestId('authorisation-gate').waitFor();
  await section.getByTestId('decision-reason').fill('Strong case <b>for</b> Q1');
  await section.getByTestId('decision-approve').click();
  const decisions = section.getByTestId('decisions');
  await decisions.getByText('Approved').waitFor();
  expect(await decisions.textContent()).toContain('Strong case <b>for</b> Q1');
  expect(await decisions.textContent()).toMatch(/Score 3\.33 with WSJF/);
  await section.getByTestId('authorisation-stage').waitFor();
  await panel(page).getByTestId('issue-status').getByText('To Do').waitFor();
  expect(seriousOrWorse(await runAxe(appFrame(page, 'issue-panel')))).toEqual([]);
  await screenshotThemes(page, 'authorisation-panel-approved', () => section.scrollIntoViewIfNeeded());

  // The RAID decision log lists it, marked as an authorisation and linking to the candidate.
  await page.goto(host.url('/jira/apps/pmo-portfolio/raid'));
  await viewReady(page, 'raid');
  await app(page).getByTestId('raid-tab-decisions').click();
  const row = app(page).getByTestId(`authorisation-row-${approvedEpic}`);
  await row.waitFor();
  expect(await row.textContent()).toMatch(/Authorisation\s*Approved/);
  expect(await row.getByRole('link', { name: approvedEpic }).count()).toBe(1);
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  await screenshotThemes(page, 'authorisation-raid-log', () =>
    app(page).getByTestId('authorisation-log').scrollIntoViewIfNeeded(),
  );

  // Prioritise shows the candidate's newest decision at the end of its row.
  // Approved means past Inception: once the snapshot knows, it is listed apart from the ranked
  // proposals, so include that group to find it wherever the snapshot places it now.
  await page.goto(host.url('/jira/apps/pmo-portfolio/prioritise'));
  await app(page).getByTestId('filter-authorised').check();
  const badge = app(page).getByTestId(`decision-badge-${approvedEpic}`);
  await badge.waitFor();
  expect(await badge.textContent()).toBe('Approved');
  expect(seriousOrWorse(await runAxe(appFrame(page)))).toEqual([]);
  await screenshotThemes(page, 'authorisation-prioritise');
});

test('a candidate whose gate is not ticked cannot be approved; deferring it needs a reason and keeps it in Inception', async () => {
  const page = host.page;
  await page.goto(host.url(`/jira/browse/${deferredEpic}`));
  const section = panel(page).getByTestId('authorisation-section');
  const gaps = section.getByTestId('authorisation-gaps');
  await gaps.waitFor();
  expect(await gaps.textContent()).toContain('Sponsor named');
  expect(await section.getByTestId('decision-approve').isDisabled()).toBe(true);
  expect(await section.getByTestId('decision-defer').isDisabled()).toBe(true);
  await section.getByTestId('decision-reason').fill('Revisit after the platform migration');
  await section.getByTestId('decision-defer').click();
  const decisions = section.getByTestId('decisions');
  await decisions.getByText('Deferred').waitFor();
  expect(await decisions.textContent()).toContain('Revisit after the platform migration');
  expect(await panel(page).getByTestId('issue-status').textContent()).toContain('Backlog');
  expect(seriousOrWorse(await runAxe(appFrame(page, 'issue-panel')))).toEqual([]);
  await screenshotThemes(page, 'authorisation-panel-deferred', () => section.scrollIntoViewIfNeeded());
  const stored = await invoke(host.stack, 'getIssueAuthorisation', ADMIN, { issueKey: deferredEpic });
  expect(stored).toMatchObject({
    status: 'candidate',
    inInception: true,
    decisions: [{ outcome: 'deferred' }],
  });
});
