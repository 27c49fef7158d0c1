import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { portfolioReportAs } from '../../../test/support/local-resolvers';
import { refusal } from '../../../test/support/scoring-settings';
import { dumpStore } from '../../../test/support/store-dump';
import type { IssueScoring } from '../../contracts/scoring';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import { scoringPresets } from '../../domain/scoring/presets';
import { queryAll } from '../../storage/store';
import type { Actor } from '../deps';
import { clearSettingsEditorCache } from '../settings/authorize';
import { dryRunSettings } from '../settings/dry-run';
import { findLiveVersion, loadLiveConfig } from '../settings/live-config';
import { saveSettings } from '../settings/save-settings';
import { startRefresh } from '../snapshots/start-refresh';
import { saveCapacityPlan, setRankOverride } from './change-prioritisation';
import { getIssueScoring } from './get-issue-scoring';
import { getPrioritisation } from './get-prioritisation';
import { readPrioritisationAudit } from './prioritisation-store';
import { saveIssueScore } from './save-issue-score';
import { SCORE_PROPERTY_KEY } from './score-property';

const SITE = 'ari:cloud:jira::site/scoring';
const as = (accountId: string): Actor => ({ accountId, installation: SITE });
const admin = as('sim-admin');
const pmo = as('sim-pmo');
const team = as('sim-team');
const outsider = as('sim-outsider');

let sim: JiraSim;
let local: LocalApp;
/** An epic of a project the team member browses and edits, and a story there (not a candidate). */
let teamEpic: string;
/** Another team epic nobody else rates. */
let otherEpic: string;
let story: string;

const wsjf = scoringPresets.wsjf;
const fullRating = { 'business-value': 4, 'time-criticality': 3, 'risk-reduction': 2, 'job-size': 3 };

async function publish(change: (config: PmoConfig) => void) {
  clearSettingsEditorCache();
  const config = structuredClone(defaultPmoConfig);
  config.access.pmoGroupName = 'pmo-office';
  config.scoring = {
    ...config.scoring,
    enabled: true,
    // A copy: a test that edits the model must not change the preset every later test publishes.
    models: [structuredClone(wsjf)],
    activeModelId: 'wsjf',
    candidates: { issueTypes: ['Epic'], projectKeys: [], jql: null },
  };
  change(config);
  const live = await findLiveVersion(local.deps);
  try {
    await saveSettings(local.deps, admin, { baseVersion: live.version, config, comment: 'scoring' });
  } catch (error) {
    // The same settings as live already: nothing to publish.
    if (!(error instanceof AppError && error.message.startsWith('Nothing to save'))) throw error;
  }
}

function candidate(answer: IssueScoring) {
  if (answer.status !== 'candidate') throw new Error(`expected a candidate, got ${answer.status}`);
  return answer;
}

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 5, projects: 5, issuesPerProject: 14 });
  local = wireSimulator(sim.url).localApp;
  const open = sim.dataset.issues.filter((issue) => issue.projectIdx < 3 && issue.securityLevelId === null);
  const [epic, other] = open.filter((issue) => issue.typeId === '10000');
  const notEpic = open.find((issue) => issue.typeId === '10001');
  if (!epic || !other || !notEpic) throw new Error('the seeded data has no two team epics and a story');
  teamEpic = epic.key;
  otherEpic = other.key;
  story = notEpic.key;
  // Both epics are proposals, still in Inception (only proposals are ranked).
  const backlog = sim.dataset.statuses.find((status) => status.name === 'Backlog');
  if (!backlog) throw new Error('the simulator has no Backlog status');
  for (const key of [teamEpic, otherEpic]) sim.mutate.editIssue(key, { statusId: backlog.id });
}, 60_000);
afterAll(() => sim.close());
beforeEach(() => publish(() => {}));

