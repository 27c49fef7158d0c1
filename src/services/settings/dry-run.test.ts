import { createJiraSim, type JiraSim, SIM_USERS } from '../../../dev/jira-sim';
import { createLocalApp } from '../../../dev/local/local-app';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import type { AppDeps } from '../deps';
import { clearSettingsEditorCache } from './authorize';
import { dryRunSettings } from './dry-run';
import { saveSettings } from './save-settings';

/** The installation every call here comes from (as the local host's resolver calls say). */
const LOCAL_SITE = 'ari:cloud:jira::site/local';

let sim: JiraSim;
let deps: AppDeps;

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 23, projects: 4, issuesPerProject: 30 });
  deps = createLocalApp({
    jiraBaseUrl: sim.url,
    appCredentials: { email: 'unused@example.com', apiToken: 'unused' },
    userCredentials: (accountId) => {
      const user = SIM_USERS.find((candidate) => candidate.accountId === accountId);
      return user ? { email: user.emailAddress, apiToken: user.apiToken } : undefined;
    },
  }).deps;
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
function needsDueDate(): PmoConfig {
  const config = structuredClone(defaultPmoConfig);
  for (const standard of config.standards) standard.mode = 'off';
  config.standards.push({
    id: 'dated',
    name: 'Everything is dated',
    description: '',
    mode: 'enforce',
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
});
