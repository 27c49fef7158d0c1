import { wireSimulator } from '../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../dev/jira-sim';
import type { LocalApp } from '../../dev/local/local-app';
import { dumpStore } from '../../test/support/store-dump';
import type { ResolverKey } from '../contracts/resolver-contract';
import { resolverContract } from '../contracts/resolver-contract';
import { defaultPmoConfig, type PmoConfig } from '../domain/config/schema';
import { clearSettingsEditorCache } from '../services/settings/authorize';
import { findLiveVersion } from '../services/settings/live-config';

/**
 * The permission matrix (#13, standing suite): every simulator user x every resolver key of the
 * contract. Each call is made the way Forge makes it (identity in the platform context only), and:
 *
 * - what a user may do, they can do; what they may not, answers a typed FORBIDDEN / NOT_FOUND and
 *   changes nothing stored;
 * - no answer, success or error, names a project the user cannot browse or an issue they cannot
 *   see (issue security levels included);
 * - a payload field naming a user (`accountId`, `by`, `author`, ...) is refused, never obeyed.
 *
 * `MATRIX` is a `Record<ResolverKey, ...>`: a new resolver does not compile until it has a row.
 */

type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string; details?: unknown } };
type UserId = 'sim-admin' | 'sim-pmo' | 'sim-team' | 'sim-outsider';
const USERS: UserId[] = ['sim-admin', 'sim-pmo', 'sim-team', 'sim-outsider'];

/**
 * Who may call a resolver: `everyone` (answers are filtered to what the user browses), `browsers`
 * (whoever browses at least one project), `editors`
 * (settings editors: Jira admins here, no PMO group is configured), `issue-viewers` (whoever Jira
 * lets see the issue named in the payload), `issue-editors` (Jira's Edit issues on that issue),
 * `project-browsers` (whoever browses the project named in the payload), `view-owner` (only the team
 * member, who saved the view the payload names), `status-writers` (who may write the named project's
 * status update: by default its lead and its project admins; in the simulator leads are not login
 * users and only admins administer projects).
 */
type Access =
  | 'everyone'
  | 'browsers'
  | 'project-browsers'
  | 'editors'
  | 'issue-viewers'
  | 'issue-editors'
  | 'view-owner'
  | 'status-writers'
  /** Nobody: the feature is switched off in the matrix's default settings. */
  | 'nobody';

interface Fixture {
  /** An issue team members can see and edit (first projects, no security level), with a gate. */
  teamIssue: string;
  /** An issue of a project only admins and the PMO lead browse. */
  hiddenIssue: string;
  /** An issue with a security level (only admins see it). */
  restrictedIssue: string | null;
  gate: { ruleId: string; itemId: string };
  liveVersion: number;
  /** A saved view of the team member's. */
  teamView: string;
  /** The current status period of the "all" portfolio. */
  statusPeriod: string;
}

interface Row {
  access: Access;
  /** Writes must leave the store unchanged when refused. */
  writes: boolean;
  /** The payloads to call with (issue-scoped rows name one issue each). */
  payloads: (fixture: Fixture) => { payload: Record<string, unknown>; issue?: string; project?: string }[];
}

let saveCounter = 0;
function changedConfig(): PmoConfig {
  const config = structuredClone(defaultPmoConfig);
  saveCounter++;
  const first = config.standards[0];
  if (first) first.description = `Matrix change ${saveCounter}`;
  return config;
}

/** A row per fixture issue: the payload names the issue, plus the fields `extra` gives for it. */
const issueRows = (fixture: Fixture, extra: (issueKey: string) => object = () => ({})) =>
  [fixture.teamIssue, fixture.hiddenIssue, fixture.restrictedIssue]
    .filter((key): key is string => key !== null)
    .map((issueKey) => ({ payload: { issueKey, ...extra(issueKey) }, issue: issueKey }));

/** A project the team member browses and one they do not, each named in a portfolio payload. */
const projectRows = (fixture: Fixture) =>
  [fixture.teamIssue, fixture.hiddenIssue].map((issueKey) => {
    const project = issueKey.split('-')[0] as string;
    return { payload: { portfolioId: 'all', projectKey: project }, project };
  });

/** One call with a fixed payload: the empty one, or the "all" portfolio. */
const noPayload = () => [{ payload: {} }];
const allPortfolio = () => [{ payload: { portfolioId: 'all' } }];

