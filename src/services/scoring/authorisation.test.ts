import { wireSimulator } from '../../../dev/host/wiring';
import { basicAuthHeader, createJiraSim, type JiraSim, simUser } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import {
  gateEpicsAtInception,
  publishSettings,
  refusal,
  wsjfEpicConfig,
} from '../../../test/support/scoring-settings';
import { dumpStore } from '../../../test/support/store-dump';
import type { IssueAuthorisation } from '../../contracts/authorisation';
import { authorisationContract } from '../../contracts/authorisation';
import type { PmoConfig } from '../../domain/config/schema';
import { DecisionRecordSchema, latestDecisions } from '../../domain/scoring/decision';
import type { Actor } from '../deps';
import { recordIssueChange } from '../record-issue-change';
import { setChecklistItem } from '../standards/set-checklist-item';
import { decideCandidate } from './decide-candidate';
import { readIssueDecisions } from './decision-store';
import { getAuthorisationLog } from './get-authorisation-log';
import { getIssueAuthorisation } from './get-issue-authorisation';
import { saveIssueScore } from './save-issue-score';

const SITE = 'ari:cloud:jira::site/authorisation';
const as = (accountId: string): Actor => ({ accountId, installation: SITE });
const admin = as('sim-admin');
const pmo = as('sim-pmo');
const team = as('sim-team');

let sim: JiraSim;
let local: LocalApp;
/** Epics of projects the team member browses, each put in Backlog (Inception) by a test. */
let epics: string[];
const fullRating = { 'business-value': 4, 'time-criticality': 3, 'risk-reduction': 2, 'job-size': 3 };
const GATE_ITEMS = ['scored', 'sponsor-named', 'outcome-described'];

async function publish(change: (config: PmoConfig) => void = () => {}) {
  const config = gateEpicsAtInception(wsjfEpicConfig());
  config.access.pmoGroupName = 'pmo-office';
  change(config);
  await publishSettings(local.deps, admin, config);
}

async function moveTo(issueKey: string, status: string) {
  const jira = local.deps.jira.asUser('sim-admin');
  const transition = (await jira.transitions(issueKey)).find((t) => t.to.name === status);
  if (transition) await jira.transitionIssue(issueKey, transition.id);
}

async function statusOf(issueKey: string): Promise<string> {
  const issue = await local.deps.jira.asApp().getIssue(issueKey, ['status']);
  return (issue.fields.status as { name: string }).name;
}

async function tickGate(issueKey: string, items = GATE_ITEMS) {
  for (const itemId of items)
    await setChecklistItem(local.deps, admin, { issueKey, ruleId: 'planning-gate', itemId, ticked: true });
}

function candidate(answer: IssueAuthorisation) {
  if (answer.status !== 'candidate') throw new Error(`expected a candidate, got ${answer.status}`);
  return answer;
}

const decide = (actor: Actor, issueKey: string, outcome: 'approved' | 'deferred' | 'rejected', reason = '') =>
  decideCandidate(local.deps, actor, {
    issueKey,
    outcome,
    reason,
    requestId: `req-${issueKey}-${outcome}-${Math.random().toString(36).slice(2, 10)}`,
  });

beforeAll(async () => {
  sim = await createJiraSim({ port: 0, seed: 5, projects: 5, issuesPerProject: 14 });
  local = wireSimulator(sim.url).localApp;
  epics = sim.dataset.issues
    .filter((issue) => issue.projectIdx < 3 && issue.securityLevelId === null && issue.typeId === '10000')
    .map((issue) => issue.key);
  if (epics.length < 5) throw new Error('the seeded data has too few team epics');
  await publish();
}, 60_000);
afterAll(() => sim.close());

