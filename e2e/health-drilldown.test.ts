import type { Page } from 'playwright-core';
import { simUser } from '../dev/jira-sim/users';
import { isRestrictedKey } from '../src/domain/snapshot/viewer-filter';
import { invoke, simRequest } from './support/api';
import { chooseOption } from './support/atlaskit';
import { runAxe, seriousOrWorse } from './support/axe';
import { app, setTheme, switchUser } from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot, screenshotThemes } from './support/screenshot';

/**
 * Issue #14 "One number everywhere", in the browser: the project drill-down shows every indicator with
 * the resolver's figures and reasons, its issues and an "Open in Jira" search (#14.14); a manual
 * override keeps the computed RAG visible (#14.4); the outsider's RAID, Compliance and Gates pages say
 * why they are empty (#14.9); the override form's errors go once their fields are filled (#14.12); the
 * settings dry run gives examples and says which projects' RAG would change and why (#14.10).
 */

jest.setTimeout(120_000);

const PORTFOLIO = '/jira/apps/pmo-portfolio';

/** Thresholds for the dry run: indicator, red, amber. */
const LENIENT = [
  ['schedule', 90, 60],
  ['blocked', 90, 60],
  ['dateConflicts', 100, 50],
  ['staleness', 90, 60],
  ['compliance', 10, 20],
] as const;
const ADMIN_PATH = '/jira/settings/apps/pmo-portfolio';

const host = setUpHostStack();
const PMO = simUser('pmo');