/** A status write for each of the project rows, in the current period, with a new commentary each time. */
const statusWrites = (fields: Record<string, unknown>) => (fixture: Fixture) =>
  projectRows(fixture).map(({ payload, project }) => ({
    payload: { ...payload, periodId: fixture.statusPeriod, ...fields, commentary: `Matrix ${++saveCounter}` },
    project,
  }));

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const MATRIX: Record<ResolverKey, Row> = {
  listProjects: { access: 'everyone', writes: false, payloads: noPayload },
  getIssueOverview: { access: 'issue-viewers', writes: false, payloads: issueRows },
  getSiteSetup: { access: 'everyone', writes: false, payloads: noPayload },
  listPortfolios: { access: 'everyone', writes: false, payloads: noPayload },
  getPortfolioReport: { access: 'everyone', writes: false, payloads: allPortfolio },
  // A refused refresh starts no run; it only keeps the caller's project permissions for a few minutes.
  refreshPortfolio: { access: 'browsers', writes: false, payloads: allPortfolio },
  getRefreshStatus: { access: 'browsers', writes: false, payloads: allPortfolio },
  getHistoryBackfill: { access: 'browsers', writes: false, payloads: allPortfolio },
  getPortfolioHistory: { access: 'browsers', writes: false, payloads: allPortfolio },
  getProjectHistory: {
    access: 'project-browsers',
    writes: false,
    payloads: projectRows,
  },
  getPortfolioChanges: {
    access: 'browsers',
    writes: false,
    payloads: () => [{ payload: { portfolioId: 'all', since: isoDaysAgo(7) } }],
  },
  listBaselines: {
    access: 'project-browsers',
    writes: false,
    payloads: projectRows,
  },
  setBaseline: {
    access: 'editors',
    writes: true,
    payloads: (fixture) => [
      {
        payload: {
          portfolioId: 'all',
          projectKey: fixture.teamIssue.split('-')[0],
          note: `Matrix ${++saveCounter}`,
        },
      },
    ],
  },
  exportPortfolioHistory: {
    access: 'browsers',
    writes: false,
    payloads: () => [{ payload: { portfolioId: 'all', from: isoDaysAgo(30), to: isoDaysAgo(0) } }],
  },
  getIssueStandards: { access: 'issue-viewers', writes: false, payloads: issueRows },
  setChecklistItem: {
    access: 'issue-editors',
    writes: true,
    payloads: (fixture) => issueRows(fixture, () => ({ ...fixture.gate, ticked: true })),
  },
  getSettings: { access: 'editors', writes: false, payloads: noPayload },
  getSiteCatalog: { access: 'everyone', writes: false, payloads: noPayload },
  validateSettings: {
    access: 'editors',
    writes: false,
    payloads: () => [{ payload: { config: changedConfig() } }],
  },
  dryRunSettings: {
    access: 'editors',
    writes: false,
    payloads: () => [{ payload: { config: changedConfig() } }],
  },
  saveSettings: {
    access: 'editors',
    writes: true,
    payloads: (fixture) => [
      { payload: { baseVersion: fixture.liveVersion, config: changedConfig(), comment: '' } },
    ],
  },
  listConfigVersions: { access: 'editors', writes: false, payloads: noPayload },
  getConfigVersion: { access: 'editors', writes: false, payloads: () => [{ payload: { version: 0 } }] },
  restoreConfigVersion: {
    access: 'editors',
    writes: true,
    payloads: (fixture) => [{ payload: { version: 0, baseVersion: fixture.liveVersion, comment: '' } }],
  },
  listAuditLog: { access: 'editors', writes: false, payloads: noPayload },
  exportSettings: { access: 'editors', writes: false, payloads: noPayload },
  previewImport: {
    access: 'editors',
    writes: false,
    payloads: () => [{ payload: { json: JSON.stringify(changedConfig()) } }],
  },
  importSettings: {
    access: 'editors',
    writes: true,
    payloads: (fixture) => [
      { payload: { json: JSON.stringify(changedConfig()), baseVersion: fixture.liveVersion, comment: '' } },
    ],
  },
  listSavedViews: { access: 'everyone', writes: false, payloads: noPayload },
  saveView: {
    access: 'everyone',
    writes: true,
    payloads: () => [
      { payload: { route: 'dependencies', name: `Matrix ${++saveCounter}`, query: '?late=1' } },
    ],
  },
  renameSavedView: {
    access: 'view-owner',
    writes: true,
    payloads: (fixture) => [{ payload: { id: fixture.teamView, name: `Renamed ${++saveCounter}` } }],
  },
  deleteSavedView: {
    access: 'view-owner',
    writes: true,
    payloads: (fixture) => [{ payload: { id: fixture.teamView } }],
  },
  getStatusBoard: { access: 'everyone', writes: false, payloads: allPortfolio },
  getStatusUpdate: { access: 'project-browsers', writes: false, payloads: projectRows },
  saveStatusDraft: {
    access: 'status-writers',
    writes: true,
    payloads: statusWrites({ baseRevision: 0, status: 'at-risk' }),
  },
  publishStatusUpdate: {
    access: 'status-writers',
    writes: true,
    payloads: statusWrites({ expectedVersion: 0, status: 'on-track' }),
  },
  setProjectOverride: {
    access: 'editors',
    writes: true,
    payloads: (fixture) => [
      {
        payload: {
          projectKey: fixture.teamIssue.split('-')[0],
          override: { rag: 'amber', reason: `Matrix ${++saveCounter}`, expiresAt: '2099-01-01T00:00:00Z' },
          baseVersion: fixture.liveVersion,
        },
      },
    ],
  },
  getAlertSubscriptions: { access: 'everyone', writes: false, payloads: noPayload },
  // A refused subscription stores nothing; it only keeps the caller's project permissions for a few minutes.
  saveAlertSubscriptions: {
    access: 'browsers',
    writes: false,
    payloads: () => [
      {
        payload: {
          subscriptions: [{ portfolioId: 'all', projectKey: null, events: ['turnedRed'] }],
          emailDigest: false,
          weeklyDigest: false,
        },
      },
    ],
  },
  listAlerts: { access: 'everyone', writes: false, payloads: noPayload },
  markAlertsRead: { access: 'everyone', writes: true, payloads: () => [{ payload: { all: true } }] },
  getNotificationStatus: { access: 'editors', writes: false, payloads: noPayload },
  // Scoring is off in the default settings: the panel hears so without the issue being read, and
  // nobody can score. Who may score when it is on: src/services/scoring/scoring.test.ts.
  getIssueScoring: { access: 'everyone', writes: false, payloads: issueRows },
  saveIssueScore: {
    access: 'nobody',
    writes: true,
    payloads: (fixture) => issueRows(fixture, () => ({ ratings: { 'business-value': 3 } })),
  },
  getPrioritisation: { access: 'everyone', writes: false, payloads: noPayload },
  // Only the PMO changes the ranking; with scoring off there is no ranking to change (NOT_FOUND).
  setRankOverride: {
    access: 'nobody',
    writes: true,
    payloads: (fixture) => [
      {
        payload: { issueKey: fixture.teamIssue, override: { rank: 1, reason: 'Matrix check' } },
        issue: fixture.teamIssue,
      },
    ],
  },
  saveCapacityPlan: {
    access: 'editors',
    writes: true,
    payloads: () => [
      { payload: { plan: { periods: [{ label: `Q${(++saveCounter % 4) + 1}`, capacity: 40 }] } } },
    ],
  },
  // With scoring off nothing is a candidate: the panel hears "none" without the issue being read and
  // nobody can decide. Who may decide when it is on: src/services/scoring/authorisation.test.ts.
  getIssueAuthorisation: { access: 'everyone', writes: false, payloads: issueRows },
  decideCandidate: {
    access: 'nobody',
    writes: true,
    payloads: (fixture) =>
      issueRows(fixture, (issue) => ({
        outcome: 'rejected',
        reason: 'Matrix check',
        requestId: `matrix-${issue}`,
      })),
  },
  getAuthorisationLog: { access: 'everyone', writes: false, payloads: () => [{ payload: {} }] },
};

