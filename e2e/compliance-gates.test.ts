import type { Page } from 'playwright-core';
import { complianceShare } from '../src/domain/health/percent';
import type { PortfolioReport } from '../src/domain/portfolio/schema';
import { invoke } from './support/api';
import { runAxe, seriousOrWorse } from './support/axe';
import {
  app,
  appFrame,
  downloadCsv,
  setTheme,
  switchUser,
  tableRowCount,
  tableRowIds,
  viewReady,
} from './support/host-page';
import { setUpHostStack } from './support/host-stack';
import { screenshot } from './support/screenshot';

jest.setTimeout(90_000);

type Compliance = NonNullable<PortfolioReport['compliance']>;

const host = setUpHostStack();

const COMPLIANCE_URL = '/jira/apps/pmo-portfolio/compliance';
const GATES_URL = '/jira/apps/pmo-portfolio/gates';
const ADMIN = 'sim-admin';

async function reportOf(accountId = ADMIN): Promise<PortfolioReport> {
  return invoke(host.stack, 'getPortfolioReport', accountId, { portfolioId: 'all' });
}

async function complianceOf(accountId = ADMIN): Promise<Compliance> {
  const report = await reportOf(accountId);
  if (report.compliance === null) throw new Error('the seeded report has no compliance section');
  return report.compliance;
}

/** `KEY-standardId` of the violation rows on the page shown, top to bottom. */
const violationRows = (p: Page) => tableRowIds(p, 'compliance-violations', 'violation-row-');
const violationCount = (p: Page) => tableRowCount(p, 'compliance-violations');

/** `[key, data-ready]` of the gate rows, top to bottom. */
async function gateRows(p: Page): Promise<[string, string][]> {
  return app(p)
    .getByTestId('gates-table')
    .locator('tr[data-testid^="gate-row-"]')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute('data-testid')?.replace(/^gate-row-/, '') ?? '',
        row.getAttribute('data-ready') ?? '',
      ]),
    );
}

const readinessOf = (gate: Compliance['gates'][number]) =>
  gate.missedGates.length > 0
    ? 'missed'
    : gate.nextGate === null
      ? 'none'
      : gate.nextGate.ready
        ? 'ready'
        : 'not-ready';

test('the matrix shows the report’s compliance per project and standard, axe-clean', async () => {
  await host.page.goto(`${host.stack.url}${COMPLIANCE_URL}`);
  await switchUser(host.page, ADMIN);
  await expect(host.page.getByTestId('user-switcher').inputValue()).resolves.toBe(ADMIN);
  await app(host.page).getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
  await expect(host.page.getByTestId('nav-compliance').getAttribute('aria-current')).resolves.toBe('page');
  await viewReady(host.page, 'compliance');
  const report = await reportOf();
  const compliance = report.compliance;
  if (!compliance) throw new Error('the seeded report has no compliance section');
  expect(compliance.standards.length).toBeGreaterThan(0);
  expect(compliance.projects.length).toBeGreaterThan(0);
  const thresholds = compliance.thresholds ?? { amber: 90, red: 75 };
  const shownPercent = (compliant: number, total: number) =>
    complianceShare(compliant, total, thresholds).percent;

  const matrix = app(host.page).getByTestId('compliance-matrix');
  await expect(matrix.locator('[data-testid^="compliance-cell-"]').count()).resolves.toBe(
    compliance.projects.length * compliance.standards.length,
  );
  for (const project of compliance.projects) {
    for (const standard of compliance.standards) {
      const expected = project.byStandard.find((cell) => cell.standardId === standard.id);
      const cell = matrix.getByTestId(`compliance-cell-${project.projectKey}-${standard.id}`);
      const shown = await cell.evaluate((el) => [
        Number(el.getAttribute('data-violating')),
        Number(el.getAttribute('data-applicable')),
        el.textContent ?? '',
      ]);
      expect(shown.slice(0, 2)).toEqual([expected?.violating ?? 0, expected?.applicable ?? 0]);
      if (expected && expected.applicable > 0) {
        const percent = shownPercent(expected.applicable - expected.violating, expected.applicable);
        expect(shown[2]).toBe(`${expected.violating} / ${expected.applicable} ${percent} %`);
      } else expect(shown[2]).toContain('—');
    }
    // #14.7: the project's row shows its share with the one rounding rule; the overview's compliance
    // indicator shows the same figure for the standards health counts (#14.13: by default only enforced
    // ones, so with every standard in warn mode the indicator has no figure).
    const overview = report.projects
      .find((candidate) => candidate.key === project.projectKey)
      ?.health.indicators.find((indicator) => indicator.name === 'compliance')?.value;
    const rowPercent = shownPercent(project.compliant, project.evaluated);
    const counted = compliance.healthCounts === 'enforced' ? project.enforced : project;
    expect(overview).toBe(
      counted && counted.evaluated > 0 ? shownPercent(counted.compliant, counted.evaluated) : null,
    );
    await expect(
      matrix.getByTestId(`compliance-project-${project.projectKey}`).getAttribute('data-percent'),
    ).resolves.toBe(String(rowPercent));
  }
  await expect(
    app(host.page).getByTestId('compliance-kpi-evaluated').locator('dd').textContent(),
  ).resolves.toBe(String(compliance.totals.evaluated));
  // Without a filter the table holds every violation.
  expect(await violationCount(host.page)).toBe(compliance.violations.length);
  await app(host.page).getByTestId('data-freshness').waitFor();
  await screenshot(host.page, 'compliance-admin');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
});

