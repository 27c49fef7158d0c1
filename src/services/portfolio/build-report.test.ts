import { basicAuthHeader, createJiraSim, type JiraSim, SIM_USERS } from '../../../dev/jira-sim';
import { PortfolioReportSchema } from '../../domain/portfolio';
import { JiraClient } from '../../jira/client';
import { createHttpTransport } from '../../jira/http-client';
import type { RetryEnvironment } from '../../jira/retry';
import { buildPortfolioReport } from './build-report';

const NOW = new Date('2026-11-28T12:00:00Z');

// Each test reads a whole simulated portfolio over HTTP: seconds of CPU on a shared 2-core machine,
// past jest's default 5 s while other suites run alongside.
jest.setTimeout(30_000);

/** Retries without real waiting: the tests are about counts, not about the clock. */
const instantRetries: RetryEnvironment = { sleep: async () => {}, now: () => Date.now(), random: () => 0.5 };

function userOf(role: string) {
  const user = SIM_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no ${role} user`);
  return user;
}

function clientFor(sim: JiraSim, role: string, maxAttempts = 6) {
  return new JiraClient(
    createHttpTransport({ baseUrl: sim.url, authorization: basicAuthHeader(userOf(role)) }),
    {
      env: instantRetries,
      retry: { maxAttempts },
    },
  );
}

describe('portfolio report over the simulator', () => {
  let sim: JiraSim;

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 8, issuesPerProject: 150, now: NOW });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.resetFaults());

  const build = (jira: JiraClient) => buildPortfolioReport(jira, { scope: {}, now: NOW, concurrency: 4 });

  it('finds the planted cycles, date conflicts and the overdue-heavy project', async () => {
    const { report } = await build(clientFor(sim, 'admin'));
    expect(() => PortfolioReportSchema.parse(report)).not.toThrow();
    expect(report.meta.partial).toBe(false);
    // Stamped with the injected clock, so a report built for a given moment says that moment.
    expect(report.meta.generatedAt).toBe(NOW.toISOString());

    const cycles = report.dependencies.cycles.map((cycle) => [...cycle].sort().join(','));
    for (const planted of sim.dataset.planted.cycles) {
      expect(cycles).toContain([...planted].sort().join(','));
    }
    const conflicts = report.dependencies.conflicts.map(
      (conflict) => `${conflict.blocker.key}>${conflict.blocked.key}`,
    );
    for (const planted of sim.dataset.planted.dateConflicts) {
      expect(conflicts).toContain(`${planted.blockerKey}>${planted.blockedKey}`);
    }

    const overdue = report.projects.find(
      (project) => project.key === sim.dataset.planted.overdueHeavyProject,
    );
    const schedule = overdue?.health.indicators.find((indicator) => indicator.name === 'schedule');
    expect(overdue?.health.rag).toBe('red');
    expect(schedule?.rag).toBe('red');
    expect(schedule?.reason).toMatch(/past due/);

    const healthy = report.projects.find((project) => project.key === sim.dataset.planted.healthyProject);
    expect(healthy?.health.indicators.find((indicator) => indicator.name === 'schedule')?.rag).toBe('green');
  });

  it('puts every open risk with a probability and impact in the heat-map cell of its P x I', async () => {
    const { report } = await build(clientFor(sim, 'admin'));
    const risks = report.risks.filter((risk) => risk.open && !risk.assumed && risk.roam !== 'resolved');
    expect(risks.length).toBeGreaterThan(0);
    for (const risk of risks) {
      expect(risk.score).toBe(risk.probability * risk.impact);
      const cell = report.heatmap.cells[risk.probability - 1]?.[risk.impact - 1];
      expect(cell?.keys ?? []).toContain(risk.key);
    }
  });

  it('counts exactly the issues Jira holds, once each, with the fewest requests paging allows', async () => {
    sim.resetStats();
    const { report, issueCount } = await build(clientFor(sim, 'admin'));
    const expected = sim.dataset.issues.length;
    expect(issueCount).toBe(expected);
    expect(report.kpis.total).toBe(expected);
    const pages = report.projects.reduce(
      (sum, project) => sum + Math.max(1, Math.ceil(project.kpis.total / 100)),
      0,
    );
    // fields + link types + one project page + the issue pages
    expect(report.meta.requests).toBe(3 + pages);
  });

  it('gives the same numbers through a 429 storm, a 5xx burst and a malformed page', async () => {
    const clean = (await build(clientFor(sim, 'admin'))).report;
    sim.setFaults({
      failNext: [
        { status: 429, count: 5, pathPrefix: '/rest/api/3/search/jql', retryAfterSeconds: 1 },
        { status: 503, count: 3, pathPrefix: '/rest/api/3/search/jql' },
        { status: 200, count: 1, pathPrefix: '/rest/api/3/search/jql', malformed: true },
      ],
    });
    const faulty = (await build(clientFor(sim, 'admin'))).report;
    expect(faulty.meta.partial).toBe(false);
    expect(faulty.meta.requests).toBe(clean.meta.requests + 9);
    expect(faulty.kpis).toEqual(clean.kpis);
    expect(faulty.projects.map((p) => [p.key, p.health.rag, p.kpis.total])).toEqual(
      clean.projects.map((p) => [p.key, p.health.rag, p.kpis.total]),
    );
    expect(faulty.dependencies.totals).toEqual(clean.dependencies.totals);
  });

  it('marks a project it could not read as stale instead of showing it with fewer issues', async () => {
    const firstProject = [...sim.dataset.projects].sort((a, b) => a.key.localeCompare(b.key))[0];
    sim.setFaults({ failNext: [{ status: 503, count: 10, pathPrefix: '/rest/api/3/search/jql' }] });
    const { report } = await buildPortfolioReport(clientFor(sim, 'admin', 2), {
      scope: {},
      now: NOW,
      concurrency: 1,
    });
    expect(report.meta.partial).toBe(true);
    expect(report.meta.staleProjects.length).toBeGreaterThan(0);
    expect(report.meta.staleProjects).toContain(firstProject?.key);
    for (const stale of report.meta.staleProjects) {
      expect(report.projects.map((project) => project.key)).not.toContain(stale);
    }
  });

  it('shows a team member only the projects they can browse', async () => {
    const { report } = await build(clientFor(sim, 'team'));
    expect(report.projects).toHaveLength(3);
    const { report: outsider } = await build(clientFor(sim, 'outsider'));
    expect(outsider.projects).toEqual([]);
  });
});