/** Calls the real resolver handler the way Forge does: identity in the platform's second argument. */
function invoke(local: LocalApp, accountId: string, functionKey: string, payload: unknown) {
  return local.app.resolver(
    { call: { functionKey, payload }, context: { moduleKey: 'pmo-matrix' } },
    { principal: { accountId }, installContext: 'ari:cloud:jira::site/matrix' },
  ) as Promise<Result>;
}

let sim: JiraSim;
let local: LocalApp;
let fixture: Fixture;
/** Per user: the project keys they browse and the issue keys they see. */
const sees = new Map<UserId, { projects: Set<string>; issues: Set<string>; edits: Set<string> }>();
let allProjectKeys: Set<string>;
let allIssueKeys: Set<string>;
let matrixChecks = 0;

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 5, projects: 5, issuesPerProject: 14 });
  local = wireSimulator(sim.url).localApp;
  const { projects, issues } = sim.dataset;
  allProjectKeys = new Set(projects.map((project) => project.key));
  allIssueKeys = new Set(issues.map((issue) => issue.key));
  // The simulator's scheme (dev/jira-sim/access.ts): admin and PMO lead browse every project, the
  // team member the first three, the outsider none; only admins see issues with a security level;
  // admins and team members edit what they browse.
  const browse: Record<UserId, (projectIdx: number) => boolean> = {
    'sim-admin': () => true,
    'sim-pmo': () => true,
    'sim-team': (projectIdx) => projectIdx < 3,
    'sim-outsider': () => false,
  };
  for (const user of USERS) {
    const visible = issues.filter(
      (issue) => browse[user](issue.projectIdx) && (issue.securityLevelId === null || user === 'sim-admin'),
    );
    sees.set(user, {
      projects: new Set(projects.filter((_, index) => browse[user](index)).map((project) => project.key)),
      issues: new Set(visible.map((issue) => issue.key)),
      edits: new Set(user === 'sim-admin' || user === 'sim-team' ? visible.map((issue) => issue.key) : []),
    });
  }
  const open = (projectIdx: (index: number) => boolean) =>
    issues.filter((issue) => projectIdx(issue.projectIdx) && issue.securityLevelId === null);
  const restricted = issues.find((issue) => issue.projectIdx < 3 && issue.securityLevelId !== null);
  // A team issue with a gate checklist the panel offers.
  let teamIssue: string | undefined;
  let gate: Fixture['gate'] | undefined;
  for (const issue of open((index) => index < 3)) {
    const answer = await invoke(local, 'sim-admin', 'getIssueStandards', { issueKey: issue.key });
    const gates = (answer.data as { gates?: { ruleId: string; items: { id: string }[] }[] } | undefined)
      ?.gates;
    const first = gates?.find((candidate) => candidate.items.length > 0);
    if (first?.items[0]) {
      teamIssue = issue.key;
      gate = { ruleId: first.ruleId, itemId: first.items[0].id };
      break;
    }
  }
  const hidden = open((index) => index >= 3)[0];
  if (!teamIssue || !gate || !hidden)
    throw new Error('the seeded data has no gated team issue or hidden issue');
  const saved = await invoke(local, 'sim-team', 'saveView', {
    route: 'raid',
    name: 'My open risks',
    query: '?sort=score&order=desc',
  });
  const teamView = (saved.data as { id?: string } | undefined)?.id;
  if (!teamView) throw new Error(`the team member could not save a view: ${JSON.stringify(saved.error)}`);
  const board = await invoke(local, 'sim-admin', 'getStatusBoard', { portfolioId: 'all' });
  const statusPeriod = (board.data as { period?: { id: string } } | undefined)?.period?.id;
  if (!statusPeriod) throw new Error(`no status board for the admin: ${JSON.stringify(board.error)}`);
  fixture = {
    teamIssue,
    hiddenIssue: hidden.key,
    restrictedIssue: restricted?.key ?? null,
    gate,
    liveVersion: 0,
    teamView,
    statusPeriod,
  };
}, 60_000);