test('a cell filters the violations to exactly its project and standard; CSV exports the rows shown', async () => {
  const compliance = await complianceOf();
  const candidates = compliance.projects
    .flatMap((project) => project.byStandard.map((cell) => ({ projectKey: project.projectKey, ...cell })))
    .filter((cell) => cell.violating > 1 && cell.violating <= 20)
    .sort((a, b) => b.violating - a.violating);
  const target = candidates[0];
  if (!target) throw new Error('no matrix cell with several violations');
  const expected = compliance.violations.filter(
    (v) => v.projectKey === target.projectKey && v.standardId === target.standardId,
  );
  expect(expected).toHaveLength(target.violating);

  const cell = app(host.page).getByTestId(`compliance-cell-${target.projectKey}-${target.standardId}`);
  await expect(cell.getAttribute('aria-label')).resolves.toContain(
    `${target.violating} of ${target.applicable} issues violate`,
  );
  await cell.click();
  await expect(cell.getAttribute('aria-pressed')).resolves.toBe('true');
  await app(host.page).getByTestId('compliance-filter-clear').waitFor();
  expect(await violationCount(host.page)).toBe(expected.length);
  expect(await violationRows(host.page)).toEqual(expected.map((v) => `${v.key}-${v.standardId}`));
  await app(host.page).getByTestId('compliance-filter-clear').scrollIntoViewIfNeeded();
  await screenshot(host.page, 'compliance-admin-filtered');
  const first = expected[0];
  if (!first) throw new Error('no violation');
  const firstRow = app(host.page).getByTestId(`violation-row-${first.key}-${first.standardId}`);
  await expect(firstRow.getByRole('link', { name: first.key }).getAttribute('href')).resolves.toBe(
    `/browse/${first.key}`,
  );
  await expect(firstRow.textContent()).resolves.toContain(first.messages[0] ?? '');
  await expect(firstRow.textContent()).resolves.toContain(first.summary ?? 'Restricted issue');

  // The export holds the rows shown, in the order shown.
  const csv = await downloadCsv(host.page, 'csv-export-compliance');
  expect(csv.name).toMatch(/^pmo-violations-.+-all-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...body] = csv.rows;
  expect(header).toEqual(['Key', 'Summary', 'Project key', 'Project', 'Standard', 'Mode', 'What it misses']);
  expect(body.map((row) => [row[0], row[2], row[4]])).toEqual(
    expected.map((v) => [v.key, v.projectKey, v.standardName]),
  );

  // Sorting by key, descending, reorders the rows and the export.
  const table = app(host.page).getByRole('table', { name: 'Violating issues' });
  await table.getByRole('button', { name: 'Key' }).click();
  await table.getByRole('button', { name: 'Key' }).click();
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });
  const descending = [...expected].sort((a, b) => collator.compare(b.key, a.key));
  expect(await violationRows(host.page)).toEqual(descending.map((v) => `${v.key}-${v.standardId}`));
  const sorted = await downloadCsv(host.page, 'csv-export-compliance');
  expect(sorted.rows.slice(1).map((row) => row[0])).toEqual(descending.map((v) => v.key));

  // The chip clears the filter; keyboard toggles a cell too.
  await app(host.page).getByTestId('compliance-filter-clear').click();
  await expect(app(host.page).getByTestId('compliance-filter-clear').count()).resolves.toBe(0);
  expect(await violationCount(host.page)).toBe(compliance.violations.length);
  await expect(cell.getAttribute('aria-pressed')).resolves.toBe('false');
  await cell.focus();
  await host.page.keyboard.press('Enter');
  expect(await violationCount(host.page)).toBe(expected.length);
  await host.page.keyboard.press('Space');
  expect(await violationCount(host.page)).toBe(compliance.violations.length);
});