describe('scoring a candidate in the issue panel', () => {
  it('is off until the settings switch it on, and nobody can score then', async () => {
    await publish((config) => {
      config.scoring.enabled = false;
    });
    await expect(getIssueScoring(local.deps, team, teamEpic)).resolves.toEqual({ status: 'off' });
    expect(
      (await refusal(saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating }))).code,
    ).toBe('FORBIDDEN');
  });

  it('a team member rates an epic: who and when kept, the score with its breakdown, mirrored to pmoScore', async () => {
    const answer = candidate(
      await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating }),
    );
    expect(answer.result.score).toBeCloseTo(10 / 3, 8);
    expect(answer.result.parts.map((part) => part.criterionId)).toEqual(wsjf.criteria.map((c) => c.id));
    expect(answer.scorers).toEqual([
      expect.objectContaining({
        accountId: 'sim-team',
        displayName: expect.any(String),
        counts: true,
        currentVersion: true,
      }),
    ]);
    expect(answer.mine).toEqual(fullRating);
    const property = await local.deps.jira.asApp().getIssueProperty(teamEpic, SCORE_PROPERTY_KEY);
    expect(property).toMatchObject({ score: 3.33, complete: 'true', model: 'wsjf', scorers: 1 });
    const found = await local.deps.jira
      .asApp()
      .searchPage({ jql: 'pmoScore > 3', fields: ['summary'], reconcileIssues: [] });
    expect(found.issues.map((issue) => issue.key)).toContain(teamEpic);
  });

  it('two scorers saving at the same moment are both kept and averaged', async () => {
    await Promise.all([
      saveIssueScore(local.deps, team, {
        issueKey: teamEpic,
        ratings: { ...fullRating, 'business-value': 5 },
      }),
      saveIssueScore(local.deps, admin, {
        issueKey: teamEpic,
        ratings: { ...fullRating, 'business-value': 1 },
      }),
    ]);
    const answer = candidate(await getIssueScoring(local.deps, pmo, teamEpic));
    expect(answer.scorers.map((scorer) => scorer.accountId).sort()).toEqual(['sim-admin', 'sim-team']);
    // Business value levels 5 and 1 stand for 8 and 1: their mean level 3 stands for 3.
    expect(answer.result.parts.find((part) => part.criterionId === 'business-value')?.rating).toBe(3);
    expect(await local.deps.jira.asApp().getIssueProperty(teamEpic, SCORE_PROPERTY_KEY)).toMatchObject({
      scorers: 2,
    });
    // The Prioritise view, which reads the candidate's summary, counts both too.
    const view = await getPrioritisation(local.deps, pmo);
    expect(view.status === 'ready' && view.candidates.find((c) => c.issueKey === teamEpic)?.scorerCount).toBe(
      2,
    );
    expect(answer.canScore).toBe(false);
    expect(answer.notScorableReason).toMatch(/Edit issues/);
  });

  it('a viewer without the right to score is refused and nothing is stored', async () => {
    const before = await dumpStore(local.deps.store);
    const byPmo = await refusal(saveIssueScore(local.deps, pmo, { issueKey: teamEpic, ratings: fullRating }));
    expect(byPmo.code).toBe('FORBIDDEN');
    const byOutsider = await refusal(
      saveIssueScore(local.deps, outsider, { issueKey: teamEpic, ratings: fullRating }),
    );
    expect(byOutsider.code).toBe('NOT_FOUND');
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });

  it('scorers named in the settings: the PMO scores, a team member who edits the issue may not', async () => {
    await publish((config) => {
      config.scoring.scorers = { kind: 'pmo' };
    });
    await expect(
      saveIssueScore(local.deps, pmo, { issueKey: teamEpic, ratings: fullRating }),
    ).resolves.toMatchObject({ status: 'candidate' });
    const refused = await refusal(
      saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/the PMO/) });
  });

  it('an issue that is not a candidate has no Scoring section and cannot be scored', async () => {
    await expect(getIssueScoring(local.deps, team, story)).resolves.toEqual({ status: 'notCandidate' });
    expect(
      (await refusal(saveIssueScore(local.deps, team, { issueKey: story, ratings: fullRating }))).code,
    ).toBe('BAD_REQUEST');
  });

  it('ratings off the scale or of unknown criteria are refused', async () => {
    const offScale = await refusal(
      saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: { 'job-size': 7 } }),
    );
    expect(offScale).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/levels 1 to 5/) });
    const unknown = await refusal(
      saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: { reach: 2 } }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
  });

  it('missing ratings show as incomplete, counted by the settings rule', async () => {
    const partial = { 'business-value': 5, 'time-criticality': 5, 'job-size': 2 };
    await publish((config) => {
      config.scoring.missingValues = 'worst';
    });
    const answer = candidate(
      await saveIssueScore(local.deps, as('sim-team'), { issueKey: otherEpic, ratings: partial }),
    );
    expect(answer.result).toMatchObject({ complete: false, missing: ['risk-reduction'] });
  });

  it('a scale changed after scoring marks the old ratings with their model version', async () => {
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating });
    await publish((config) => {
      const model = config.scoring.models[0];
      if (model?.criteria[0]?.input.kind === 'scale')
        model.criteria[0].input.levels[4] = { label: 'Critical', value: 13 };
    });
    const answer = candidate(await getIssueScoring(local.deps, team, teamEpic));
    expect(answer.scorers.find((scorer) => scorer.accountId === 'sim-team')).toMatchObject({
      currentVersion: false,
    });
    expect(answer.scorers[0]?.modelVersion).not.toBe(answer.model.version);
  });

  it('with a designated scorer only their ratings count', async () => {
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating });
    await saveIssueScore(local.deps, admin, {
      issueKey: teamEpic,
      ratings: { ...fullRating, 'job-size': 1 },
    });
    await publish((config) => {
      config.scoring.aggregation = { kind: 'designated', accountId: 'sim-admin' };
    });
    const answer = candidate(await getIssueScoring(local.deps, team, teamEpic));
    expect(answer.scorers.filter((scorer) => scorer.counts).map((scorer) => scorer.accountId)).toEqual([
      'sim-admin',
    ]);
    expect(answer.result.score).toBeCloseTo(10, 8);
  });
});