afterAll(async () => {
  await sim.close();
  // The README's reliability section quotes this figure.
  console.info(`[permission matrix] ${matrixChecks} user x resolver x payload checks`);
});

beforeEach(() => clearSettingsEditorCache());

function allowed(user: UserId, row: Row, issue: string | undefined, project: string | undefined): boolean {
  const view = sees.get(user);
  if (!view) return false;
  switch (row.access) {
    case 'everyone':
      return true;
    case 'browsers':
      return view.projects.size > 0;
    case 'project-browsers':
      return project !== undefined && view.projects.has(project);
    case 'editors':
      return user === 'sim-admin';
    case 'issue-viewers':
      return issue !== undefined && view.issues.has(issue);
    case 'issue-editors':
      return issue !== undefined && view.edits.has(issue);
    case 'view-owner':
      return user === 'sim-team';
    case 'status-writers':
      return user === 'sim-admin' && project !== undefined && view.projects.has(project);
    case 'nobody':
      return false;
  }
}

/** Every project key and issue key an answer names (in any string, as a whole word). */
function namedKeys(value: unknown): { projects: Set<string>; issues: Set<string> } {
  const projects = new Set<string>();
  const issues = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(/\b([A-Z][A-Z0-9_]{1,30})(?:-(\d+))?\b/g)) {
        if (match[2] !== undefined && allIssueKeys.has(match[0])) issues.add(match[0]);
        if (match[1] && allProjectKeys.has(match[1])) projects.add(match[1]);
      }
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        visit(key);
        visit(item);
      }
    }
  };
  visit(value);
  return { projects, issues };
}

