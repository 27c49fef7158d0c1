import { wireSimulator } from '../../dev/host/wiring';
import { basicAuthHeader, createJiraSim, type JiraSim, simUser } from '../../dev/jira-sim';
import type { SimIssue } from '../../dev/jira-sim/types';
import type { LocalApp } from '../../dev/local/local-app';
import { dataOf, invokeAs } from '../../test/support/local-resolvers';
import { defaultPmoConfig, type PmoConfig } from '../domain/config/schema';
import { clearSettingsEditorCache } from '../services/settings/authorize';

/**
 * Portfolios defined by the JQL PMOs write (#14.18), end to end: saved in the settings, refreshed
 * through the simulator, read back through the resolver. Each must list exactly the projects with a
 * matching issue, each with exactly its matching issues; the expectation is computed from the
 * generated data, not from the simulator's JQL.
 */
describe('portfolios defined by sprint, version, component, text, link and compliance JQL', () => {
  let sim: JiraSim;
  let local: LocalApp;
  const flagged: SimIssue[] = [];

  const projectKeyOf = (issue: SimIssue) => sim.dataset.projects[issue.projectIdx]?.key ?? '';
  const keyAt = (index: number) => sim.dataset.projects[index]?.key ?? '';
  const componentNamed = (issue: SimIssue, name: string) =>
    (issue.componentIds ?? []).some(
      (id) => sim.dataset.components.find((component) => component.id === id)?.name === name,
    );
  const versionOf = (id: string) => sim.dataset.versions.find((version) => version.id === id);

  const portfolios: { id: string; jql: () => string; matches: () => (issue: SimIssue) => boolean }[] = [
    {
      id: 'sprints-backend',
      jql: () =>
        `(sprint = "${keyAt(2)} Sprint 3" OR sprint in closedSprints() AND project = ${keyAt(5)}) AND component = Backend`,
      matches: () => (issue) => {
        const sprint = sim.dataset.sprints.find((candidate) => candidate.id === issue.sprintId);
        return (
          componentNamed(issue, 'Backend') &&
          (sprint?.name === `${keyAt(2)} Sprint 3` || (sprint?.state === 'closed' && issue.projectIdx === 5))
        );
      },
    },
    {
      id: 'versions-data',
      jql: () =>
        `fixVersion in unreleasedVersions(${keyAt(1)}) AND component = "Data platform" OR fixVersion = "${keyAt(6)} 1.0"`,
      matches: () => (issue) =>
        (issue.fixVersionIds ?? []).some((id) => {
          const version = versionOf(id);
          return (
            (version?.projectIdx === 1 && !version.released && componentNamed(issue, 'Data platform')) ||
            version?.name === `${keyAt(6)} 1.0`
          );
        }),
    },
    {
      id: 'linked-or-failing',
      jql: () => {
        const hub = hubIssue();
        return `issue in linkedIssues(${hub.key}) OR pmoViolations >= 3 OR (pmoFailing = "true" AND text ~ "${flagged[1]?.summary.split(' ')[0]}")`;
      },
      matches: () => {
        const hub = hubIssue();
        const linked = new Set(
          sim.dataset.links
            .filter((link) => link.from === hub.id || link.to === hub.id)
            .map((link) => (link.from === hub.id ? link.to : link.from)),
        );
        const word = (flagged[1]?.summary.split(' ')[0] ?? '').toLowerCase();
        return (issue) =>
          linked.has(issue.id) ||
          issue.id === flagged[0]?.id ||
          (issue.id === flagged[1]?.id && issue.summary.toLowerCase().includes(word));
      },
    },
  ];

  /** The issue with the most links across projects. */
  function hubIssue(): SimIssue {
    const counts = new Map<number, number>();
    for (const link of sim.dataset.links) {
      for (const id of [link.from, link.to]) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const [id] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
    const hub = sim.dataset.issues.find((issue) => issue.id === id);
    if (!hub) throw new Error('the demo data has no links');
    return hub;
  }

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 42, projects: 8, issuesPerProject: 40 });
    local = wireSimulator(sim.url).localApp;
    // What the app's compliance mirror writes: one issue with 4 violations, one failing with 1.
    const last = sim.dataset.issues.at(-1);
    const first = sim.dataset.issues.find((issue) => issue.projectIdx === 1);
    if (!first || !last) throw new Error('no issues');
    flagged.push(last, first);
    for (const [issue, violations] of [
      [last, 4],
      [first, 1],
    ] as const) {
      const response = await fetch(`${sim.url}/rest/api/3/issue/${issue.key}/properties/pmoCompliance`, {
        method: 'PUT',
        headers: { authorization: basicAuthHeader(simUser('app')), 'content-type': 'application/json' },
        // `blocking` is stored but not declared in the manifest, so Jira does not index it.
        body: JSON.stringify({ failing: 'true', violations, blocking: 9 }),
      });
      expect(response.status).toBeLessThan(300);
    }
    clearSettingsEditorCache();
    const config: PmoConfig = {
      ...structuredClone(defaultPmoConfig),
      portfolios: portfolios.map((entry) => ({
        id: entry.id,
        name: entry.id,
        ownerAccountId: null,
        scope: { kind: 'jql' as const, jql: entry.jql() },
      })),
    };
    const saved = await invokeAs(local, 'sim-admin', 'saveSettings', { baseVersion: 0, config });
    expect(saved).toMatchObject({ ok: true });
  });
  afterAll(() => sim.close());

  it.each(portfolios.map((entry) => [entry.id, entry] as const))(
    '%s lists exactly the matching projects with their matching issues',
    async (_id, entry) => {
      const matches = entry.matches();
      const expected = new Map<string, number>();
      for (const issue of sim.dataset.issues) {
        if (!matches(issue)) continue;
        const key = projectKeyOf(issue);
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      expect(expected.size).toBeGreaterThan(0);
      expect(expected.size).toBeLessThan(sim.dataset.projects.length);
      const answer = await invokeAs(local, 'sim-admin', 'getPortfolioReport', {
        portfolioId: `p:${entry.id}`,
      });
      expect(answer.ok).toBe(true);
      const projects = dataOf(answer).projects;
      expect(Object.fromEntries(projects.map((project) => [project.key, project.kpis.total]))).toEqual(
        Object.fromEntries([...expected.entries()].sort(([a], [b]) => a.localeCompare(b))),
      );
    },
  );

  it('does not search a stored property the manifest does not declare', async () => {
    const search = await fetch(`${sim.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { authorization: basicAuthHeader(simUser('admin')), 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'issue.property[pmoCompliance].blocking = 9', fields: ['summary'] }),
    });
    expect(((await search.json()) as { issues: unknown[] }).issues).toEqual([]);
  });
});