test('the gates view lists the report’s gated issues; “only not ready” filters; back returns', async () => {
  const compliance = await complianceOf();
  expect(compliance.gates.length).toBeGreaterThan(0);
  await app(host.page).getByRole('link', { name: 'Gates' }).click();
  await host.page.waitForURL(`**${GATES_URL}`);
  await app(host.page).getByRole('heading', { name: 'Stage gates', level: 1 }).waitFor();
  await viewReady(host.page, 'gates');

  const all = await gateRows(host.page);
  expect([...all].sort((a, b) => a[0].localeCompare(b[0]))).toEqual(
    compliance.gates
      .map((g) => [g.key, readinessOf(g)] as [string, string])
      .sort((a, b) => a[0].localeCompare(b[0])),
  );
  const notReady = compliance.gates.filter((g) => ['not-ready', 'missed'].includes(readinessOf(g)));
  expect(notReady.length).toBeGreaterThan(0);

  // #14.8: the gates view and the compliance matrix count the same epics as violating a gate
  // standard, and a done epic that skipped its gates says so instead of "No gate ahead".
  const gateStandards = new Set(
    compliance.gates.flatMap((g) =>
      [...g.missedGates, ...(g.nextGate ? [g.nextGate] : [])].map((x) => x.standardName),
    ),
  );
  const gateStandardIds = compliance.standards.filter((x) => gateStandards.has(x.name)).map((x) => x.id);
  const violatingGateStandard = compliance.violations.filter((v) => gateStandardIds.includes(v.standardId));
  const missed = compliance.gates.filter((g) => g.missedGates.length > 0);
  expect(missed.length).toBeGreaterThan(0);
  expect(missed.map((g) => g.key).sort()).toEqual(
    [...new Set(violatingGateStandard.map((v) => v.key))].sort(),
  );
  await expect(app(host.page).getByTestId('gates-kpi-missed').textContent()).resolves.toContain(
    String(missed.length),
  );
  const skippedDone = missed.find((g) => g.nextGate === null);
  if (!skippedDone) throw new Error('no issue past its last gate that skipped one');
  await expect(
    app(host.page).getByTestId(`gate-row-${skippedDone.key}`).getAttribute('data-ready'),
  ).resolves.toBe('missed');
  await app(host.page).getByTestId(`gate-missed-${skippedDone.key}`).waitFor();

  // Readiness is shown as ticked/mandatory with a progress bar.
  const sample = compliance.gates.find((g) => g.nextGate !== null);
  if (!sample?.nextGate) throw new Error('no gate ahead of any issue');
  const bar = app(host.page).getByTestId(`gate-row-${sample.key}`).getByRole('progressbar');
  await expect(bar.getAttribute('aria-valuenow')).resolves.toBe(String(sample.nextGate.ticked));
  await expect(bar.getAttribute('aria-valuemax')).resolves.toBe(String(sample.nextGate.mandatory));
  await app(host.page).getByTestId('data-freshness').waitFor();
  await screenshot(host.page, 'gates-admin');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);

  // Export of every row, in the order shown.
  const csvAll = await downloadCsv(host.page, 'csv-export-gates');
  expect(csvAll.name).toMatch(/^pmo-gates-all-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csvAll.rows.slice(1).map((row) => row[0])).toEqual(all.map(([key]) => key));

  await app(host.page).getByTestId('gates-only-not-ready').check();
  const filtered = await gateRows(host.page);
  expect(filtered.every(([, ready]) => ready === 'not-ready' || ready === 'missed')).toBe(true);
  expect(filtered.map(([key]) => key).sort()).toEqual(notReady.map((g) => g.key).sort());
  const csvNotReady = await downloadCsv(host.page, 'csv-export-gates');
  expect(csvNotReady.name).toMatch(/^pmo-gates-not-ready-all-/);
  expect(csvNotReady.rows.slice(1).map((row) => row[0])).toEqual(filtered.map(([key]) => key));
  await app(host.page).getByTestId('gates-only-not-ready').uncheck();
  expect(await gateRows(host.page)).toHaveLength(compliance.gates.length);

  // Evidence opens in place.
  const withEvidence = compliance.gates.find((g) => (g.nextGate?.evidence.length ?? 0) > 0);
  if (withEvidence?.nextGate) {
    const row = app(host.page).getByTestId(`gate-row-${withEvidence.key}`);
    await row.locator('summary').click();
    await row
      .getByText(`${withEvidence.nextGate.stage.name}: ${withEvidence.nextGate.evidence[0]?.text ?? ''}`, {
        exact: true,
      })
      .waitFor();
  }

  // Back steps through the filter first (it is in the URL), then to the page before.
  await host.page.goBack();
  await host.page.waitForURL(`**${GATES_URL}?notReady=1`);
  await expect(app(host.page).getByTestId('gates-only-not-ready').isChecked()).resolves.toBe(true);
  await host.page.goBack();
  await host.page.waitForURL(`**${GATES_URL}`);
  await host.page.goBack();
  // The compliance view as it was left: its sort is in its URL too.
  await host.page.waitForURL(
    (url) => url.pathname === COMPLIANCE_URL && url.search === '?sort=key&order=desc',
  );
  await app(host.page).getByTestId('compliance-matrix').waitFor();
  await expect(host.page.getByTestId('nav-compliance').getAttribute('aria-current')).resolves.toBe('page');
});

test('the dark theme: both views readable and axe-clean', async () => {
  await host.page.goto(host.url(COMPLIANCE_URL));
  await switchUser(host.page, ADMIN);
  await viewReady(host.page, 'compliance');
  await setTheme(host.page, 'dark');
  await app(host.page).getByTestId('compliance-matrix').waitFor();
  await screenshot(host.page, 'compliance-admin-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await host.page.goto(`${host.stack.url}${GATES_URL}`);
  await viewReady(host.page, 'gates');
  await app(host.page).locator('html[data-color-mode="dark"]').waitFor({ state: 'attached' });
  await screenshot(host.page, 'gates-admin-dark');
  expect(seriousOrWorse(await runAxe(appFrame(host.page)))).toEqual([]);
  await setTheme(host.page, 'light');
});
