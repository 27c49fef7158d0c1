import { wireSimulator } from '../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../dev/jira-sim';
import { DEFAULT_ISSUES_PER_PROJECT, DEFAULT_PROJECTS, DEFAULT_SEED } from '../dev/jira-sim/generator';
import type { LocalApp } from '../dev/local/local-app';
import type { IndicatorName, Rag } from '../src/domain/health/health';
import { worstRag } from '../src/domain/health/health';
import type { PortfolioReport } from '../src/domain/portfolio';
import { MemoryStore } from '../src/storage/memory-store';
import { invokeAs } from './support/local-resolvers';

/**
 * #14.13: the demo portfolio, with the default settings and standards, tells a story a PMO believes:
 * about 2 red, 4 amber and 6 green of its 12 projects, each red or amber for a delivery reason (late
 * work, blocked work, a high risk, work going stale), and never red from warn-mode standards alone.
 * Figures come from the app's own computation of the seeded simulator, as the portfolio page shows it.
 */

jest.setTimeout(120_000);

const NOW = new Date('2026-03-02T10:00:00.000Z');
const DELIVERY: readonly IndicatorName[] = ['schedule', 'blockers', 'risk', 'staleness'];
let sim: JiraSim;
let local: LocalApp;
let report: PortfolioReport;

beforeAll(async () => {
  sim = await createJiraSim({
    port: 0,
    seed: DEFAULT_SEED,
    projects: DEFAULT_PROJECTS,
    issuesPerProject: DEFAULT_ISSUES_PER_PROJECT,
    now: NOW,
  });
  local = wireSimulator(sim.url, { store: new MemoryStore(), now: () => NOW }).localApp;
  report = await firstReport();
});
afterAll(async () => {
  await local.drainJobs();
  await sim.close();
});

/** The first view once its refresh run is done (a loaded machine may take longer than the page's 8 s wait). */
async function firstReport(): Promise<PortfolioReport> {
  for (let attempt = 0; ; attempt++) {
    const answer = await invokeAs(local, 'sim-pmo', 'getPortfolioReport', {
      portfolioId: 'all',
    });
    if (answer.ok && answer.data.meta.snapshot?.run?.status === 'done') return answer.data;
    if (attempt >= 15) throw new Error(answer.ok ? 'the first refresh did not finish' : answer.error.message);
    if (answer.ok) await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const ragsOf = (projects: PortfolioReport['projects']) => {
  const count: Record<Rag, number> = { red: 0, amber: 0, green: 0, none: 0 };
  for (const project of projects) count[project.health.rag]++;
  return count;
};

it('paints about 2 red, 4 amber and 6 green of the 12 demo projects', () => {
  expect(report.projects).toHaveLength(DEFAULT_PROJECTS);
  const rags = ragsOf(report.projects);
  expect(rags.red).toBeGreaterThanOrEqual(1);
  expect(rags.red).toBeLessThanOrEqual(3);
  expect(rags.amber).toBeGreaterThanOrEqual(3);
  expect(rags.amber).toBeLessThanOrEqual(5);
  expect(rags.green).toBeGreaterThanOrEqual(5);
  expect(rags.green).toBeLessThanOrEqual(7);
  expect(rags.none).toBe(0);
});

it('makes each red or amber project so for a delivery reason a PMO recognises', () => {
  const reasons = new Set<IndicatorName>();
  for (const project of report.projects) {
    const delivery = project.health.indicators.filter((indicator) => DELIVERY.includes(indicator.name));
    expect({ project: project.key, rag: worstRag(delivery.map((indicator) => indicator.rag)) }).toEqual({
      project: project.key,
      rag: project.health.rag,
    });
    for (const indicator of delivery)
      if (indicator.rag === project.health.rag && indicator.rag !== 'green') reasons.add(indicator.name);
  }
  // Late work, blocked work, a high or medium risk and stale work each tell part of the story.
  expect([...reasons].sort()).toEqual(['blockers', 'risk', 'schedule', 'staleness']);
});

it('does not paint a project red when only warn-mode standards fail (the defaults)', () => {
  const compliance = report.compliance;
  if (!compliance) throw new Error('the demo evaluates the default standards');
  expect(compliance.standards.every((standard) => standard.mode === 'warn')).toBe(true);
  const failing = compliance.projects.filter((project) => project.compliant < project.evaluated * 0.75);
  // Projects miss warn-mode standards below the red threshold, and are not red for it.
  expect(failing.length).toBeGreaterThan(0);
  for (const { projectKey } of failing) {
    const project = report.projects.find((candidate) => candidate.key === projectKey);
    const indicator = project?.health.indicators.find((candidate) => candidate.name === 'compliance');
    expect({ projectKey, rag: indicator?.rag }).toEqual({ projectKey, rag: 'none' });
    expect(indicator?.reason).toMatch(/in warn mode and not counted/);
  }
  expect(compliance.healthCounts).toBe('enforced');
});
