import { wireSimulator } from '../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../dev/jira-sim';
import type { LocalApp } from '../../dev/local/local-app';
import { dataOf, invokeAs, refusalOf } from '../../test/support/local-resolvers';
import { defaultPmoConfig, type PmoConfig } from '../domain/config/schema';
import { clearSettingsEditorCache } from '../services/settings/authorize';
import { configVersionKey, LIVE_CONFIG_KEY } from '../services/settings/live-config';

describe('portfolio resolvers', () => {
  let sim: JiraSim;
  let local: LocalApp;

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 8, issuesPerProject: 40 });
    local = wireSimulator(sim.url).localApp;
  });
  afterAll(() => sim.close());

  it('lists "All projects" and one portfolio per project category the viewer can see', async () => {
    const result = await invokeAs(local, 'sim-pmo', 'listPortfolios', {});
    const { portfolios } = dataOf(result);
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
    const listed = await invokeAs(local, 'sim-pmo', 'listPortfolios', {});
    const category = dataOf(listed).portfolios[1];
    if (!category) throw new Error('the demo data has no project category');
    const result = await invokeAs(local, 'sim-pmo', 'getPortfolioReport', { portfolioId: category.id });
    expect(result.ok).toBe(true);
    const report = dataOf(result);
    expect(report.projects).toHaveLength(category.projectCount);
    for (const project of report.projects) {
      expect(project.health.indicators.every((indicator) => indicator.reason.length > 0)).toBe(true);
    }
  });

  it('answers a typed error for a malformed portfolio id and ignores a forged account in the payload', async () => {
    const malformed = await invokeAs(local, 'sim-pmo', 'getPortfolioReport', {
      portfolioId: 'category:1 OR 1=1',
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const forged = await invokeAs(local, 'sim-outsider', 'getPortfolioReport', { accountId: 'sim-admin' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const outsider = await invokeAs(local, 'sim-outsider', 'getPortfolioReport', {});
    expect(dataOf(outsider).projects).toEqual([]);
  });
});

describe('configured portfolios as each viewer sees them (#13.5, #13.8)', () => {
  let sim: JiraSim;
  let local: LocalApp;
  let teamKey: string;
  let hiddenKey: string;

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 6, issuesPerProject: 10 });
    local = wireSimulator(sim.url).localApp;
    // sim-team browses the first three projects only.
    teamKey = sim.dataset.projects[0]?.key ?? '';
    hiddenKey = sim.dataset.projects.at(-1)?.key ?? '';
    clearSettingsEditorCache();
    const config: PmoConfig = {
      ...structuredClone(defaultPmoConfig),
      portfolios: [
        portfolio('vendor-exit', 'Vendor exit (confidential)', {
          kind: 'projects',
          projectKeys: [hiddenKey],
        }),
        portfolio('team-share', 'Team share', { kind: 'projects', projectKeys: [teamKey, hiddenKey] }),
        portfolio('hidden-jql', 'Hidden JQL portfolio', { kind: 'jql', jql: `project = ${hiddenKey}` }),
        portfolio('team-jql', 'Team JQL portfolio', { kind: 'jql', jql: `project = ${teamKey}` }),
      ],
    };
    const saved = await invokeAs(local, 'sim-admin', 'saveSettings', { baseVersion: 0, config });
    expect(saved).toMatchObject({ ok: true });
  });
  afterAll(() => sim.close());

  function portfolio(id: string, name: string, scope: PmoConfig['portfolios'][number]['scope']) {
    return { id, name, ownerAccountId: null, scope };
  }

  async function names(accountId: string): Promise<string[]> {
    const result = await invokeAs(local, accountId, 'listPortfolios', {});
    return dataOf(result).portfolios.map((entry) => entry.id);
  }

  it('lists a configured portfolio only to viewers who can browse one of its projects', async () => {
    expect(await names('sim-admin')).toEqual(
      expect.arrayContaining(['p:vendor-exit', 'p:team-share', 'p:hidden-jql', 'p:team-jql']),
    );
    const team = await names('sim-team');
    expect(team).toEqual(expect.arrayContaining(['p:team-share', 'p:team-jql']));
    expect(team).not.toContain('p:vendor-exit');
    expect(team).not.toContain('p:hidden-jql');
    expect((await names('sim-outsider')).filter((id) => id.startsWith('p:'))).toEqual([]);
  });

  it('answers a portfolio the viewer cannot browse like one that does not exist, naming no project', async () => {
    const hidden = await invokeAs(local, 'sim-team', 'getPortfolioReport', { portfolioId: 'p:vendor-exit' });
    const missing = await invokeAs(local, 'sim-team', 'getPortfolioReport', {
      portfolioId: 'p:no-such-thing',
    });
    expect(hidden).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no portfolio p:vendor-exit' },
    });
    expect(refusalOf(missing).code).toBe('NOT_FOUND');
    expect(JSON.stringify(hidden)).not.toContain(hiddenKey);
    const hiddenJql = await invokeAs(local, 'sim-team', 'getPortfolioReport', {
      portfolioId: 'p:hidden-jql',
    });
    expect(refusalOf(hiddenJql).code).toBe('NOT_FOUND');
    expect(JSON.stringify(hiddenJql)).not.toContain(hiddenKey);
    const share = await invokeAs(local, 'sim-team', 'getPortfolioReport', { portfolioId: 'p:team-share' });
    expect(dataOf(share).projects.map((project) => project.key)).toEqual([teamKey]);
  });

  it('lists in a JQL portfolio only the projects its query matches (#14.2)', async () => {
    const answer = await invokeAs(local, 'sim-admin', 'getPortfolioReport', { portfolioId: 'p:team-jql' });
    expect(dataOf(answer).projects.map((project) => project.key)).toEqual([teamKey]);
  });

  it('refuses a portfolio JQL with ORDER BY when it is saved, with a clear message', async () => {
    clearSettingsEditorCache();
    const settings = await invokeAs(local, 'sim-admin', 'getSettings', {});
    const live = dataOf(settings).live;
    const config = structuredClone(live.config);
    config.portfolios.push(
      portfolio('ordered', 'Ordered', { kind: 'jql', jql: 'issuetype is not EMPTY ORDER BY created DESC' }),
    );
    const saved = await invokeAs(local, 'sim-admin', 'saveSettings', { baseVersion: live.version, config });
    expect(saved.ok).toBe(false);
    expect(refusalOf(saved).code).toBe('BAD_REQUEST');
    expect(refusalOf(saved).message).toContain('remove the ORDER BY clause');
    const checked = await invokeAs(local, 'sim-admin', 'validateSettings', { config });
    expect(JSON.stringify(dataOf(checked))).toContain('remove the ORDER BY clause');
  });

  it('reports a JQL portfolio stored with ORDER BY (before the check existed) without stale projects', async () => {
    const store = local.deps.store;
    const live = ((await store.get(LIVE_CONFIG_KEY)) as { version: number }).version;
    const stored = (await store.get(configVersionKey(live))) as { config: PmoConfig };
    const config = structuredClone(stored.config);
    config.portfolios.push(
      portfolio('ordered', 'Ordered', { kind: 'jql', jql: 'issuetype is not EMPTY order by created DESC' }),
    );
    await store.set(configVersionKey(live + 1), {
      version: live + 1,
      basedOn: live,
      author: 'sim-admin',
      savedAt: new Date().toISOString(),
      comment: 'written by an earlier version of the app',
      origin: { kind: 'save' },
      config,
    });
    const report = await invokeAs(local, 'sim-pmo', 'getPortfolioReport', { portfolioId: 'p:ordered' });
    expect(report.ok).toBe(true);
    const meta = dataOf(report).meta;
    expect(meta.staleProjects).toEqual([]);
    expect(meta.partial).toBe(false);
  });
});