function portfolioFrame(p: Page) {
  const frame = p.frame({ url: /\/apps\/(portfolio|admin)\// });
  if (!frame) throw new Error('no app frame');
  return frame;
}

async function expectAxeClean() {
  expect(seriousOrWorse(await runAxe(portfolioFrame(host.page)))).toEqual([]);
}

const reportAs = (accountId: string) => invoke(host.stack, 'getPortfolioReport', accountId, {});

/** How many issues a JQL finds, asked of the simulator as the PMO lead (the oracle for "Open in Jira"). */
async function jiraCount(jql: string): Promise<number> {
  const response = await simRequest(host.stack, PMO, 'POST', '/rest/api/3/search/approximate-count', {
    jql,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { count: number }).count;
}

/** Open overdue issues of a project with a security level the PMO lead cannot open (from the dataset). */
async function hiddenOverdueIssues(projectKey: string): Promise<number> {
  const { dataset } = host.stack.sim;
  const projectIdx = dataset.projects.findIndex((project) => project.key === projectKey);
  const today = new Date().toISOString().slice(0, 10);
  const secured = dataset.issues.filter(
    (issue) =>
      issue.projectIdx === projectIdx &&
      issue.securityLevelId !== null &&
      issue.duedate !== null &&
      issue.duedate < today &&
      dataset.statuses.find((status) => status.id === issue.statusId)?.category !== 'done',
  );
  let hidden = 0;
  for (const issue of secured) {
    const response = await simRequest(
      host.stack,
      PMO,
      'GET',
      `/rest/api/3/issue/${issue.key}?fields=summary`,
    );
    if (response.status === 404) hidden++;
  }
  return hidden;
}

function jqlOf(href: string | null): string {
  const url = new URL(href ?? '', 'https://site.example');
  expect(url.pathname).toBe('/issues/');
  return url.searchParams.get('jql') ?? '';
}

async function openOverview() {
  await host.page.goto(`${host.stack.url}${PORTFOLIO}/overview`);
  await app(host.page).getByTestId('project-table').waitFor();
  await app(host.page).locator('[data-testid^="show-indicators-"]').first().waitFor();
}

test('the drill-down shows every indicator with the resolver’s figures, its issues and an Open in Jira search', async () => {
  await openOverview();
  const report = await reportAs('sim-pmo');
  // The project with the most example issues behind its indicators.
  const project = [...report.projects].sort(
    (a, b) =>
      b.health.indicators.reduce((sum, i) => sum + (i.issueKeys?.length ?? 0), 0) -
      a.health.indicators.reduce((sum, i) => sum + (i.issueKeys?.length ?? 0), 0),
  )[0];
  if (!project) throw new Error('no project in the report');
  await app(host.page).getByTestId(`show-indicators-${project.key}`).click();
  const drilldown = app(host.page).getByTestId(`drilldown-${project.key}`);
  await drilldown.waitFor();
  await expect(drilldown.getByTestId('drilldown-rag').getAttribute('data-rag')).resolves.toBe(
    project.health.rag,
  );

  // Every indicator, not only the worst, with the resolver's RAG, value and reason.
  const rows = drilldown.locator('tbody tr');
  await expect(rows.count()).resolves.toBe(project.health.indicators.length);
  // schedule, blockers, risk, compliance, staleness, schedule variance and scope change.
  expect(project.health.indicators).toHaveLength(7);
  for (const indicator of project.health.indicators) {
    const row = drilldown.getByTestId(`indicator-${indicator.name}`);
    await expect(row.getAttribute('data-rag')).resolves.toBe(indicator.rag);
    await expect(row.getAttribute('data-value')).resolves.toBe(
      indicator.value === null ? '' : String(indicator.value),
    );
    await expect(row.getByTestId(`indicator-${indicator.name}-reason`).textContent()).resolves.toBe(
      indicator.reason,
    );
    const keys = indicator.issueKeys ?? [];
    const issues = row.getByTestId(`indicator-${indicator.name}-issues`);
    if ((await issues.count()) === 0) {
      expect(keys).toEqual([]);
      continue;
    }
    // Clicking the indicator opens the issues behind it.
    await issues.locator('summary').click();
    for (const key of keys) {
      // An issue in a project the viewer cannot browse is listed without its key or a link.
      await expect(
        issues.getByTestId(`indicator-${indicator.name}-issue-${key}`).getAttribute('href'),
      ).resolves.toBe(isRestrictedKey(key) ? null : `/browse/${key}`);
    }
    const link = issues.getByTestId(`indicator-${indicator.name}-open-in-jira`);
    if ((await link.count()) === 0) continue;
    const jql = jqlOf(await link.getAttribute('href'));
    expect(jql).toContain(`project = "${project.key}"`);
    if (indicator.name === 'schedule') {
      // The whole list: Jira finds the overdue issues the report counts, except those with a security
      // level the viewer may not open (counted in the figures, never shown).
      const hidden = await hiddenOverdueIssues(project.key);
      await expect(jiraCount(jql)).resolves.toBe(project.kpis.overdue - hidden);
    } else if (indicator.name !== 'compliance') {
      await expect(jiraCount(jql)).resolves.toBe(keys.filter((key) => !isRestrictedKey(key)).length);
    }
  }
  await expectAxeClean();
  await screenshotThemes(host.page, 'health-drilldown', () => drilldown.scrollIntoViewIfNeeded());
  await drilldown.getByTestId('drilldown-close').click();
  await expect(drilldown.count()).resolves.toBe(0);
});

test('a manual override shows who set it, when and why, with the computed RAG and its reason beside it', async () => {
  const before = await reportAs('sim-pmo');
  const project = before.projects.find((candidate) => candidate.health.rag !== 'green');
  if (!project) throw new Error('no project that is not green');
  const { live } = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  await invoke(host.stack, 'setProjectOverride', 'sim-admin', {
    projectKey: project.key,
    override: {
      rag: 'green',
      reason: 'Recovery plan agreed with the sponsor',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    baseVersion: live.version,
  });
  const after = await reportAs('sim-pmo');
  const health = after.projects.find((candidate) => candidate.key === project.key)?.health;
  expect(health?.rag).toBe('green');
  expect(health?.computedRag).toBe(project.health.rag);

  await openOverview();
  const cell = app(host.page).getByTestId(`health-${project.key}`);
  await expect(cell.getAttribute('data-rag')).resolves.toBe('green');
  // The computed RAG stays visible, with the reason of its worst indicator (it used to be hidden).
  await expect(cell.getAttribute('data-computed-rag')).resolves.toBe(project.health.computedRag);
  const worst = health?.indicators.find((indicator) => indicator.rag === health.computedRag);
  const computed = (await cell.getByTestId(`health-${project.key}-computed`).textContent()) ?? '';
  expect(computed).toContain(`Computed:`);
  expect(computed).toContain(worst?.reason ?? '(no reason)');
  const override = (await cell.getByTestId(`health-${project.key}-override`).textContent()) ?? '';
  expect(override).toContain('Recovery plan agreed with the sponsor');
  expect(override).toContain('by sim-admin on ');
  await cell.scrollIntoViewIfNeeded();
  await screenshot(host.page, 'health-override-light');

  await app(host.page).getByTestId(`show-indicators-${project.key}`).click();
  const drilldown = app(host.page).getByTestId(`drilldown-${project.key}`);
  await expect(drilldown.getByTestId('drilldown-override').textContent()).resolves.toContain(
    'Recovery plan agreed with the sponsor',
  );
  await expect(drilldown.getByTestId('drilldown-computed').getAttribute('data-rag')).resolves.toBe(
    project.health.computedRag,
  );
  await expectAxeClean();
  await setTheme(host.page, 'dark');
  await screenshot(host.page, 'health-override-drilldown-dark');
  await setTheme(host.page, 'light');
});

test('the outsider’s RAID, Compliance and Gates pages say they can browse no project', async () => {
  await host.page.goto(`${host.stack.url}${PORTFOLIO}/raid`);
  await switchUser(host.page, 'sim-outsider');
  for (const view of ['raid', 'compliance', 'gates'] as const) {
    await host.page.goto(`${host.stack.url}${PORTFOLIO}/${view}`);
    const empty = app(host.page).getByTestId(`${view}-empty`);
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toContain("You can't browse any projects in this portfolio");
    await expectAxeClean();
    await screenshot(host.page, `health-outsider-${view}-light`);
  }
  await setTheme(host.page, 'dark');
  await screenshot(host.page, 'health-outsider-gates-dark');
  await setTheme(host.page, 'light');
  await switchUser(host.page, 'sim-pmo');
});

test('every issue list has Open in Jira: a search that finds the listed issues', async () => {
  await switchUser(host.page, 'sim-pmo');
  const report = await reportAs('sim-pmo');
  const visible = (keys: readonly string[]) => new Set(keys.filter((key) => !isRestrictedKey(key)));
  const lists = [
    { view: 'raid', testId: 'open-in-jira-register', keys: visible(report.risks.map((risk) => risk.key)) },
    {
      view: 'compliance',
      testId: 'open-in-jira-compliance',
      keys: visible(report.compliance?.violations.map((violation) => violation.key) ?? []),
    },
    {
      view: 'gates',
      testId: 'open-in-jira-gates',
      keys: visible(report.compliance?.gates.map((gate) => gate.key) ?? []),
    },
  ];
  for (const { view, testId, keys } of lists) {
    expect({ view, listed: keys.size > 0 }).toEqual({ view, listed: true });
    await host.page.goto(`${host.stack.url}${PORTFOLIO}/${view}`);
    const link = app(host.page).getByTestId(testId);
    await link.waitFor();
    const jql = jqlOf(await link.getAttribute('href'));
    await expect(jiraCount(jql)).resolves.toBe(Math.min(keys.size, 200));
    await expectAxeClean();
    await screenshotThemes(host.page, `health-open-in-jira-${view}`, () => link.scrollIntoViewIfNeeded());
  }
});

test('the override form’s errors go once their fields are filled', async () => {
  await host.page.goto(`${host.stack.url}${ADMIN_PATH}`);
  await switchUser(host.page, 'sim-admin');
  const frame = app(host.page);
  await frame.getByTestId('settings-nav-overrides').click();
  await frame.getByTestId('settings-section-overrides').waitFor();
  await frame.getByTestId('override-reason').fill('');
  await frame.getByTestId('override-save').click();
  await frame.getByText('Choose a project.').waitFor();
  await frame.getByTestId('override-reason').fill('Markup <b>here</b>');
  await frame.getByTestId('override-save').click();
  const markup = frame.getByText(
    'Contains HTML or script markup, which settings do not accept; use plain text.',
  );
  await markup.waitFor();
  const project = host.stack.sim.dataset.projects[1];
  if (!project) throw new Error('no second project');
  await chooseOption(frame, 'override-project', `${project.name} (${project.key})`);
  await expect(frame.getByText('Choose a project.').count()).resolves.toBe(0);
  await frame.getByTestId('override-reason').fill('Plain text now');
  await expect(markup.count()).resolves.toBe(0);
  await screenshotThemes(host.page, 'health-override-form');
});

test('the dry run gives examples and says which projects’ RAG would change, as the resolver computes it', async () => {
  // The portfolio page has been viewed, so its snapshot exists; the admin edits a draft.
  await host.page.goto(`${host.stack.url}${ADMIN_PATH}`);
  await switchUser(host.page, 'sim-admin');
  const frame = app(host.page);
  await frame.getByTestId('settings-nav-standards').click();
  await chooseOption(frame, 'standard-mode-delivery-readiness', 'Enforce: block transitions');
  await frame.getByTestId('settings-nav-thresholds').click();
  // Lenient thresholds: projects red or amber only through them turn greener.
  for (const [indicator, red, amber] of LENIENT) {
    await frame.getByTestId(`threshold-${indicator}-red`).fill(String(red));
    await frame.getByTestId(`threshold-${indicator}-amber`).fill(String(amber));
  }
  await frame.getByTestId('dry-run').click();
  const result = frame.getByTestId('dry-run-result');
  await result.waitFor();

  // The same draft, dry-run through the resolver: the page shows its answer.
  const { live } = await invoke(host.stack, 'getSettings', 'sim-admin', {});
  const draft = structuredClone(live.config);
  const readiness = draft.standards.find((standard) => standard.id === 'delivery-readiness');
  if (!readiness) throw new Error('no delivery-readiness standard');
  readiness.mode = 'enforce';
  for (const [indicator, red, amber] of LENIENT) draft.engine.health[indicator] = { amber, red };
  const expected = await invoke(host.stack, 'dryRunSettings', 'sim-admin', { config: draft });

  // Examples: every project row names the issues the change affects (the column used to be blank).
  const projectRows = result.locator('[data-testid^="dry-run-project-"]');
  await expect(projectRows.count()).resolves.toBe(expected.perProject.length);
  expect(expected.perProject.length).toBeGreaterThan(0);
  for (const project of expected.perProject) {
    const row = result.getByTestId(`dry-run-project-${project.projectKey}`);
    expect(project.sample.length).toBeGreaterThan(0);
    await expect(row.locator('[data-testid^="dry-run-example-"]').count()).resolves.toBe(
      project.sample.length,
    );
  }

  // Health: which projects' RAG would change, from → to, and why.
  expect(expected.health).not.toBeNull();
  const changes = expected.health?.changes ?? [];
  expect(changes.length).toBeGreaterThan(0);
  const healthRows = result.locator('[data-testid^="dry-run-health-"][data-from]');
  await expect(healthRows.count()).resolves.toBe(changes.length);
  for (const change of changes) {
    const row = result.getByTestId(`dry-run-health-${change.projectKey}`);
    await expect(row.getAttribute('data-from')).resolves.toBe(change.from);
    await expect(row.getAttribute('data-to')).resolves.toBe(change.to);
    for (const reason of change.reasons) {
      await expect(
        row.getByTestId(`dry-run-health-${change.projectKey}-${reason.indicator}`).textContent(),
      ).resolves.toContain(reason.reason);
    }
  }
  await expectAxeClean();
  await screenshotThemes(host.page, 'health-dry-run', () =>
    frame.getByTestId('dry-run-health').scrollIntoViewIfNeeded(),
  );
  await frame.getByTestId('discard').click();
});
