import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { portfolioReportAs } from '../../../test/support/local-resolvers';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import type { PortfolioReport } from '../../domain/portfolio';
import { MemoryStore } from '../../storage/memory-store';
import type { Actor } from '../deps';
import { clearSettingsEditorCache } from '../settings/authorize';
import { restoreConfigVersion } from '../settings/restore-version';
import { saveSettings } from '../settings/save-settings';
import { startRefresh } from '../snapshots/start-refresh';

/**
 * Issue #14.1: the first settings publish silently stopped reading the ROAM and risk owner fields
 * (every open risk "Not ROAMed", owners fell back to the assignee, more projects red). A mapping left
 * on "find by name" keeps resolving by name after any publish and after restoring a version, so a
 * publish that changes one threshold changes no figure except through that threshold.
 */

jest.setTimeout(120_000);

const NOW = new Date('2026-03-02T10:00:00.000Z');
const admin: Actor = { accountId: 'sim-admin', installation: 'ari:cloud:jira::site/local' };

let sim: JiraSim;
let local: LocalApp;

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 7, projects: 6, issuesPerProject: 60, now: NOW });
  local = wireSimulator(sim.url, { store: new MemoryStore(), now: () => NOW }).localApp;
});
afterAll(() => sim.close());
beforeEach(() => clearSettingsEditorCache());

/** The "all" portfolio as the PMO lead sees it after a refresh with the live settings. */
async function refreshedReport(): Promise<PortfolioReport> {
  await startRefresh(local.deps, local.deps.queue, 'all', 'user');
  await local.drainJobs();
  return portfolioReportAs(local, 'sim-pmo');
}

/** Every figure of a report, without when it was made. */
function figures(report: PortfolioReport) {
  const { meta: _meta, asOf: _asOf, ...rest } = report;
  return rest;
}

/** The figures a staleness threshold cannot change: all but staleness RAGs and what follows from them. */
function figuresBesidesStalenessRag(report: PortfolioReport) {
  const { summary, projects, ...rest } = figures(report);
  return {
    ...rest,
    summary: { projects: summary.projects },
    projects: projects.map(({ health, ...project }) => ({
      ...project,
      indicators: health.indicators.map((indicator) =>
        indicator.name === 'staleness' ? { name: indicator.name, value: indicator.value } : indicator,
      ),
    })),
  };
}

const stalenessOf = (report: PortfolioReport) =>
  report.projects.map((project) =>
    project.health.indicators.find((indicator) => indicator.name === 'staleness'),
  );
const stalenessRags = (report: PortfolioReport) => stalenessOf(report).map((indicator) => indicator?.rag);
/** What the staleness RAGs are under thresholds `amber` and `red` (a value at or above is amber or red). */
const stalenessRagsFor = (report: PortfolioReport, amber: number, red: number) =>
  stalenessOf(report).map((indicator) => {
    if (!indicator || indicator.value === null) return indicator?.rag;
    return indicator.value >= red ? 'red' : indicator.value >= amber ? 'amber' : 'green';
  });

const roamCounts = (report: PortfolioReport) =>
  report.risks.reduce<Record<string, number>>((counts, risk) => {
    counts[risk.roam] = (counts[risk.roam] ?? 0) + 1;
    return counts;
  }, {});

function withStaleness(amber: number, red: number): PmoConfig {
  return {
    ...defaultPmoConfig,
    engine: {
      ...defaultPmoConfig.engine,
      health: { ...defaultPmoConfig.engine.health, staleness: { amber, red } },
    },
  };
}

describe('publishing settings keeps the fields found by name (#14.1)', () => {
  it('a publish changing one threshold changes no other figure, and restoring version 0 gives the same report', async () => {
    const before = await refreshedReport();
    // The demo site's ROAM and Risk owner fields are found by name: risks are ROAMed and owned.
    expect(Object.keys(roamCounts(before)).filter((roam) => roam !== 'unroamed').length).toBeGreaterThan(0);

    await saveSettings(local.deps, admin, {
      baseVersion: 0,
      config: withStaleness(5, 15),
      comment: 'staleness',
    });
    // At once, from the snapshot of version 0, and after the refresh the publish calls for.
    const published = await portfolioReportAs(local, 'sim-pmo');
    expect(figuresBesidesStalenessRag(published)).toEqual(figuresBesidesStalenessRag(before));
    expect(stalenessRags(published)).toEqual(stalenessRagsFor(published, 5, 15));
    expect(stalenessRags(published)).not.toEqual(stalenessRags(before));
    const afterPublish = await refreshedReport();
    expect(roamCounts(afterPublish)).toEqual(roamCounts(before));
    expect(afterPublish.risks.map((risk) => [risk.key, risk.owner])).toEqual(
      before.risks.map((risk) => [risk.key, risk.owner]),
    );
    expect(figuresBesidesStalenessRag(afterPublish)).toEqual(figuresBesidesStalenessRag(before));

    await restoreConfigVersion(local.deps, admin, { version: 0, baseVersion: 1, comment: 'restore' });
    expect(figures(await refreshedReport())).toEqual(figures(before));
  });
});
