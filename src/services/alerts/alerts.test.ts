import { wireSimulator } from '../../../dev/host/wiring';
import { createJiraSim, type JiraSim } from '../../../dev/jira-sim';
import type { LocalApp } from '../../../dev/local/local-app';
import { dataAs, invokeAs, portfolioReportAs } from '../../../test/support/local-resolvers';
import { publishConfig } from '../../../test/support/published-config';
import type { InboxAnswer } from '../../contracts/alerts';
import type { Subscriptions } from '../../domain/alerts/subscriptions';
import { editedConfig } from '../../domain/config/test-data';
import { readBlob } from '../../storage/blob';
import { MemoryStore } from '../../storage/memory-store';
import { loadLiveConfig } from '../settings/live-config';
import { snapshotKeys } from '../snapshots/keys';
import { CurrentSnapshotSchema, type SnapshotData, SnapshotDataSchema } from '../snapshots/records';
import { startRefresh } from '../snapshots/start-refresh';
import { sendDailyDigests, sendWeeklyDigests } from './digests';
import { evaluateAlerts } from './evaluate-alerts';
import { readGateBlocks } from './gate-blocks';

// Each test reads a simulated site over HTTP, several times.
jest.setTimeout(90_000);

let sim: JiraSim;
let local: LocalApp;
/** A project the team member browses (the first three) and one they do not. */
let teamProject = '';
let hiddenProject = '';
let trackingIssue = '';

async function snapshotOf(): Promise<SnapshotData> {
  const keys = snapshotKeys('all');
  const pointer = CurrentSnapshotSchema.parse(await local.deps.store.get(keys.current));
  const data = await readBlob(local.deps.store, keys.snapshot(pointer.seq), SnapshotDataSchema);
  if (!data) throw new Error('no snapshot');
  return data;
}

async function refresh(): Promise<void> {
  await startRefresh(local.deps, local.deps.queue, 'all', 'user');
  await local.drainJobs();
}

/** Every open issue of the project overdue since last week: its schedule indicator goes red. */
function makeOverdue(projectKey: string): void {
  const lastWeek = new Date(sim.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  for (const issue of sim.dataset.issues) {
    if (issue.key.startsWith(`${projectKey}-`) && issue.securityLevelId === null) {
      sim.mutate.editIssue(issue.key, { duedate: lastWeek });
    }
  }
}

const subscribeAll = (emailDigest: boolean): Subscriptions => ({
  subscriptions: [
    {
      portfolioId: 'all',
      projectKey: null,
      events: ['turnedRed', 'thresholdCrossed', 'newHighRisk', 'gateBlocked'],
    },
  ],
  emailDigest,
  weeklyDigest: true,
});

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => {});
  sim = await createJiraSim({ port: 0, seed: 42, projects: 6, issuesPerProject: 40 });
  local = wireSimulator(sim.url, { store: new MemoryStore() }).localApp;
  trackingIssue =
    sim.dataset.issues.find((issue) => issue.projectIdx === 0 && issue.securityLevelId === null)?.key ?? '';
  // Lenient thresholds, so that only the overdue work the tests make turns a project red.
  const config = editedConfig((draft) => {
    Object.assign(draft.engine.health, {
      schedule: { amber: 60, red: 80 },
      blocked: { amber: 100, red: 100 },
      dateConflicts: { amber: 1000, red: 1000 },
      staleness: { amber: 100, red: 100 },
      compliance: { amber: 0, red: 0 },
    });
    draft.engine.riskMatrix = { high: 25, medium: 25 };
    for (const standard of draft.standards) if (standard.id === 'epic-gates') standard.mode = 'enforce';
    draft.notifications = {
      trackingIssues: [{ target: { kind: 'portfolio', portfolioId: 'all' }, issueKey: trackingIssue }],
    };
  });
  await publishConfig(local.deps.store, config, {
    comment: 'enforce the gates, e-mail on the tracking issue',
  });
  for (const user of ['sim-pmo', 'sim-team'])
    await dataAs(local, user, 'saveAlertSubscriptions', subscribeAll(true));
  await refresh();
  const report = await portfolioReportAs(local, 'sim-admin');
  const notRed = (index: number) => {
    const key = sim.dataset.projects[index]?.key ?? '';
    return report.projects.find((project) => project.key === key)?.health.rag !== 'red' ? key : '';
  };
  teamProject = [0, 1, 2].map(notRed).find((key) => key !== '') ?? '';
  hiddenProject = [5, 4, 3].map(notRed).find((key) => key !== '') ?? '';
  if (!teamProject || !hiddenProject) throw new Error('the seeded site has no project to turn red');
});

