import { scoringPresets } from '../src/domain/scoring/presets';
import { invoke } from './support/api';
import { chooseOption, shownValue } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshotThemes } from './support/screenshot';
import { goToSettingsSection, publishFromPage } from './support/settings-page';

/**
 * The scoring models in the admin settings are cards like portfolios and standards: a model added
 * from a preset is headed by its name and a summary of its criteria and formula, can be removed from
 * its header, says whether it is the one used for scoring, and reads in light and dark.
 */

jest.setTimeout(90_000);

const host = setUpHostStack({ user: 'sim-admin' });

test('a model added from a preset is a card headed by its name, use, criteria and formula', async () => {
  await host.page.goto(host.url('/jira/settings/apps/pmo-portfolio'));
  const frame = app(host.page);
  await frame.getByTestId('settings-nav-scoring').click();
  await frame.getByTestId('scoring-add-wsjf').click();
  const card = frame.getByTestId('scoring-model-wsjf');
  await expect(card.getAttribute('aria-label')).resolves.toBe('Scoring model WSJF');
  // The first model is the one candidates are scored with, and its card says so.
  await expect(card.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(
    'WSJF · used for scoring',
  );
  const criteria = scoringPresets.wsjf.criteria.length;
  await expect(card.locator('.pmo-card__summary').textContent()).resolves.toBe(
    `${criteria} criteria · Ratio: value / size (WSJF)`,
  );
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'admin-scoring-model-card', () => card.scrollIntoViewIfNeeded());

  await card.getByTestId('scoring-model-wsjf-remove').click();
  await card.waitFor({ state: 'detached' });
});

test('who may authorise at the Inception gate: the PMO by default, a Jira group once chosen and published', async () => {
  await host.page.goto(host.url('/jira/settings/apps/pmo-portfolio'));
  const frame = await goToSettingsSection(host.page, 'scoring');
  await expect(shownValue(frame, 'scoring-authorisers-who')).resolves.toBe('The PMO');
  await chooseOption(frame, 'scoring-authorisers-who', 'Members of a Jira group');
  await frame.getByTestId('scoring-authorisers-group').fill('pmo-approvers');
  await screenshotThemes(host.page, 'admin-scoring-authorisers', () =>
    frame.getByTestId('scoring-authorisers-group').scrollIntoViewIfNeeded(),
  );
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await publishFromPage(frame, 'Proposals are authorised by the approvers group');
  const { live } = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  expect(live.config.scoring.authorisers).toEqual({ kind: 'group', group: 'pmo-approvers' });
});