describe('the decision record', () => {
  it('refuses a defer or reject without a reason, cleans control characters and caps the length', () => {
    const input = authorisationContract.decideCandidate.input;
    const parsed = input.parse({
      issueKey: 'ATLAS-1',
      outcome: 'deferred',
      reason: '  <b>Later</b>\u202E\u0007 ',
      requestId: 'abcdefgh',
    });
    expect(parsed.reason).toBe('<b>Later</b>');
    expect(
      input.safeParse({
        issueKey: 'ATLAS-1',
        outcome: 'rejected',
        reason: 'x'.repeat(1001),
        requestId: 'abcdefgh',
      }).success,
    ).toBe(false);
    expect(
      input.safeParse({ issueKey: 'ATLAS-1', outcome: 'rejected', reason: 'No', requestId: 'bad id!' })
        .success,
    ).toBe(false);
  });

  it('nobody can decide while scoring is off, and nothing is stored', async () => {
    await publish((config) => {
      config.scoring.enabled = false;
    });
    const before = await dumpStore(local.deps.store);
    expect((await refusal(decide(admin, epics[0] as string, 'rejected', 'Off'))).code).toBe('FORBIDDEN');
    expect(await dumpStore(local.deps.store)).toEqual(before);
    await publish();
  });

  it('keeps the newest decision per candidate', () => {
    const base = DecisionRecordSchema.parse({
      format: 1,
      id: 'p-1',
      issueId: '1',
      issueKey: 'A-1',
      summary: 'S',
      projectKey: 'A',
      outcome: 'deferred',
      source: 'panel',
      reason: 'Later',
      by: 'u',
      at: '2026-01-01T00:00:00.000Z',
      score: null,
      rank: null,
      move: null,
    });
    const later = { ...base, id: 'p-2', outcome: 'approved' as const, at: '2026-02-01T00:00:00.000Z' };
    expect(latestDecisions([base, later]).get('1')?.outcome).toBe('approved');
  });
});

describe('authorising a candidate in the issue panel', () => {
  it('approving through the gate moves the candidate into Planning as the user and records the decision with its score', async () => {
    const epic = epics[0] as string;
    await moveTo(epic, 'Backlog');
    await saveIssueScore(local.deps, admin, { issueKey: epic, ratings: fullRating });
    await tickGate(epic);
    const before = candidate(await getIssueAuthorisation(local.deps, admin, epic));
    expect(before).toMatchObject({
      inInception: true,
      canDecide: true,
      gateGaps: [],
      planningStatus: 'To Do',
    });

    const answer = candidate(await decide(admin, epic, 'approved', 'Strong case'));
    expect(await statusOf(epic)).toBe('To Do');
    expect(answer.inInception).toBe(false);
    expect(answer.decisions).toHaveLength(1);
    expect(answer.decisions[0]).toMatchObject({
      outcome: 'approved',
      source: 'panel',
      reason: 'Strong case',
      by: 'sim-admin',
      move: { from: 'Backlog', to: 'To Do' },
      score: { value: expect.closeTo(10 / 3, 6), complete: true, model: { id: 'wsjf' } },
      rank: expect.any(Number),
    });
    // Jira shows who decided: the comment is the user's, in ADF.
    const response = await fetch(`${sim.url}/rest/api/3/issue/${epic}/comment`, {
      headers: { authorization: basicAuthHeader(simUser('admin')) },
    });
    const { comments } = (await response.json()) as {
      comments: { author: { accountId: string }; body: unknown }[];
    };
    expect(comments.at(-1)).toMatchObject({ author: { accountId: 'sim-admin' } });
    expect(JSON.stringify(comments.at(-1)?.body)).toContain('Strong case');
  });

  it('a gate with unticked items blocks the approval: nothing is stored and the issue is not moved', async () => {
    const epic = epics[1] as string;
    await moveTo(epic, 'Backlog');
    await tickGate(epic, ['scored']);
    const view = candidate(await getIssueAuthorisation(local.deps, admin, epic));
    expect(view.gateGaps.flatMap((gap) => gap.items)).toEqual([
      'Sponsor named',
      'Outcome and benefits described',
    ]);
    const before = await dumpStore(local.deps.store);
    const blocked = await refusal(decide(admin, epic, 'approved'));
    expect(blocked).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Sponsor named/) });
    expect(await dumpStore(local.deps.store)).toEqual(before);
    expect(await statusOf(epic)).toBe('Backlog');
  });

  it('someone who is not an authoriser is refused with a typed error and nothing is stored', async () => {
    const epic = epics[2] as string;
    await moveTo(epic, 'Backlog');
    const view = candidate(await getIssueAuthorisation(local.deps, team, epic));
    expect(view).toMatchObject({ canDecide: false, notAllowedReason: expect.stringMatching(/the PMO/) });
    const before = await dumpStore(local.deps.store);
    const refused = await refusal(decide(team, epic, 'rejected', 'Not mine to keep'));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await dumpStore(local.deps.store)).toEqual(before);
  });

  it('defer and reject record only (the issue stays in Inception); a reason is required', async () => {
    const epic = epics[2] as string;
    expect((await refusal(decide(pmo, epic, 'deferred', ''))).code).toBe('BAD_REQUEST');
    await decide(pmo, epic, 'deferred', 'Revisit next quarter');
    const answer = candidate(await decide(pmo, epic, 'rejected', 'Superseded by a platform epic'));
    expect(await statusOf(epic)).toBe('Backlog');
    expect(answer.decisions.map((d) => d.outcome)).toEqual(['rejected', 'deferred']);
    expect(answer.decisions[0]).toMatchObject({ by: 'sim-pmo', move: null, byName: expect.any(String) });
  });

  it('the same request twice (a double click, a retry) records once', async () => {
    const epic = epics[3] as string;
    await moveTo(epic, 'Backlog');
    const input = {
      issueKey: epic,
      outcome: 'deferred' as const,
      reason: 'Budget freeze',
      requestId: 'same-request-1',
    };
    const [first, second] = await Promise.all([
      decideCandidate(local.deps, pmo, input),
      decideCandidate(local.deps, pmo, input),
    ]);
    expect(candidate(first).decisions).toHaveLength(1);
    expect(candidate(second).decisions).toHaveLength(1);
    await decideCandidate(local.deps, pmo, input);
    const issueId = String(sim.dataset.issues.find((i) => i.key === epic)?.id);
    expect(await readIssueDecisions(local.deps, issueId)).toHaveLength(1);
  });

  it('the authorisers are a setting: a named group decides, the PMO no longer does', async () => {
    const epic = epics[3] as string;
    await publish((config) => {
      config.scoring.authorisers = { kind: 'group', group: 'jira-software-users' };
    });
    expect(candidate(await getIssueAuthorisation(local.deps, team, epic)).canDecide).toBe(true);
    await publish();
  });
});