afterAll(async () => {
  jest.restoreAllMocks();
  await sim.close();
});

describe('alerts after a refresh', () => {
  it('alerts nothing on the first evaluation, then each subscriber about the projects turning red that they browse', async () => {
    const first = await dataAs(local, 'sim-pmo', 'listAlerts', {});
    expect(first.alerts.filter((alert) => alert.kind === 'turnedRed')).toEqual([]);

    makeOverdue(teamProject);
    makeOverdue(hiddenProject);
    await refresh();

    const pmo = await dataAs(local, 'sim-pmo', 'listAlerts', { portfolioId: 'all' });
    const redFor = (inbox: InboxAnswer) =>
      inbox.alerts
        .filter((alert) => alert.kind === 'turnedRed')
        .map((alert) => alert.projectKey)
        .sort();
    expect(redFor(pmo)).toEqual([teamProject, hiddenProject].sort());
    expect(
      pmo.alerts.find((alert) => alert.projectKey === teamProject && alert.kind === 'turnedRed')?.text,
    ).toMatch(new RegExp(`^${teamProject} \\(.+\\) turned red: .*past due`));
    expect(pmo.unread).toBe(pmo.alerts.length);

    // The team member browses only the first three projects: the other never shows, not even counted.
    const team = await dataAs(local, 'sim-team', 'listAlerts', {});
    expect(redFor(team)).toEqual([teamProject]);
    expect(JSON.stringify(team)).not.toContain(`${hiddenProject}-`);
    expect(team.alerts.every((alert) => alert.projectKey !== hiddenProject)).toBe(true);
    expect(team.unread).toBe(team.alerts.length);

    // Someone who subscribed to nothing has no alerts.
    expect((await dataAs(local, 'sim-admin', 'listAlerts', {})).total).toBe(0);
  });

  it('does not alert twice when the same run is evaluated again, or a project stays red', async () => {
    const before = await dataAs(local, 'sim-pmo', 'listAlerts', {});
    const current = await snapshotOf();
    const again = await evaluateAlerts(local.deps, current, await loadLiveConfig(local.deps));
    expect(again.alerts).toBe(0);
    await refresh();
    const after = await dataAs(local, 'sim-pmo', 'listAlerts', {});
    expect(after.total).toBe(before.total);
  });

  it('marks one alert read, then all, for the caller only', async () => {
    const inbox = await dataAs(local, 'sim-pmo', 'listAlerts', {});
    const [first] = inbox.alerts;
    if (!first) throw new Error('no alert');
    await dataAs(local, 'sim-pmo', 'markAlertsRead', { ids: [first.id] });
    expect((await dataAs(local, 'sim-pmo', 'listAlerts', {})).unread).toBe(inbox.unread - 1);
    // An alert only the PMO lead has (a project the team member does not browse) is not theirs to mark.
    const theirs = inbox.alerts.find((alert) => alert.projectKey === hiddenProject);
    if (!theirs) throw new Error('no alert about the hidden project');
    const foreign = await invokeAs(local, 'sim-team', 'markAlertsRead', { ids: [theirs.id] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await dataAs(local, 'sim-pmo', 'markAlertsRead', { all: true });
    expect((await dataAs(local, 'sim-pmo', 'listAlerts', {})).unread).toBe(0);
    expect((await dataAs(local, 'sim-team', 'listAlerts', {})).unread).toBeGreaterThan(0);
  });

  it('records a transition the validator refused and alerts it after the next refresh', async () => {
    const epic = sim.dataset.issues.find(
      (issue) => issue.projectIdx === 0 && issue.typeId === '10000' && issue.securityLevelId === null,
    );
    if (!epic) throw new Error('no epic in the first project');
    const toDo = sim.dataset.statuses.find((status) => status.name === 'To Do')?.id ?? '';
    sim.mutate.editIssue(epic.key, { statusId: toDo });
    const from = toDo;
    const transitions = (await (
      await fetch(`${sim.url}/rest/api/3/issue/${epic.key}/transitions`, {
        headers: {
          authorization: `Basic ${Buffer.from('ada.admin@pmo-sim.example:sim-token-admin').toString('base64')}`,
        },
      })
    ).json()) as { transitions: { to: { id: string; name: string } }[] };
    const target = transitions.transitions.find((transition) => transition.to.name === 'In Progress');
    if (!target || !from) throw new Error('no transition to In Progress');
    const answer = await local.app.validator({
      issue: { id: String(epic.id), key: epic.key },
      transition: { from: { id: from }, to: { id: target.to.id } },
      atlassianId: 'sim-team',
    });
    expect(answer.result).toBe(false);
    const blocks = await readGateBlocks(
      local.deps,
      '2000-01-01',
      new Date(Date.now() + 60_000).toISOString(),
    );
    expect(blocks).toEqual([
      expect.objectContaining({
        issueKey: epic.key,
        projectKey: epic.key.split('-')[0],
        by: 'sim-team',
        toStatus: 'In Progress',
      }),
    ]);
    await refresh();
    const team = await dataAs(local, 'sim-team', 'listAlerts', {});
    expect(team.alerts.find((alert) => alert.kind === 'gateBlocked')).toMatchObject({
      issueKey: epic.key,
      url: `/browse/${epic.key}`,
    });
    // "What changed since" lists it too (#15).
    const since = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const changes = await dataAs(local, 'sim-team', 'getPortfolioChanges', {
      portfolioId: 'all',
      since,
    });
    expect(changes.gatesBlocked).toEqual([
      expect.objectContaining({ key: epic.key, toStatus: 'In Progress', standards: [expect.any(String)] }),
    ]);
  });
});

describe('e-mail digests through Jira', () => {
  it('sends each opted-in subscriber one daily digest on the tracking issue, naming only what they browse, retrying 429s', async () => {
    sim.setFaults({
      failNext: [
        {
          status: 429,
          count: 2,
          pathPrefix: `/rest/api/3/issue/${trackingIssue}/notify`,
          retryAfterSeconds: 0,
        },
      ],
    });
    const before = sim.outbox().length;
    const outcome = await sendDailyDigests(local.deps);
    sim.resetFaults();
    expect(outcome).toEqual({ sent: 2, failed: 0 });
    const mails = sim.outbox().slice(before);
    const to = (accountId: string) => mails.find((mail) => mail.toAccountIds.includes(accountId));
    expect(mails.every((mail) => mail.issueKey === trackingIssue && mail.sentBy === 'sim-app')).toBe(true);
    expect(to('sim-pmo')?.textBody).toContain(`${hiddenProject} (`);
    expect(to('sim-pmo')?.textBody).toContain(`${teamProject} (`);
    expect(to('sim-team')?.textBody).toContain(`${teamProject} (`);
    expect(to('sim-team')?.textBody).not.toContain(hiddenProject);
    expect(to('sim-team')?.subject).toMatch(/^PMO Portfolio: \d+ alerts? on \d{4}-\d\d-\d\d$/);
    // Sent alerts leave the queue: a second run the same day sends nothing.
    expect(await sendDailyDigests(local.deps)).toEqual({ sent: 0, failed: 0 });

    const status = await dataAs(local, 'sim-admin', 'getNotificationStatus', {});
    expect(
      status.sends
        .filter((send) => send.status === 'sent')
        .map((send) => send.recipient)
        .sort(),
    ).toEqual(['Pat PMO Lead', 'Tom Team']);
    expect(await invokeAs(local, 'sim-pmo', 'getNotificationStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('records a notify that keeps failing for the admin and keeps the alerts for the next day', async () => {
    makeOverdue(sim.dataset.projects[1]?.key ?? '');
    await refresh();
    sim.setFaults({
      failNext: [{ status: 503, count: 50, pathPrefix: `/rest/api/3/issue/${trackingIssue}/notify` }],
    });
    const failing = await sendDailyDigests(local.deps);
    sim.resetFaults();
    expect(failing.failed).toBeGreaterThan(0);
    const status = await dataAs(local, 'sim-admin', 'getNotificationStatus', {});
    expect(status.failures).toBeGreaterThan(0);
    expect(status.sends[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('503') });
    expect((await sendDailyDigests(local.deps)).sent).toBe(failing.failed);
  });

  it('sends the weekly PMO digest with the red projects and why, each recipient seeing only theirs', async () => {
    const before = sim.outbox().length;
    await sendWeeklyDigests(local.deps);
    const mails = sim.outbox().slice(before);
    const team = mails.find((mail) => mail.toAccountIds.includes('sim-team'));
    const pmo = mails.find((mail) => mail.toAccountIds.includes('sim-pmo'));
    expect(pmo?.subject).toMatch(/^PMO weekly digest: All projects, week ending/);
    expect(pmo?.textBody).toContain('Red projects and why');
    expect(pmo?.textBody).toContain(`${hiddenProject} (`);
    expect(team?.textBody).toContain(`${teamProject} (`);
    expect(team?.textBody).not.toContain(hiddenProject);
  });
});