const cases = USERS.flatMap((user) =>
  (Object.keys(MATRIX) as ResolverKey[]).map((key) => [user, key] as [UserId, ResolverKey]),
);

describe('permission matrix: every user x every resolver', () => {
  it('has a row for every resolver of the contract, and fixtures that can show a leak', async () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(resolverContract).sort());
    // The scanner finds keys: the admin's project list names every project.
    const all = await invoke(local, 'sim-admin', 'listProjects', {});
    expect(namedKeys(all).projects).toEqual(allProjectKeys);
    // The seeded data has an issue with a security level in a team project, and it is checked.
    expect(fixture.restrictedIssue).not.toBeNull();
  });

  it.each(cases)('%s calling %s sees only what Jira lets them browse', async (user, key) => {
    const row = MATRIX[key];
    fixture.liveVersion = (await findLiveVersion(local.deps)).version;
    const view = sees.get(user);
    if (!view) throw new Error(`no view for ${user}`);
    for (const { payload, issue, project } of row.payloads(fixture)) {
      const before = row.writes ? await dumpStore(local.deps.store) : undefined;
      const result = await invoke(local, user, key, payload);
      matrixChecks++;
      const context = `${user} ${key} ${JSON.stringify(payload).slice(0, 120)}`;
      if (allowed(user, row, issue, project)) {
        expect({ context, ok: result.ok, error: result.error }).toEqual({
          context,
          ok: true,
          error: undefined,
        });
      } else {
        expect({ context, ok: result.ok }).toEqual({ context, ok: false });
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(result.error?.code);
        if (before) expect(await dumpStore(local.deps.store)).toEqual(before);
      }
      // Keys the caller named themselves may come back in an error; nothing else they cannot see.
      const named = namedKeys(result);
      const asked = namedKeys(payload);
      const leakedProjects = [...named.projects].filter(
        (project) => !view.projects.has(project) && !asked.projects.has(project),
      );
      const leakedIssues = [...named.issues].filter(
        (found) => !view.issues.has(found) && !asked.issues.has(found),
      );
      expect({ context, leakedProjects, leakedIssues }).toEqual({
        context,
        leakedProjects: [],
        leakedIssues: [],
      });
    }
  });

  it.each(cases)('%s calling %s cannot name a user in the payload', async (user, key) => {
    const before = await dumpStore(local.deps.store);
    fixture.liveVersion = (await findLiveVersion(local.deps)).version;
    for (const { payload } of MATRIX[key].payloads(fixture)) {
      for (const field of ['accountId', 'actor', 'author', 'by', 'principal']) {
        const result = await invoke(local, user, key, { ...payload, [field]: 'sim-admin' });
        matrixChecks++;
        expect({ key, field, code: result.error?.code }).toEqual({ key, field, code: 'BAD_REQUEST' });
      }
      const override = (payload as { override?: Record<string, unknown> }).override;
      if (override) {
        const result = await invoke(local, user, key, {
          ...payload,
          override: { ...override, by: 'sim-admin' },
        });
        matrixChecks++;
        expect(result.error?.code).toBe('BAD_REQUEST');
      }
    }
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });
});

/**
 * Gate items that name who may tick them (#14.17): every user x every audience, on an epic of a
 * team project and on one of a project the team member does not browse. Ticks are asked of Jira as
 * the user (groups, Edit issues) and the app (role actors); a refusal is typed and stores nothing.
 */