describe('a candidate moved into Planning in Jira directly', () => {
  const event = (issueKey: string, issueId: string, changelogId: string) => ({
    eventType: 'avi:jira:updated:issue',
    atlassianId: 'sim-team',
    issue: { id: issueId, key: issueKey, fields: {} },
    changelog: {
      id: changelogId,
      items: [{ field: 'status', fromString: 'Backlog', toString: 'To Do', from: '1', to: '2' }],
    },
  });

  it('is recorded as approved (moved in Jira) with the score of that moment, once per changelog entry', async () => {
    const epic = epics[4] as string;
    const issueId = String(sim.dataset.issues.find((i) => i.key === epic)?.id);
    await saveIssueScore(local.deps, admin, { issueKey: epic, ratings: fullRating });
    await moveTo(epic, 'To Do');
    await recordIssueChange(local.deps, event(epic, issueId, '777001'));
    await recordIssueChange(local.deps, event(epic, issueId, '777001'));
    const decisions = await readIssueDecisions(local.deps, issueId);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      outcome: 'approved',
      source: 'jira',
      by: 'sim-team',
      move: { from: 'Backlog', to: 'To Do' },
      score: { complete: true },
    });
  });

  it('is not recorded again when the panel’s own approval made the move', async () => {
    const epic = epics[0] as string;
    const issueId = String(sim.dataset.issues.find((i) => i.key === epic)?.id);
    await recordIssueChange(local.deps, event(epic, issueId, '777002'));
    expect((await readIssueDecisions(local.deps, issueId)).map((d) => d.source)).toEqual(['panel']);
  });

  it('the log shows decisions of candidates the viewer may see, and none to an outsider', async () => {
    const log = await getAuthorisationLog(local.deps, team);
    expect(log.decisions.length).toBeGreaterThanOrEqual(4);
    expect((await getAuthorisationLog(local.deps, as('sim-outsider'))).decisions).toEqual([]);
  });
});
