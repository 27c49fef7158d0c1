import type { HealthIndicator } from '../src/domain/health/health';
import { invoke } from './support/api';
import { radioInput } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, appFrame } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshotThemes } from './support/screenshot';
import { openSettingsSection, publishAsAdmin, publishFromPage } from './support/settings-page';

/**
 * #14.13 in the browser: warn-mode standards do not paint projects red by default. An admin sees how
 * compliance counts toward health under Health thresholds, counts every standard and publishes: a
 * project whose compliance is below the red threshold stays amber at most, and its drill-down says so,
 * with the resolver's figures. Letting compliance decide shows, in the dry run, which projects would
 * turn red and why, as the resolver computes it.
 */

jest.setTimeout(120_000);

const PORTFOLIO = '/jira/apps/pmo-portfolio';

// Each test gets its own simulator and host: the tests publish settings.
const host = setUpHostStack({ user: 'sim-admin', fresh: 'stack' });

const reportAs = (accountId: string) => invoke(host.stack, 'getPortfolioReport', accountId, {});
const complianceOf = (project: { health: { indicators: HealthIndicator[] } } | undefined) =>
  project?.health.indicators.find((indicator) => indicator.name === 'compliance');

async function openThresholds() {
  const frame = await openSettingsSection(host.page, host.stack, 'thresholds');
  await frame.getByTestId('compliance-health').waitFor();
  return frame;
}

test('by default no project is red from warn-mode standards, and the settings say how compliance counts', async () => {
  const report = await reportAs('sim-admin');
  const failing = (report.compliance?.projects ?? []).filter((p) => p.compliant * 100 < p.evaluated * 75);
  expect(failing.length).toBeGreaterThan(0);
  for (const { projectKey } of failing) {
    expect({
      projectKey,
      rag: complianceOf(report.projects.find((p) => p.key === projectKey))?.rag,
    }).toEqual({ projectKey, rag: 'none' });
  }

  const frame = await openThresholds();
  await expect(radioInput(frame, 'compliance-health-counts-enforced').isChecked()).resolves.toBe(true);
  await expect(radioInput(frame, 'compliance-health-weight-capAmber').isChecked()).resolves.toBe(true);
  expect(seriousOrWorse(await runAxe(appFrame(host.page, 'admin')))).toEqual([]);
  await screenshotThemes(host.page, 'compliance-weight-settings', () =>
    frame.getByTestId('compliance-health').scrollIntoViewIfNeeded(),
  );
});

test('counting every standard caps compliance at amber; the drill-down shows what its thresholds said', async () => {
  const frame = await openThresholds();
  await radioInput(frame, 'compliance-health-counts-all').check();
  await publishFromPage(frame, 'Count warn-mode standards toward health');

  const report = await reportAs('sim-admin');
  const capped = report.projects.filter((project) => complianceOf(project)?.thresholdRag === 'red');
  expect(capped.length).toBeGreaterThan(0);
  const project = capped[0];
  const indicator = project ? complianceOf(project) : undefined;
  if (!project || !indicator) throw new Error('no capped project');
  expect(indicator.rag).toBe('amber');
  expect(indicator.reason).toContain('counted as amber, since compliance makes a project amber at most');
  expect(report.projects.every((candidate) => complianceOf(candidate)?.rag !== 'red')).toBe(true);

  await host.page.goto(host.url(`${PORTFOLIO}/overview`));
  await app(host.page).getByTestId(`show-indicators-${project.key}`).click();
  const row = app(host.page).getByTestId(`drilldown-${project.key}`).getByTestId('indicator-compliance');
  await expect(row.getAttribute('data-rag')).resolves.toBe('amber');
  await expect(row.getByTestId('indicator-compliance-reason').textContent()).resolves.toBe(indicator.reason);
  await expect(row.getByTestId('indicator-compliance-threshold-rag').textContent()).resolves.toBe(
    'Red by its thresholds; counts as amber',
  );
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await screenshotThemes(host.page, 'compliance-weight-drilldown', () => row.scrollIntoViewIfNeeded());
});

test('letting compliance decide: the dry run names the projects that would turn red, as the resolver does', async () => {
  await publishAsAdmin(host.stack, 'Count warn-mode standards toward health', (config) => {
    config.engine.complianceHealth = { ...config.engine.complianceHealth, counts: 'all' };
  });
  // The report after publishing is computed with the published settings, as in the test above.
  await reportAs('sim-admin');
  const frame = await openThresholds();
  await radioInput(frame, 'compliance-health-weight-decides').check();
  await frame.getByTestId('dry-run').click();
  const result = frame.getByTestId('dry-run-result');
  await result.waitFor();

  const { live } = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  const draft = structuredClone(live.config);
  draft.engine.complianceHealth = { ...draft.engine.complianceHealth, weight: 'decides' };
  const expected = await invoke(host.stack, 'dryRunSettings', 'sim-admin', { config: draft });
  const changes = expected.health?.changes ?? [];
  expect(changes.some((change) => change.to === 'red')).toBe(true);
  await expect(result.locator('[data-testid^="dry-run-health-"][data-from]').count()).resolves.toBe(
    changes.length,
  );
  for (const change of changes) {
    const row = result.getByTestId(`dry-run-health-${change.projectKey}`);
    await expect(row.getAttribute('data-to')).resolves.toBe(change.to);
    const compliance = change.reasons.find((reason) => reason.indicator === 'compliance');
    expect(compliance?.to).toBe('red');
    await expect(
      row.getByTestId(`dry-run-health-${change.projectKey}-compliance`).textContent(),
    ).resolves.toContain(compliance?.reason ?? '');
  }
  await frame.getByTestId('discard').click();
  await frame.getByTestId('unsaved-bar').waitFor({ state: 'detached' });
});
