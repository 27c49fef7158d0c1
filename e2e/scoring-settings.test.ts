import { simUser } from '../dev/jira-sim/users';
import { invoke, invokeResponse } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import { twoBacklogCandidates } from './support/candidate-epics';
import { app, appFrame } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshotThemes } from './support/screenshot';

/**
 * Issue #17 in the admin's Scoring section: edit the WSJF model (weights, a criterion, a RICE preset),
 * weights summing to 0 refused with a clear message, the dry run shows how the ranking would move,
 * and once published the Prioritise view ranks with the new weights.
 */

jest.setTimeout(150_000);

const ADMIN = simUser('admin').accountId;
const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';
const PRIORITISE_PATH = '/jira/apps/pmo-portfolio/prioritise';
const WSJF = 'scoring-model-wsjf';
const weightField = (criterionId: string) => `${WSJF}-criterion-${criterionId}-weight`;

const host = setUpHostStack({ user: ADMIN });

/** Two proposals: one of high business value, one urgent and risky (first under WSJF's equal weights). */
let valueEpic: string;
let urgentEpic: string;

beforeAll(async () => {
  [valueEpic, urgentEpic] = await twoBacklogCandidates(host.stack, ADMIN);
  // WSJF levels are 1, 2, 3, 5, 8: (8 + 1 + 1) / 3 = 3.33 against (1 + 3 + 3) / 2 = 3.5.
  await invoke(host.stack, 'saveIssueScore', ADMIN, {
    issueKey: valueEpic,
    ratings: { 'business-value': 5, 'time-criticality': 1, 'risk-reduction': 1, 'job-size': 3 },
  });
  await invoke(host.stack, 'saveIssueScore', ADMIN, {
    issueKey: urgentEpic,
    ratings: { 'business-value': 1, 'time-criticality': 3, 'risk-reduction': 3, 'job-size': 2 },
  });
});

async function openScoring() {
  await host.page.goto(host.url(ADMIN_PATH));
  await app(host.page).getByTestId('settings-nav-scoring').click();
  await app(host.page).getByTestId(WSJF).waitFor();
}

async function liveVersion(): Promise<number> {
  return (await invoke(host.stack, 'getSettings', ADMIN, {})).live.version;
}

test('a model is edited in place: a criterion added and removed, a RICE model added from its preset', async () => {
  await openScoring();
  const frame = app(host.page);
  const criteria = frame
    .getByTestId(WSJF)
    .locator('[data-testid^="scoring-model-wsjf-criterion-"].pmo-criterion');
  await expect(criteria.count()).resolves.toBe(4);
  await frame.getByTestId(`${WSJF}-add-criterion`).click();
  await expect(criteria.count()).resolves.toBe(5);
  await criteria.last().locator('[data-testid$="-remove"]').click();
  await expect(criteria.count()).resolves.toBe(4);

  await frame.getByTestId('scoring-add-rice').click();
  await frame.getByTestId('scoring-model-rice').waitFor();
  await expect(frame.getByTestId('scoring-model-rice').textContent()).resolves.toContain('Reach');
  await frame.getByTestId('discard').click();
  await frame.getByTestId('scoring-model-rice').waitFor({ state: 'detached' });
});

test('weights that sum to 0 are refused with a clear message, and nothing is published', async () => {
  await openScoring();
  const frame = app(host.page);
  const version = await liveVersion();
  for (const criterionId of ['business-value', 'time-criticality', 'risk-reduction', 'job-size']) {
    await frame.getByTestId(weightField(criterionId)).fill('0');
  }
  await frame
    .getByTestId(WSJF)
    .getByText('the weights sum to 0: give at least one criterion a weight')
    .waitFor();
  await expect(frame.getByTestId('publish').isDisabled()).resolves.toBe(true);

  // The resolver refuses the same settings typed, and stores nothing.
  const { live } = await invoke(host.stack, 'getSettings', ADMIN, {});
  const zero = structuredClone(live.config);
  for (const criterion of zero.scoring.models[0]?.criteria ?? []) criterion.weight = 0;
  const refused = await invokeResponse(host.stack, 'saveSettings', ADMIN, {
    baseVersion: version,
    config: zero,
    comment: 'No weights',
  });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('the weights sum to 0');
  await expect(liveVersion()).resolves.toBe(version);
  await frame.getByTestId('discard').click();
});

test('the dry run shows the ranking change; published, the Prioritise view ranks with the new weights', async () => {
  await openScoring();
  const frame = app(host.page);
  await frame.getByTestId(weightField('business-value')).fill('10');
  await frame.getByTestId('dry-run').click();
  const ranking = frame.getByTestId('dry-run-ranking');
  await ranking.waitFor();
  await expect(frame.getByTestId('dry-run-ranking-headline').textContent()).resolves.toBe(
    '2 of 2 candidates would change rank.',
  );
  await expect(frame.getByTestId(`dry-run-rank-${valueEpic}`).textContent()).resolves.toMatch(
    /#2→to#1 \(up 1\)3\.33 → 27\.33/,
  );
  await expect(frame.getByTestId(`dry-run-rank-${urgentEpic}`).textContent()).resolves.toContain('(down 1)');
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'scoring-settings-dry-run', () => ranking.scrollIntoViewIfNeeded());

  await frame.getByTestId('publish-comment').fill('Business value counts most');
  await frame.getByTestId('publish').click();
  await frame
    .getByTestId('settings-notice')
    .getByText(/^Published version \d+\. It is live now\.$/)
    .waitFor();

  await host.page.goto(host.url(PRIORITISE_PATH));
  const view = app(host.page);
  await view.getByTestId(`candidate-${valueEpic}`).waitFor();
  await expect(view.getByTestId(`rank-${valueEpic}`).textContent()).resolves.toBe('1');
  await expect(view.getByTestId(`rank-${urgentEpic}`).textContent()).resolves.toBe('2');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await screenshotThemes(host.page, 'scoring-settings-prioritise');
});
