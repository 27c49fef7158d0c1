import Papa from 'papaparse';
import { reportToCsv } from '../cli/format';
import { wireSimulator } from '../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../dev/jira-sim';
import type { LocalApp } from '../dev/local/local-app';
import { MemoryStore } from '../src/storage/memory-store';
import { complianceMatrix } from '../static/src/features/compliance/compliance-model';
import { directPortfolioReport } from './support/direct-report';
import { invokeAs, portfolioReportAs } from './support/local-resolvers';

/**
 * Issue #14.7: Overview and Compliance disagreed for the same project (72% vs 71%). One computation
 * and one rounding rule: the same project shows the same compliance % on every surface.
 */

jest.setTimeout(120_000);

const NOW = new Date('2026-03-02T10:00:00.000Z');
let sim: JiraSim;
let local: LocalApp;

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 3, projects: 10, issuesPerProject: 47, now: NOW });
  local = wireSimulator(sim.url, { store: new MemoryStore(), now: () => NOW }).localApp;
  // The compliance view lists every standard; health counts them all too once the admin says so
  // (by default only enforced ones count, #14.13), and then both must show one figure.
  const settings = await invokeAs(local, 'sim-admin', 'getSettings', {});
  if (!settings.ok) throw new Error(settings.error.message);
  const config = structuredClone(settings.data.live.config);
  config.engine.complianceHealth = { counts: 'all', weight: 'decides' };
  const saved = await invokeAs(local, 'sim-admin', 'saveSettings', {
    baseVersion: settings.data.live.version,
    config,
    comment: 'Count every standard toward health',
  });
  if (!saved.ok) throw new Error(saved.error.message);
});
afterAll(() => sim.close());

it('each project shows one compliance % on the overview, the compliance view, both CSVs and the report CLI', async () => {
  const report = await portfolioReportAs(local, 'sim-pmo');
  if (!report.compliance) throw new Error('the report has no compliance section');
  const overview = new Map(
    report.projects.map((project) => [
      project.key,
      project.health.indicators.find((indicator) => indicator.name === 'compliance'),
    ]),
  );
  const names = new Map(report.projects.map((project) => [project.key, project.name]));
  const complianceView = new Map(
    complianceMatrix(report.compliance, names).rows.map((row) => [row.projectKey, row.percent]),
  );
  const csvRows = Papa.parse<Record<string, string>>(reportToCsv(report), { header: true }).data;
  const csv = new Map(csvRows.map((row) => [row.key, row.compliance_value]));

  const cli = await directPortfolioReport(local, NOW);
  const cliMatrix = new Map(
    complianceMatrix(cli.report.compliance ?? report.compliance, names).rows.map((row) => [
      row.projectKey,
      row.percent,
    ]),
  );
  const cliIndicator = new Map(
    cli.report.projects.map((project) => [
      project.key,
      project.health.indicators.find((indicator) => indicator.name === 'compliance')?.value,
    ]),
  );

  const checked = report.compliance.projects.filter((project) => project.evaluated > 0);
  expect(checked.length).toBeGreaterThan(3);
  // Some project's share is not a whole number, so a rounding rule decides what it shows.
  expect(checked.some((project) => (project.compliant * 100) % project.evaluated !== 0)).toBe(true);
  for (const { projectKey } of checked) {
    const indicator = overview.get(projectKey);
    const shown = indicator?.value;
    expect(typeof shown).toBe('number');
    expect({ projectKey, overviewReason: indicator?.reason.includes(`(${shown}%)`) }).toEqual({
      projectKey,
      overviewReason: true,
    });
    expect({ projectKey, complianceView: complianceView.get(projectKey) }).toEqual({
      projectKey,
      complianceView: shown,
    });
    expect({ projectKey, csv: Number(csv.get(projectKey)) }).toEqual({ projectKey, csv: shown });
    expect({ projectKey, cli: cliIndicator.get(projectKey) }).toEqual({ projectKey, cli: shown });
    expect({ projectKey, cliCompliance: cliMatrix.get(projectKey) }).toEqual({
      projectKey,
      cliCompliance: shown,
    });
  }
});