describe('permission matrix: who may tick a gate item', () => {
  type Audience = 'editors' | 'group' | 'role' | 'pmo';
  const AUDIENCES: Audience[] = ['editors', 'group', 'role', 'pmo'];
  /** In the simulator: `pmo-office` is the PMO lead's group; Developers is sim-team in the first three projects. */
  const mayTick: Record<Audience, (user: UserId, teamProject: boolean) => boolean> = {
    editors: (user, teamProject) => user === 'sim-admin' || (user === 'sim-team' && teamProject),
    group: (user) => user === 'sim-pmo',
    role: (user, teamProject) => user === 'sim-team' && teamProject,
    pmo: (user) => user === 'sim-admin' || user === 'sim-pmo',
  };
  const epics: { key: string; teamProject: boolean }[] = [];
  // Its own site and app: the settings it publishes change nothing the matrix above relies on.
  let sim: JiraSim;
  let local: LocalApp;

  beforeAll(async () => {
    sim = await createJiraSim({ port: 0, seed: 5, projects: 5, issuesPerProject: 14 });
    local = wireSimulator(sim.url).localApp;
    const config = structuredClone(defaultPmoConfig);
    config.access.pmoGroupName = 'pmo-office';
    const gate = config.standards
      .flatMap((standard) => standard.rules)
      .find((rule) => rule.kind === 'gateChecklist' && rule.id === 'execution-gate');
    if (gate?.kind !== 'gateChecklist') throw new Error('the defaults have no execution gate');
    gate.items = [
      { id: 'aud-editors', text: 'Anyone editing', mandatory: true },
      {
        id: 'aud-group',
        text: 'PMO office group',
        mandatory: true,
        tickableBy: { kind: 'group', group: 'pmo-office' },
      },
      {
        id: 'aud-role',
        text: 'Developers',
        mandatory: true,
        tickableBy: { kind: 'projectRole', role: 'Developers' },
      },
      { id: 'aud-pmo', text: 'PMO sign-off', mandatory: true, tickableBy: { kind: 'pmo' } },
    ];
    const live = await findLiveVersion(local.deps);
    const saved = await invoke(local, 'sim-admin', 'saveSettings', {
      baseVersion: live.version,
      config,
      comment: 'gate items name who may tick them',
    });
    expect(saved).toMatchObject({ ok: true });
    const epicOf = (teamProject: boolean) =>
      sim.dataset.issues.find(
        (issue) =>
          issue.typeId === '10000' && issue.securityLevelId === null && issue.projectIdx < 3 === teamProject,
      );
    for (const teamProject of [true, false]) {
      const epic = epicOf(teamProject);
      if (!epic) throw new Error('the seeded data has no epic there');
      epics.push({ key: epic.key, teamProject });
    }
  }, 60_000);
  afterAll(() => sim.close());

  const tickCases = USERS.flatMap((user) => AUDIENCES.map((audience) => [user, audience] as const));

  it.each(tickCases)('%s ticking an item for %s', async (user, audience) => {
    for (const epic of epics) {
      const change = { issueKey: epic.key, ruleId: 'execution-gate', itemId: `aud-${audience}` };
      const sees = epic.teamProject ? user !== 'sim-outsider' : user === 'sim-admin' || user === 'sim-pmo';
      const before = await dumpStore(local.deps.store);
      const result = await invoke(local, user, 'setChecklistItem', { ...change, ticked: true });
      matrixChecks++;
      const context = `${user} ${audience} ${epic.key}`;
      if (sees && mayTick[audience](user, epic.teamProject)) {
        expect({ context, ok: result.ok, error: result.error }).toEqual({
          context,
          ok: true,
          error: undefined,
        });
        const untick = await invoke(local, user, 'setChecklistItem', { ...change, ticked: false });
        expect(untick.ok).toBe(true);
      } else {
        expect({ context, code: result.error?.code }).toEqual({
          context,
          code: sees ? 'FORBIDDEN' : 'NOT_FOUND',
        });
        expect(result.error?.message.length).toBeGreaterThan(20);
        expect(await dumpStore(local.deps.store)).toEqual(before);
      }
      if (sees) {
        const panel = await invoke(local, user, 'getIssueStandards', { issueKey: epic.key });
        const items = (
          panel.data as { gates: { items: { id: string; tickable: boolean }[] }[] }
        ).gates.flatMap((gate) => gate.items);
        expect({ context, tickable: items.find((item) => item.id === `aud-${audience}`)?.tickable }).toEqual({
          context,
          tickable: mayTick[audience](user, epic.teamProject),
        });
      }
    }
  });
});