describe('the Prioritise view', () => {
  async function ready(actor: Actor) {
    const view = await getPrioritisation(local.deps, actor);
    if (view.status !== 'ready') throw new Error('expected scoring on');
    return view;
  }

  it('ranks the scored candidates from storage, highest score first', async () => {
    await saveIssueScore(local.deps, team, {
      issueKey: otherEpic,
      ratings: { ...fullRating, 'job-size': 1 },
    });
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: { ...fullRating, 'job-size': 5 } });
    const view = await ready(pmo);
    const keys = view.candidates.map((candidate) => candidate.issueKey);
    expect(keys.indexOf(otherEpic)).toBeLessThan(keys.indexOf(teamEpic));
    const first = view.candidates[0];
    expect(first?.stage).not.toBeUndefined();
    expect(view.canEdit).toBe(true);
    expect((await ready(team)).canEdit).toBe(false);
  });

  it('a PMO lead overrides a rank with a reason: audited, the computed rank kept; a team member is refused', async () => {
    const before = await dumpStore(local.deps.store);
    const refused = await refusal(
      setRankOverride(local.deps, team, { issueKey: teamEpic, override: { rank: 1, reason: 'Mine first' } }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(await dumpStore(local.deps.store)).toEqual(before);

    const view = await setRankOverride(local.deps, pmo, {
      issueKey: teamEpic,
      override: { rank: 1, reason: 'Regulatory deadline in March' },
    });
    if (view.status !== 'ready') throw new Error('expected scoring on');
    expect(view.candidates[0]).toMatchObject({
      issueKey: teamEpic,
      override: { rank: 1, reason: 'Regulatory deadline in March' },
    });
    const audit = await readPrioritisationAudit(local.deps.store);
    expect(audit.at(-1)).toMatchObject({
      by: 'sim-pmo',
      change: { kind: 'rank', issueKey: teamEpic, after: { rank: 1 } },
    });
    await setRankOverride(local.deps, pmo, { issueKey: teamEpic, override: null });
  });

  it('the capacity plan is saved by the PMO and audited', async () => {
    const plan = { periods: [{ label: '2027 Q1', capacity: 40 }] };
    const view = await saveCapacityPlan(local.deps, pmo, { plan });
    expect(view).toMatchObject({ status: 'ready', plan });
    expect((await refusal(saveCapacityPlan(local.deps, team, { plan }))).code).toBe('FORBIDDEN');
    expect((await readPrioritisationAudit(local.deps.store)).at(-1)).toMatchObject({
      change: { kind: 'capacity', after: plan },
    });
  });

  it('shows no candidate with an issue security level the viewer cannot open, in a project they browse', async () => {
    // The seeded data's secured issues in the team member's projects are risks and decisions.
    const secured = sim.dataset.issues.find(
      (issue) => issue.projectIdx < 3 && issue.typeId === '10005' && issue.securityLevelId !== null,
    );
    if (!secured) throw new Error('no secured risk in the team member’s projects');
    await publish((config) => {
      config.scoring.candidates.issueTypes = ['Epic', 'Risk'];
    });
    await saveIssueScore(local.deps, admin, { issueKey: secured.key, ratings: fullRating });
    expect((await ready(admin)).candidates.map((c) => c.issueKey)).toContain(secured.key);
    const teamView = await ready(team);
    expect(teamView.candidates.map((c) => c.issueKey)).not.toContain(secured.key);
    expect(JSON.stringify(teamView)).not.toContain(secured.key);
  });

  it('shows no candidate of a project the viewer cannot browse', async () => {
    const hidden = sim.dataset.issues.find(
      (issue) => issue.projectIdx >= 3 && issue.typeId === '10000' && issue.securityLevelId === null,
    );
    if (!hidden) throw new Error('no hidden epic');
    await saveIssueScore(local.deps, admin, { issueKey: hidden.key, ratings: fullRating });
    expect((await ready(pmo)).candidates.map((c) => c.issueKey)).toContain(hidden.key);
    expect((await ready(team)).candidates.map((c) => c.issueKey)).not.toContain(hidden.key);
    expect(await getPrioritisation(local.deps, outsider)).toMatchObject({ status: 'ready', candidates: [] });
  });
});

