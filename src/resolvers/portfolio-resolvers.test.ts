import { wireSimulator } from '../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../dev/jira-sim';
import type { LocalApp } from '../../dev/local/local-app';

/** Calls the real resolver handler the way Forge does: identity in the platform's second argument. */
function invoke(local: LocalApp, accountId: string, functionKey: string, payload: unknown) {
  return local.app.resolver(
    { call: { functionKey, payload }, context: { moduleKey: 'pmo-portfolio-page' } },
    { principal: { accountId }, installContext: 'ari:cloud:jira::site/local' },
  ) as Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
}

describe('portfolio resolvers', () => {
  let sim: JiraSim;
  let local: LocalApp;

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 8, issuesPerProject: 40 });
    local = wireSimulator(sim.url).localApp;
  });
  afterAll(() => sim.close());

  it('lists "All projects" and one portfolio per project category the viewer can see', async () => {
    const result = await invoke(local, 'sim-pmo', 'listPortfolios', {});
    const { portfolios } = result.data as {
      portfolios: { id: string; name: string; projectCount: number }[];
    };
    expect(portfolios[0]).toEqual({
      id: 'all',
      name: 'All projects',
      projectCount: sim.dataset.projects.length,
    });
    const categorised = sim.dataset.projects.filter((project) => project.categoryId !== null);
    expect(portfolios.slice(1).reduce((sum, portfolio) => sum + portfolio.projectCount, 0)).toBe(
      categorised.length,
    );
  });

  it('reports a category portfolio with exactly that category’s projects, with health reasons', async () => {
    const listed = await invoke(local, 'sim-pmo', 'listPortfolios', {});
    const category = (listed.data as { portfolios: { id: string; projectCount: number }[] }).portfolios[1];
    if (!category) throw new Error('the demo data has no project category');
    const result = await invoke(local, 'sim-pmo', 'getPortfolioReport', { portfolioId: category.id });
    expect(result.ok).toBe(true);
    const report = result.data as { projects: { health: { indicators: { reason: string }[] } }[] };
    expect(report.projects).toHaveLength(category.projectCount);
    for (const project of report.projects) {
      expect(project.health.indicators.every((indicator) => indicator.reason.length > 0)).toBe(true);
    }
  });

  it('answers a typed error for a malformed portfolio id and ignores a forged account in the payload', async () => {
    const malformed = await invoke(local, 'sim-pmo', 'getPortfolioReport', {
      portfolioId: 'category:1 OR 1=1',
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const forged = await invoke(local, 'sim-outsider', 'getPortfolioReport', { accountId: 'sim-admin' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const outsider = await invoke(local, 'sim-outsider', 'getPortfolioReport', {});
    expect((outsider.data as { projects: unknown[] }).projects).toEqual([]);
  });
});
