import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { portfolioReportAs } from '../../../test/support/local-resolvers';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import type { PortfolioReport } from '../../domain/portfolio';
import { readParsed } from '../../storage/store';
import type { AppDeps } from '../deps';
import { loadSnapshot } from '../portfolio/get-portfolio-report';
import { snapshotKeys } from '../snapshots/keys';
import { CurrentSnapshotSchema } from '../snapshots/records';
import { clearSettingsEditorCache } from './authorize';
import { dryRunSettings } from './dry-run';
import { saveSettings } from './save-settings';

/** The installation every call here comes from (as the local host's resolver calls say). */
const LOCAL_SITE = 'ari:cloud:jira::site/local';

let sim: JiraSim;
let local: LocalApp;
let deps: AppDeps;
const ADMIN = { accountId: 'sim-admin', installation: LOCAL_SITE };

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 23, projects: 4, issuesPerProject: 30 });
  // Wired as the host wires it: the health comparison reads the snapshot a refresh (as the app) stores.
  local = wireSimulator(sim.url).localApp;
  deps = local.deps;
  clearSettingsEditorCache();
  // Live: every standard off, so that what the candidate finds is all new.
  const allOff = structuredClone(defaultPmoConfig);
  for (const standard of allOff.standards) standard.mode = 'off';
  await saveSettings(
    deps,
    { accountId: 'sim-admin', installation: LOCAL_SITE },
    { baseVersion: 0, config: allOff, comment: '' },
  );
});
afterAll(() => sim.close());

/** The live configuration plus one enforced standard: every issue needs a due date. */
function needsDueDate(mode: 'enforce' | 'warn' = 'enforce'): PmoConfig {
  const config = structuredClone(defaultPmoConfig);
  for (const standard of config.standards) standard.mode = 'off';
  config.standards.push({
    id: 'dated',
    name: 'Everything is dated',
    description: '',
    mode,
    scope: {},
    onError: 'open',
    rules: [
      {
        id: 'due',
        kind: 'requiredFields',
        fields: [{ kind: 'field', id: 'duedate', name: 'Due date' }],
        when: {},
      },
    ],
  });
  return config;
}