describe('the Prioritise view reads where candidates stand from the portfolio snapshot', () => {
  const statusNamed = (name: string) => {
    const status = sim.dataset.statuses.find((candidate) => candidate.name === name);
    if (!status) throw new Error(`the simulator has no status ${name}`);
    return status;
  };
  const viewOf = async (actor: Actor) => {
    const view = await getPrioritisation(local.deps, actor);
    if (view.status !== 'ready') throw new Error('expected scoring on');
    return view;
  };

  it('before any snapshot, each candidate shows what its last scorer saw, marked as such', async () => {
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating });
    const view = await viewOf(pmo);
    expect(view.snapshotAsOf).toBeNull();
    expect(view.candidates.find((c) => c.issueKey === teamEpic)).toMatchObject({ source: 'scorer' });
  });

  it('a candidate moved past Inception after it was scored is shown as authorised, not ranked among proposals', async () => {
    sim.mutate.editIssue(teamEpic, { statusId: statusNamed('Backlog').id });
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating });
    sim.mutate.editIssue(teamEpic, { statusId: statusNamed('In Progress').id });
    await saveIssueScore(local.deps, team, { issueKey: otherEpic, ratings: fullRating });
    await portfolioReportAs(local, 'sim-admin').catch(() => undefined); // the first view starts a refresh
    await local.drainJobs();

    const view = await viewOf(pmo);
    expect(view.snapshotAsOf).not.toBeNull();
    const moved = view.candidates.find((c) => c.issueKey === teamEpic);
    expect(moved).toMatchObject({
      source: 'snapshot',
      status: { name: 'In Progress', category: 'indeterminate' },
      stage: 'Execution',
      phase: 'authorised',
    });
    // Proposals come first (they are ranked); authorised candidates follow.
    const phases = view.candidates.map((c) => c.phase);
    expect(phases.indexOf('authorised')).toBeGreaterThan(phases.lastIndexOf('proposal'));
    // It cannot be ranked by hand any more; nothing is stored.
    const before = await dumpStore(local.deps.store);
    const refused = await refusal(
      setRankOverride(local.deps, pmo, { issueKey: teamEpic, override: { rank: 1, reason: 'Too late' } }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/past Inception/) });
    expect(await dumpStore(local.deps.store)).toEqual(before);

    // Back to Inception with a new estimate: the next refresh is what the view shows, without a new score.
    sim.mutate.editIssue(teamEpic, { statusId: statusNamed('Backlog').id, storyPoints: 13 });
    await startRefresh(local.deps, local.deps.queue, 'all', 'user', { full: true });
    await local.drainJobs();
    expect((await viewOf(pmo)).candidates.find((c) => c.issueKey === teamEpic)).toMatchObject({
      status: { name: 'Backlog' },
      stage: 'Inception',
      estimate: 13,
      phase: 'proposal',
    });
  });
});

