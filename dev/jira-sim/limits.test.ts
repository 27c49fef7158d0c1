/**
 * Jira Cloud's 2026 limits in the simulator: the hourly points quota and its headers, per-endpoint
 * burst limits, per-issue write limits, the 50-key cap of /project/search and search lag with
 * `reconcileIssues`. The site clock stands still in these tests (frozenClock), so nothing depends on
 * real time; they move it with advanceClock.
 */
import { faultsFromEnv, type JiraSim, parseFaultPatch } from './index';
import { arr, call, obj, startSim, TEST_NOW } from './test/helpers';

const SEARCH = '/rest/api/3/search/jql';

/** `"tenant-app-quota";r=<remaining>;t=<seconds>` -> numbers. */
function remainingOf(header: string | null): { r: number; t: number } {
  const m = /^"tenant-app-quota";r=(\d+);t=(\d+)$/.exec(header ?? '');
  if (!m) throw new Error(`unexpected Beta-RateLimit header: ${header}`);
  return { r: Number(m[1]), t: Number(m[2]) };
}

function openIssue(sim: JiraSim, skip = 0) {
  const issue = sim.dataset.issues.filter((i) => i.securityLevelId === null)[skip];
  if (!issue) throw new Error('no unrestricted issue');
  return issue;
}

describe('points quota', () => {
  let sim: JiraSim;
  beforeEach(async () => {
    sim = await startSim({ faults: { quotaPointsPerHour: 1000 }, frozenClock: true });
  });
  afterEach(() => sim.close());

  it('charges 1 point per request plus 1 per issue or project returned, and says so in every answer', async () => {
    const myself = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect(myself.headers.get('beta-ratelimit-policy')).toBe('"tenant-app-quota";q=1000;w=3600');
    // TEST_NOW is 10:00:00 on the site clock: the whole hourly window lies ahead
    expect(remainingOf(myself.headers.get('beta-ratelimit'))).toEqual({ r: 999, t: 3600 });

    const project = sim.dataset.projects[0]?.key ?? '';
    const search = await call(sim, 'admin', 'POST', SEARCH, {
      jql: `project = ${project}`,
      fields: ['summary'],
      maxResults: 10,
    });
    expect(arr(obj(search.json).issues)).toHaveLength(10);
    expect(remainingOf(search.headers.get('beta-ratelimit')).r).toBe(999 - 11);

    const projects = await call(sim, 'admin', 'GET', '/rest/api/3/project/search?maxResults=3');
    expect(arr(obj(projects.json).values)).toHaveLength(3);
    expect(remainingOf(projects.headers.get('beta-ratelimit')).r).toBe(988 - 4);

    const bulk = await call(sim, 'admin', 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: [openIssue(sim).key, openIssue(sim, 1).key, 'NOPE-1'],
      fields: ['summary'],
    });
    expect(arr(obj(bulk.json).issues)).toHaveLength(2);
    expect(remainingOf(bulk.headers.get('beta-ratelimit')).r).toBe(984 - 3);

    const write = await call(sim, 'admin', 'PUT', `/rest/api/3/issue/${openIssue(sim).key}`, {
      fields: { labels: ['costed'] },
    });
    expect(write.status).toBe(204);
    expect(remainingOf(write.headers.get('beta-ratelimit')).r).toBe(981 - 1);

    const bad = await call(sim, 'admin', 'POST', SEARCH, { jql: 'project = = x' });
    expect(bad.status).toBe(400);
    expect(remainingOf(bad.headers.get('beta-ratelimit')).r).toBe(980 - 1);

    expect(sim.stats()).toMatchObject({
      points: 21,
      pointsByRoute: {
        'GET /rest/api/3/myself': 1,
        'POST /rest/api/3/search/jql': 12,
        'GET /rest/api/3/project/search': 4,
        'POST /rest/api/3/issue/bulkfetch': 3,
        'PUT /rest/api/3/issue/{issueIdOrKey}': 1,
      },
    });
    expect(sim.quota()).toMatchObject({ limit: 1000, spent: 21, remaining: 979, resetInSeconds: 3600 });
  });

  it('answers 429 jira-quota-tenant-based once spent, uncharged, until the next window of the site clock', async () => {
    sim.setFaults({ quotaPointsPerHour: 30 });
    sim.advanceClock(20 * 60_000); // 10:20: 40 minutes left in the window
    const project = sim.dataset.projects[0]?.key ?? '';
    // the request that crosses the quota is still served
    const big = await call(sim, 'admin', 'POST', SEARCH, { jql: `project = ${project}`, maxResults: 40 });
    expect(big.status).toBe(200);
    expect(remainingOf(big.headers.get('beta-ratelimit'))).toEqual({ r: 0, t: 2400 });
    expect(big.headers.get('x-beta-ratelimit-nearlimit')).toBe('true');

    const refused = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect(refused.headers.get('retry-after')).toBe('2400');
    const resetIn = Date.parse(refused.headers.get('x-ratelimit-reset') ?? '') - Date.now();
    expect(resetIn).toBeGreaterThan(2_390_000);
    expect(resetIn).toBeLessThanOrEqual(2_400_000);
    expect(remainingOf(refused.headers.get('beta-ratelimit')).r).toBe(0);
    expect(obj(refused.json).errorMessages).toEqual([expect.stringMatching(/quota of 30 points/)]);
    expect(sim.stats()).toMatchObject({ points: 41, rateLimited: { 'jira-quota-tenant-based': 1 } });

    // the control API moves the clock into the next window: a full quota again
    const clock = await fetch(`${sim.url}/__sim/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 2400 * 1000 }),
    });
    expect(await clock.json()).toEqual({ now: '2026-03-02T11:00:00.000Z', frozen: true });
    const served = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect(served.status).toBe(200);
    expect(remainingOf(served.headers.get('beta-ratelimit'))).toEqual({ r: 29, t: 3600 });
    const quota = await (await fetch(`${sim.url}/__sim/quota`)).json();
    expect(quota).toMatchObject({ limit: 30, spent: 1, remaining: 29, resetAt: '2026-03-02T12:00:00.000Z' });
  });

  it('a fault reset refills the quota; control endpoints are never charged or refused', async () => {
    sim.setFaults({ quotaPointsPerHour: 1 });
    await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect((await call(sim, 'admin', 'GET', '/rest/api/3/myself')).status).toBe(429);
    expect((await fetch(`${sim.url}/__sim/info`)).status).toBe(200);
    const reset = await fetch(`${sim.url}/__sim/faults/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const after = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect(after.status).toBe(200);
    expect(after.headers.get('beta-ratelimit-policy')).toBe('"tenant-app-quota";q=10000000;w=3600');
  });

  it('an injected 429 can name the quota as its reason', async () => {
    sim.setFaults({
      failNext: [{ status: 429, count: 1, retryAfterSeconds: 1800, reason: 'jira-quota-tenant-based' }],
    });
    const res = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect(res.status).toBe(429);
    expect(res.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect(res.headers.get('retry-after')).toBe('1800');
    expect(sim.stats()).toMatchObject({ points: 0, rateLimited: { 'jira-quota-tenant-based': 1 } });
  });
});

describe('burst and per-issue write limits', () => {
  let sim: JiraSim;
  beforeEach(async () => {
    sim = await startSim({ frozenClock: true });
  });
  afterEach(() => sim.close());

  it('limits requests per second per endpoint, with per-endpoint overrides', async () => {
    sim.setFaults({ burstPerSecond: 3, burstPerSecondByRoute: { 'GET /rest/api/3/myself': 2 } });
    expect((await call(sim, 'admin', 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect((await call(sim, 'pmo', 'GET', '/rest/api/3/myself')).status).toBe(200);
    const refused = await call(sim, 'admin', 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('beta-ratelimit')).toMatch(/^"tenant-app-quota";r=\d+;t=\d+$/);
    // another endpoint has its own budget (the default of 3)
    for (let n = 0; n < 3; n++)
      expect((await call(sim, 'admin', 'GET', '/rest/api/3/status')).status).toBe(200);
    expect((await call(sim, 'admin', 'GET', '/rest/api/3/status')).status).toBe(429);
    sim.advanceClock(1000);
    expect((await call(sim, 'admin', 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(sim.stats().rateLimited).toEqual({ 'jira-burst-based': 2 });
  });

  it('limits writes per issue, whether the issue is named by key or id; reads and other issues pass', async () => {
    sim.setFaults({ perIssueWrites: 2, perIssueWriteWindowSeconds: 10 });
    const issue = openIssue(sim);
    const edit = (ref: string | number) =>
      call(sim, 'admin', 'PUT', `/rest/api/3/issue/${ref}`, { fields: { labels: ['w'] } });
    expect((await edit(issue.key)).status).toBe(204);
    expect(
      (await call(sim, 'admin', 'PUT', `/rest/api/3/issue/${issue.id}/properties/pmo`, { a: 1 })).status,
    ).toBe(201);
    const refused = await edit(issue.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
    expect(refused.headers.get('retry-after')).toBe('10');
    expect((await call(sim, 'admin', 'GET', `/rest/api/3/issue/${issue.key}`)).status).toBe(200);
    expect((await edit(openIssue(sim, 1).key)).status).toBe(204);
    sim.advanceClock(10_000);
    expect((await edit(issue.id)).status).toBe(204);
  });
});

describe('/project/search keys', () => {
  let sim: JiraSim;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim.close());

  it('takes up to 50 keys and refuses more with a Jira-style 400', async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `keys=K${i}`).join('&');
    const fifty = await call(sim, 'admin', 'GET', `/rest/api/3/project/search?${keys(50)}`);
    expect(fifty.status).toBe(200);
    const more = await call(sim, 'admin', 'GET', `/rest/api/3/project/search?${keys(51)}`);
    expect(more.status).toBe(400);
    expect(obj(more.json)).toEqual({
      errorMessages: ["The 'keys' parameter accepts up to 50 project keys; 51 were given."],
      errors: {},
    });
  });
});

describe('search lag', () => {
  let sim: JiraSim;
  beforeEach(async () => {
    sim = await startSim({ faults: { searchLagMs: 60_000 }, frozenClock: true });
  });
  afterEach(() => sim.close());

  const labelled = async (body: Record<string, unknown> = {}) => {
    const res = await call(sim, 'admin', 'POST', SEARCH, {
      jql: 'labels = lagged',
      fields: ['labels'],
      ...body,
    });
    expect(res.status).toBe(200);
    return arr(obj(res.json).issues).map((i) => obj(i).key);
  };

  it('an edit shows in search/jql only after the lag, unless reconcileIssues names the issue', async () => {
    const issue = openIssue(sim);
    const edit = await call(sim, 'admin', 'PUT', `/rest/api/3/issue/${issue.key}`, {
      update: { labels: [{ add: 'lagged' }] },
    });
    expect(edit.status).toBe(204);

    expect(await labelled()).toEqual([]);
    const count = await call(sim, 'admin', 'POST', '/rest/api/3/search/approximate-count', {
      jql: 'labels = lagged',
    });
    expect(obj(count.json).count).toBe(0);
    // reads by key are current at once
    const direct = await call(sim, 'admin', 'GET', `/rest/api/3/issue/${issue.key}?fields=labels`);
    expect(obj(obj(direct.json).fields).labels).toContain('lagged');

    expect(await labelled({ reconcileIssues: [issue.id] })).toEqual([issue.key]);
    const viaGet = await call(
      sim,
      'admin',
      'GET',
      `${SEARCH}?jql=${encodeURIComponent('labels = lagged')}&reconcileIssues=${issue.id}`,
    );
    expect(arr(obj(viaGet.json).issues).map((i) => obj(i).key)).toEqual([issue.key]);

    sim.advanceClock(59_999);
    expect(await labelled()).toEqual([]);
    sim.advanceClock(1);
    expect(await labelled()).toEqual([issue.key]);
  });

  it('search returns the issue as the index has it: the old status after a transition', async () => {
    const issue = openIssue(sim);
    const statusOf = async (reconcile: number[]) => {
      const res = await call(sim, 'admin', 'POST', SEARCH, {
        jql: `key = ${issue.key}`,
        fields: ['status'],
        reconcileIssues: reconcile,
      });
      return String(obj(obj(obj(arr(obj(res.json).issues)[0]).fields).status).id);
    };
    const before = issue.statusId;
    const transitionId = before === '10001' ? '11' : '61';
    const moved = await call(sim, 'admin', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, {
      transition: { id: transitionId },
    });
    expect(moved.status).toBe(204);
    expect(issue.statusId).not.toBe(before);
    expect(await statusOf([])).toBe(before);
    expect(await statusOf([issue.id])).toBe(issue.statusId);
    sim.advanceClock(60_000);
    expect(await statusOf([])).toBe(issue.statusId);
  });

  it('refuses more than 50 reconcileIssues and ids that are not integers', async () => {
    const many = Array.from({ length: 51 }, (_, i) => 10_000 + i);
    const res = await call(sim, 'admin', 'POST', SEARCH, { jql: 'labels = x', reconcileIssues: many });
    expect(res.status).toBe(400);
    expect(obj(res.json).errorMessages).toEqual([expect.stringMatching(/at most 50 issue ids/)]);
    const strings = await call(sim, 'admin', 'POST', SEARCH, { jql: 'labels = x', reconcileIssues: ['A-1'] });
    expect(strings.status).toBe(400);
    const query = await call(sim, 'admin', 'GET', `${SEARCH}?jql=labels%3Dx&reconcileIssues=abc`);
    expect(query.status).toBe(400);
  });

  it('with no lag configured an edit is searchable at once', async () => {
    sim.setFaults({ searchLagMs: 0 });
    const issue = openIssue(sim);
    await call(sim, 'admin', 'PUT', `/rest/api/3/issue/${issue.key}`, {
      update: { labels: [{ add: 'lagged' }] },
    });
    expect(await labelled()).toEqual([issue.key]);
  });
});

describe('limit settings', () => {
  it('come from SIM_* environment variables and are validated', () => {
    expect(
      faultsFromEnv({
        SIM_QUOTA_POINTS_PER_HOUR: '65000',
        SIM_BURST_PER_SECOND: '10',
        SIM_BURST_PER_ROUTE: '{"POST /rest/api/3/search/jql": 4}',
        SIM_PER_ISSUE_WRITES: '5',
        SIM_PER_ISSUE_WRITE_WINDOW_SECONDS: '2',
        SIM_SEARCH_LAG_MS: '1500',
      }),
    ).toEqual({
      quotaPointsPerHour: 65000,
      burstPerSecond: 10,
      burstPerSecondByRoute: { 'POST /rest/api/3/search/jql': 4 },
      perIssueWrites: 5,
      perIssueWriteWindowSeconds: 2,
      searchLagMs: 1500,
    });
    expect(() => faultsFromEnv({ SIM_BURST_PER_ROUTE: '{nope' })).toThrow(/SIM_BURST_PER_ROUTE/);
    expect(() => faultsFromEnv({ SIM_BURST_PER_ROUTE: '{"myself": 2}' })).toThrow(/burstPerSecondByRoute/);
    expect(() => faultsFromEnv({ SIM_QUOTA_POINTS_PER_HOUR: '-1' })).toThrow(/quotaPointsPerHour/);
    expect(() => parseFaultPatch({ failNext: [{ status: 429, count: 1, reason: 'jira-mood' }] })).toThrow(
      /reason/,
    );
  });

  it('the clock control refuses a bad body and can restart a frozen clock', async () => {
    const sim = await startSim();
    try {
      const put = (body: unknown) =>
        fetch(`${sim.url}/__sim/clock`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await put({ advanceMs: -5 })).status).toBe(400);
      expect((await put({ jump: 1 })).status).toBe(400);
      expect(await (await put({ frozen: true })).json()).toMatchObject({ frozen: true });
      const frozenAt = sim.now();
      expect(frozenAt).toBeGreaterThanOrEqual(TEST_NOW.getTime());
      sim.freezeClock(); // already frozen: stays where it is
      expect(sim.now()).toBe(frozenAt);
      const restarted = await (await put({ frozen: false, advanceMs: 1000 })).json();
      expect(restarted.frozen).toBe(false);
      expect(sim.now()).toBeGreaterThanOrEqual(frozenAt + 1000);
    } finally {
      await sim.close();
    }
  });
});