describe('dry run', () => {
  it('counts issues that would become non-compliant and transitions that would be blocked', async () => {
    const result = await dryRunSettings(
      deps,
      { accountId: 'sim-admin', installation: LOCAL_SITE },
      needsDueDate(),
    );
    const issues = sim.dataset.issues;
    const undated = issues.filter((issue) => issue.duedate === null);
    expect(undated.length).toBeGreaterThan(0);
    expect(result.evaluatedIssues).toBe(issues.length);
    expect(result.sampled).toBe(false);
    expect(result.newlyNonCompliant.issues).toBe(undated.length);
    const projectsWithUndated = new Set(undated.map((issue) => issue.projectIdx));
    expect(result.newlyNonCompliant.projects).toBe(projectsWithUndated.size);
    // Every undated issue is blocked from moving to any other status seen in its project.
    const statusesByProject = new Map<number, Set<string>>();
    for (const issue of issues) {
      const name =
        sim.dataset.statuses.find((status) => status.id === issue.statusId)?.name.toLowerCase() ?? '';
      statusesByProject.set(
        issue.projectIdx,
        (statusesByProject.get(issue.projectIdx) ?? new Set()).add(name),
      );
    }
    const expectedBlocked = undated.reduce(
      (sum, issue) => sum + (statusesByProject.get(issue.projectIdx)?.size ?? 1) - 1,
      0,
    );
    expect(result.newlyBlockedTransitions).toBe(expectedBlocked);
    const first = result.perProject[0];
    expect(first?.sample.length).toBeGreaterThan(0);
    expect(first?.sample[0]?.messages[0]).toMatch(/^Everything is dated: /);
    expect(result.newlyCompliant.issues).toBe(0);
  });

  it('finds nothing new for the live configuration itself', async () => {
    const allOff = structuredClone(defaultPmoConfig);
    for (const standard of allOff.standards) standard.mode = 'off';
    const result = await dryRunSettings(deps, { accountId: 'sim-admin', installation: LOCAL_SITE }, allOff);
    expect(result).toMatchObject({
      newlyNonCompliant: { issues: 0, projects: 0 },
      newlyBlockedTransitions: 0,
      perProject: [],
    });
  });

  it('stops at the cap and says the figures are a sample', async () => {
    const result = await dryRunSettings(
      deps,
      { accountId: 'sim-admin', installation: LOCAL_SITE },
      needsDueDate(),
      { cap: 25 },
    );
    expect(result.evaluatedIssues).toBe(25);
    expect(result.sampled).toBe(true);
    expect(result.cap).toBe(25);
  });

  it('is for settings editors only', async () => {
    await expect(
      dryRunSettings(deps, { accountId: 'sim-team', installation: LOCAL_SITE }, needsDueDate()),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  // The two below publish: they run last.
  it('gives examples of the issues whose moves a warn → enforce change would newly block (#14.10)', async () => {
    await saveSettings(deps, ADMIN, { baseVersion: 1, config: needsDueDate('warn'), comment: '' });
    const result = await dryRunSettings(deps, ADMIN, needsDueDate('enforce'));
    // Already violating in warn mode, so not newly non-compliant; but their moves are newly blocked.
    expect(result.newlyNonCompliant.issues).toBe(0);
    expect(result.newlyBlockedTransitions).toBeGreaterThan(0);
    const undated = new Set(sim.dataset.issues.filter((issue) => issue.duedate === null).map((i) => i.key));
    for (const project of result.perProject) {
      expect(project.sample.length).toBeGreaterThan(0);
      expect(project.affectedIssues).toBeGreaterThanOrEqual(project.sample.length);
      for (const issue of project.sample) {
        expect(undated.has(issue.key)).toBe(true);
        expect(issue.messages.at(-1)).toMatch(/^Would block moving to /);
      }
    }
  });

  it('predicts which projects change RAG and why, as publishing then shows on the portfolio page (#14.10)', async () => {
    const live = needsDueDate('warn');
    const reportNow = async (): Promise<PortfolioReport> => {
      await portfolioReportAs(local, 'sim-admin').catch(() => undefined); // the first view starts a refresh
      await local.drainJobs();
      return portfolioReportAs(local, 'sim-admin');
    };
    const before = await reportNow();
    const candidate = structuredClone(live);
    // Keep the risk fields the snapshot was collected with (found by name at version 0; see #14.1),
    // so publishing applies the thresholds at once instead of waiting for a refresh.
    const pointer = await readParsed(deps.store, snapshotKeys('all').current, CurrentSnapshotSchema);
    if (!pointer) throw new Error('no snapshot');
    const collected = await loadSnapshot(deps, ADMIN, 'all', pointer);
    candidate.engine.riskRoamFieldId = collected.settings.riskRoamFieldId;
    candidate.engine.riskOwnerFieldId = collected.settings.riskOwnerFieldId;
    // Lenient thresholds: projects red or amber only through them turn greener.
    candidate.engine.health.schedule = { amber: 60, red: 90 };
    candidate.engine.health.blocked = { amber: 60, red: 90 };
    candidate.engine.health.dateConflicts = { amber: 50, red: 100 };
    candidate.engine.health.staleness = { amber: 60, red: 90 };
    candidate.engine.health.compliance = { amber: 20, red: 10 };
    const result = await dryRunSettings(deps, ADMIN, candidate);
    expect(result.health).not.toBeNull();
    expect(result.health?.projects).toBe(before.projects.length);
    // Thresholds apply at once; only a change to how issues are collected waits for a refresh.
    expect(result.health?.needsRefresh).toBe(false);
    const relinked = structuredClone(candidate);
    relinked.engine.blockingLinks = [{ type: 'Relates', blockerDirection: 'outward' }];
    await expect(dryRunSettings(deps, ADMIN, relinked)).resolves.toMatchObject({
      health: { needsRefresh: true },
    });

    await saveSettings(deps, ADMIN, { baseVersion: 2, config: candidate, comment: 'tighter schedule' });
    const after = await portfolioReportAs(local, 'sim-admin');
    const expected = after.projects.flatMap((project) => {
      const was = before.projects.find((candidateProject) => candidateProject.key === project.key);
      return was && was.health.rag !== project.health.rag
        ? [{ projectKey: project.key, from: was.health.rag, to: project.health.rag }]
        : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(result.health?.changes.map(({ projectKey, from, to }) => ({ projectKey, from, to }))).toEqual(
      expected,
    );
    // Why: each indicator whose RAG moved, with the reason the page shows once published.
    for (const change of result.health?.changes ?? []) {
      const was = before.projects.find((project) => project.key === change.projectKey);
      const now = after.projects.find((project) => project.key === change.projectKey);
      const moved = (now?.health.indicators ?? [])
        .filter((indicator) => {
          const previous = was?.health.indicators.find((candidate) => candidate.name === indicator.name);
          return previous?.rag !== indicator.rag;
        })
        .map((indicator) => ({
          indicator: indicator.name,
          from: was?.health.indicators.find((candidate) => candidate.name === indicator.name)?.rag,
          to: indicator.rag,
          reason: indicator.reason,
        }));
      expect(moved.length).toBeGreaterThan(0);
      expect(change.reasons).toEqual(moved);
    }
  });
});