describe('the settings dry run shows how a draft moves the ranking', () => {
  const bigValue = { 'business-value': 5, 'time-criticality': 1, 'risk-reduction': 1, 'job-size': 3 };
  const urgent = { 'business-value': 1, 'time-criticality': 3, 'risk-reduction': 3, 'job-size': 2 };

  async function onlyTheseScores() {
    const keys: string[] = [];
    // Every scorer's record and the per-candidate summaries.
    for (const prefix of ['score:', 'score-sum:'])
      for await (const { key } of queryAll(local.deps.store, prefix)) keys.push(key);
    for (const key of keys) await local.deps.store.delete(key);
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: bigValue }); // WSJF (8 + 1 + 1) / 3: levels are 1, 2, 3, 5, 8
    await saveIssueScore(local.deps, team, { issueKey: otherEpic, ratings: urgent }); // WSJF (1 + 3 + 3) / 2
  }

  it('a draft weighting business value lists both epics swapping places, with scores before and after; nothing is stored', async () => {
    await onlyTheseScores();
    const draft = structuredClone((await loadLiveConfig(local.deps)).config);
    const model = draft.scoring.models.find((candidate) => candidate.id === 'wsjf');
    const value = model?.criteria.find((criterion) => criterion.id === 'business-value');
    if (!value) throw new Error('no business value criterion');
    value.weight = 10;
    // The viewer's permission answers are cached (`viewer:`); nothing else may be written.
    const stored = async () =>
      Object.entries(await dumpStore(local.deps.store)).filter(([key]) => !key.startsWith('viewer:'));
    const before = await stored();
    const result = await dryRunSettings(local.deps, pmo, draft);
    expect(result.ranking).toMatchObject({ modelBefore: 'WSJF', modelAfter: 'WSJF', compared: 2, moved: 2 });
    expect(result.ranking?.changes).toEqual([
      {
        issueKey: teamEpic,
        summary: expect.any(String),
        rankBefore: 2,
        rankAfter: 1,
        scoreBefore: expect.closeTo(10 / 3, 8),
        scoreAfter: expect.closeTo(82 / 3, 8),
      },
      expect.objectContaining({ issueKey: otherEpic, rankBefore: 1, rankAfter: 2 }),
    ]);
    expect(await stored()).toEqual(before);
  });

  it('switching scoring off empties the ranking; a draft without scoring change moves nothing', async () => {
    const live = (await loadLiveConfig(local.deps)).config;
    const off = structuredClone(live);
    off.scoring.enabled = false;
    expect((await dryRunSettings(local.deps, pmo, off)).ranking).toMatchObject({
      modelAfter: null,
      moved: 2,
      changes: [expect.objectContaining({ rankAfter: null }), expect.objectContaining({ rankAfter: null })],
    });
    expect((await dryRunSettings(local.deps, pmo, structuredClone(live))).ranking).toMatchObject({
      moved: 0,
    });
  });
});

describe('score reads of the Prioritise view', () => {
  it('read one summary per candidate, however many scorers; scores saved before summaries existed are summarised once', async () => {
    await saveIssueScore(local.deps, team, { issueKey: teamEpic, ratings: fullRating });
    await saveIssueScore(local.deps, admin, { issueKey: teamEpic, ratings: fullRating });
    const issueId = sim.dataset.issues.find((issue) => issue.key === teamEpic)?.id.toString() ?? '';
    const summary = (await local.deps.store.get(`score-sum:${issueId}`)) as {
      records: { accountId: string }[];
    };
    expect(summary.records.map((record) => record.accountId).sort()).toEqual(['sim-admin', 'sim-team']);

    // A score stored before summaries existed: no summary, and the once-per-site index not yet set.
    const legacy = await local.deps.store.get(`score:${issueId}:sim-team`);
    await local.deps.store.delete(`score-sum:${issueId}`);
    await local.deps.store.delete('score-sum-index:v1');
    expect(legacy).toBeDefined();
    const queried: string[] = [];
    const query = local.deps.store.query.bind(local.deps.store);
    const spy = jest.spyOn(local.deps.store, 'query').mockImplementation((prefix, options) => {
      queried.push(prefix);
      return query(prefix, options);
    });
    try {
      const first = await getPrioritisation(local.deps, pmo);
      expect(first).toMatchObject({ status: 'ready' });
      if (first.status !== 'ready') return;
      expect(first.candidates.find((c) => c.issueKey === teamEpic)?.scorerCount).toBe(2);
      expect(queried).toContain('score:');
      queried.length = 0;
      // From then on a view reads summaries only, never every scorer's record.
      await getPrioritisation(local.deps, pmo);
      expect(queried).toContain('score-sum:');
      expect(queried).not.toContain('score:');
    } finally {
      spy.mockRestore();
    }
  });
});
