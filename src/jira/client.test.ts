import { JiraClient, JiraError, QuotaExhaustedError } from './client';
import type { RetryEnvironment } from './retry';
import type { JiraRequest, JiraResponse, JiraTransport } from './transport';

type Scripted = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };

/** A transport that answers from a script and records what it was asked. */
function scriptedTransport(script: Scripted[]): JiraTransport & { requests: JiraRequest[] } {
  const requests: JiraRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(request);
      const next = script.shift();
      if (!next) throw new Error(`unexpected request ${request.method} ${request.path}`);
      const response: JiraResponse = {
        status: next.status,
        header: (name) => next.headers?.[name.toLowerCase()] ?? null,
        text: next.text ?? (next.body === undefined ? '' : JSON.stringify(next.body)),
      };
      return response;
    },
  };
}

/** Virtual time: sleeps advance the clock instantly and are recorded. */
function virtualTime(startMs = Date.UTC(2026, 10, 28, 12)): RetryEnvironment & { sleeps: number[] } {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

const issue = (id: number) => ({ id: String(id), key: `ABC-${id}`, fields: { summary: `Issue ${id}` } });

describe('JiraClient', () => {
  it('reports Jira unreachable as UPSTREAM_ERROR that keeps the network failure as its cause', async () => {
    const network = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:443'), { code: 'ECONNREFUSED' });
    const transport: JiraTransport = { send: () => Promise.reject(network) };
    const client = new JiraClient(transport, { env: virtualTime() });
    const failure = await client.myself().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraError);
    expect(failure).toMatchObject({ code: 'UPSTREAM_ERROR', cause: network });
  });

  it('waits for Retry-After seconds on 429 and then succeeds', async () => {
    const transport = scriptedTransport([
      { status: 429, headers: { 'retry-after': '3' }, body: { errorMessages: ['Rate limit exceeded'] } },
      { status: 200, body: { accountId: 'u1', displayName: 'Ada' } },
    ]);
    const env = virtualTime();
    const client = new JiraClient(transport, { env });
    await expect(client.myself()).resolves.toMatchObject({ accountId: 'u1' });
    expect(env.sleeps).toHaveLength(1);
    expect(env.sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(env.sleeps[0]).toBeLessThan(3500);
    expect(client.meter.requests).toBe(2);
    expect(client.meter.retries).toBe(1);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const env = virtualTime();
    const inTenSeconds = new Date(env.now() + 10_000).toUTCString();
    const transport = scriptedTransport([
      { status: 429, headers: { 'retry-after': inTenSeconds } },
      { status: 200, body: { accountId: 'u1' } },
    ]);
    await new JiraClient(transport, { env }).myself();
    expect(env.sleeps[0]).toBeGreaterThanOrEqual(10_000);
    expect(env.sleeps[0]).toBeLessThan(10_500);
  });

  it('backs off exponentially on 5xx and gives up with a typed error after maxAttempts', async () => {
    const transport = scriptedTransport(
      Array.from({ length: 3 }, () => ({ status: 503, text: 'unavailable' })),
    );
    const env = virtualTime();
    const client = new JiraClient(transport, { env, retry: { maxAttempts: 3, baseDelayMs: 100 } });
    const failure = await client.myself().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraError);
    expect(failure).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503 });
    // full jitter with random() = 0.5: half of 100, then half of 200
    expect(env.sleeps).toEqual([50, 100]);
    expect(transport.requests).toHaveLength(3);
  });

  it('retries a 200 whose body is malformed JSON', async () => {
    const transport = scriptedTransport([
      { status: 200, text: '{"accountId": "u1", "displ' },
      { status: 200, body: { accountId: 'u1' } },
    ]);
    await expect(new JiraClient(transport, { env: virtualTime() }).myself()).resolves.toMatchObject({
      accountId: 'u1',
    });
    expect(transport.requests).toHaveLength(2);
  });

  it('does not retry a 400 and reports Jira’s error messages', async () => {
    const transport = scriptedTransport([
      { status: 400, body: { errorMessages: ["Field 'foo' does not exist."], errors: {} } },
    ]);
    const failure = await new JiraClient(transport, { env: virtualTime() })
      .approximateCount('foo = 1')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining("Field 'foo'") });
    expect(transport.requests).toHaveLength(1);
  });

  it('does not wait past the deadline', async () => {
    const env = virtualTime();
    const transport = scriptedTransport([{ status: 429, headers: { 'retry-after': '60' } }]);
    const client = new JiraClient(transport, { env, retry: { deadline: env.now() + 5_000 } });
    await expect(client.myself()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(env.sleeps).toEqual([]);
  });

  it('reports a response of the wrong shape as an upstream error naming the field', async () => {
    const transport = scriptedTransport([{ status: 200, body: { count: 'many' } }]);
    await expect(
      new JiraClient(transport, { env: virtualTime() }).approximateCount('project = A'),
    ).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: expect.stringContaining('count') });
  });

  it('follows nextPageToken until isLast and yields an issue seen twice only once', async () => {
    const transport = scriptedTransport([
      { status: 200, body: { issues: [issue(1), issue(2)], nextPageToken: 'p2', isLast: false } },
      { status: 200, body: { issues: [issue(2), issue(3)], nextPageToken: 'p3', isLast: false } },
      { status: 200, body: { issues: [issue(4)], isLast: true } },
    ]);
    const client = new JiraClient(transport, { env: virtualTime() });
    const keys: string[] = [];
    for await (const page of client.searchAll({ jql: 'project = ABC', fields: ['summary'] })) {
      keys.push(...page.map((found) => found.key));
    }
    expect(keys).toEqual(['ABC-1', 'ABC-2', 'ABC-3', 'ABC-4']);
    expect(
      transport.requests.map((request) => (request.body as { nextPageToken?: string }).nextPageToken),
    ).toEqual([undefined, 'p2', 'p3']);
  });

  it('reads the group names of the user from /myself?expand=groups', async () => {
    const transport = scriptedTransport([
      {
        status: 200,
        body: {
          accountId: 'u1',
          groups: {
            size: 2,
            items: [{ name: 'jira-software-users', groupId: null }, { name: 'pmo-office' }],
          },
        },
      },
    ]);
    const client = new JiraClient(transport, { env: virtualTime() });
    await expect(client.myGroups()).resolves.toEqual(['jira-software-users', 'pmo-office']);
    expect(transport.requests[0]).toMatchObject({ path: '/rest/api/3/myself', query: { expand: 'groups' } });
  });

  it('reads issue types and project categories, and refuses a wrong shape', async () => {
    const transport = scriptedTransport([
      { status: 200, body: [{ id: '1', name: 'Story', subtask: false, iconUrl: 'x' }] },
      { status: 200, body: [{ id: '10000', name: 'Digital', description: 'd', self: 'x' }] },
      { status: 200, body: [{ id: 1, name: 'Broken' }] },
    ]);
    const client = new JiraClient(transport, { env: virtualTime() });
    await expect(client.issueTypes()).resolves.toEqual([{ id: '1', name: 'Story', subtask: false }]);
    await expect(client.projectCategories()).resolves.toEqual([
      { id: '10000', name: 'Digital', description: 'd' },
    ]);
    await expect(client.projectCategories()).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(transport.requests.map((request) => request.path)).toEqual([
      '/rest/api/3/issuetype',
      '/rest/api/3/projectCategory',
      '/rest/api/3/projectCategory',
    ]);
  });
});

const QUOTA_HEADERS = (remaining: number, resetSeconds = 1800) => ({
  'beta-ratelimit-policy': '"tenant-app-quota";q=65000;w=3600',
  'beta-ratelimit': `"tenant-app-quota";r=${remaining};t=${resetSeconds}`,
});

const projectValue = (key: string, id: number) => ({
  id: String(id),
  key,
  name: `Project ${key}`,
  projectTypeKey: 'software',
});

describe('JiraClient and the points quota', () => {
  it('counts 1 point per answered request plus 1 per issue or project, and keeps the latest quota', async () => {
    const env = virtualTime();
    const transport = scriptedTransport([
      {
        status: 200,
        headers: QUOTA_HEADERS(5000),
        body: { issues: [issue(1), issue(2), issue(3)], isLast: true },
      },
      { status: 200, headers: QUOTA_HEADERS(4996), body: { issues: [issue(1)], issueErrors: [] } },
      { status: 429, headers: { 'retry-after': '1', 'ratelimit-reason': 'jira-burst-based' } },
      {
        status: 200,
        headers: QUOTA_HEADERS(4994),
        body: { values: [projectValue('ABC', 1), projectValue('DEF', 2)], isLast: true },
      },
      { status: 200, body: { accountId: 'u1' } },
    ]);
    const client = new JiraClient(transport, { env });
    await client.searchPage({ jql: 'project = ABC', fields: ['summary'] });
    expect(client.meter.points).toBe(4);
    expect(client.meter.quota).toEqual({ limit: 65000, remaining: 5000, resetAt: env.now() + 1_800_000 });
    await client.bulkFetch(['ABC-1'], ['summary']);
    await client.searchProjects();
    await client.myself(); // a single object costs only the request's point, and no headers keep the reading
    // 4 + 2 + (429 refused: 0) + 3 + 1
    expect(client.meter.points).toBe(10);
    expect(client.meter.quota?.remaining).toBe(4994);
    expect(client.meter.quotaBaseline?.remaining).toBe(5000);
    expect(client.meter.requests).toBe(5);
  });

  it('honours Retry-After on 503 and X-RateLimit-Reset on a 429 without Retry-After', async () => {
    const env = virtualTime();
    const transport = scriptedTransport([
      { status: 503, headers: { 'retry-after': '4' } },
      { status: 429, headers: { 'x-ratelimit-reset': new Date(env.now() + 4000 + 7000).toISOString() } },
      { status: 200, body: { accountId: 'u1' } },
    ]);
    const client = new JiraClient(transport, { env });
    await expect(client.myself()).resolves.toMatchObject({ accountId: 'u1' });
    // 4 s + jitter (random() = 0.5 -> 125 ms), then until the reset 7 s after that
    expect(env.sleeps).toEqual([4125, 6875 + 125]);
  });

  it('throws QuotaExhaustedError without sleeping when the quota is spent for longer than it may wait', async () => {
    const env = virtualTime();
    const transport = scriptedTransport([
      { status: 200, headers: QUOTA_HEADERS(3), body: { issues: [issue(1), issue(2)], isLast: true } },
      {
        status: 429,
        headers: {
          'beta-ratelimit': '"tenant-app-quota";r=0;t=2400',
          'ratelimit-reason': 'jira-quota-tenant-based',
          'retry-after': '2400',
          'x-ratelimit-reset': new Date(env.now() + 2_400_000).toISOString(),
        },
      },
    ]);
    const client = new JiraClient(transport, { env });
    await client.searchPage({ jql: 'project = ABC', fields: [] });
    const failure = await client.searchPage({ jql: 'project = ABC', fields: [] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QuotaExhaustedError);
    expect(failure).toBeInstanceOf(JiraError);
    expect(failure).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retryAt: env.now() + 2_400_000,
      details: { retryAt: env.now() + 2_400_000, path: '/rest/api/3/search/jql' },
    });
    expect(env.sleeps).toEqual([]);
    expect(transport.requests).toHaveLength(2);
    // Jira left out the policy header on the 429: the limit of this window is remembered
    expect(client.meter.quota).toEqual({
      limit: 65000,
      remaining: 0,
      resetAt: env.now() + 2_400_000,
      reason: 'jira-quota-tenant-based',
    });
    expect(client.meter.points).toBe(3);
  });

  it('waits out a quota window that resets within seconds, but not past the deadline', async () => {
    const env = virtualTime();
    const spent = { 'ratelimit-reason': 'jira-quota-tenant-based', 'retry-after': '5' };
    const transport = scriptedTransport([
      { status: 429, headers: spent },
      { status: 200, body: { accountId: 'u1' } },
      { status: 429, headers: spent },
    ]);
    const client = new JiraClient(transport, { env });
    await expect(client.myself()).resolves.toMatchObject({ accountId: 'u1' });
    expect(env.sleeps).toEqual([5125]);
    await expect(client.withDeadline(3000).myself()).rejects.toBeInstanceOf(QuotaExhaustedError);
    expect(env.sleeps).toHaveLength(1);
  });

  it('a quota 429 that tells no reset time defers by a whole window; a burst 429 keeps retrying', async () => {
    const env = virtualTime();
    const transport = scriptedTransport([
      { status: 429, headers: { 'ratelimit-reason': 'jira-quota-global-based' } },
      { status: 429, headers: { 'ratelimit-reason': 'jira-burst-based', 'retry-after': '2' } },
      { status: 200, body: { accountId: 'u1' } },
    ]);
    const client = new JiraClient(transport, { env });
    await expect(client.myself()).rejects.toMatchObject({ retryAt: env.now() + 3_600_000 });
    await expect(client.myself()).resolves.toMatchObject({ accountId: 'u1' });
    expect(env.sleeps).toEqual([2125]);
  });

  it('a quota 429 on the last attempt is a QuotaExhaustedError, not a plain rate-limit failure', async () => {
    const env = virtualTime();
    const transport = scriptedTransport([
      { status: 429, headers: { 'ratelimit-reason': 'jira-quota-tenant-based', 'retry-after': '1' } },
    ]);
    const client = new JiraClient(transport, { env, retry: { maxAttempts: 1 } });
    await expect(client.myself()).rejects.toBeInstanceOf(QuotaExhaustedError);
  });

  it('sends reconcileIssues in the search body, and refuses more than Jira takes before asking', async () => {
    const transport = scriptedTransport([{ status: 200, body: { issues: [], isLast: true } }]);
    const client = new JiraClient(transport, { env: virtualTime() });
    await client.searchPage({ jql: 'project = ABC', fields: ['updated'], reconcileIssues: [10001, 10002] });
    expect(transport.requests[0]?.body).toMatchObject({ reconcileIssues: [10001, 10002] });
    const many = Array.from({ length: 51 }, (_, n) => n + 1);
    await expect(
      client.searchPage({ jql: 'project = ABC', fields: [], reconcileIssues: many }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(transport.requests).toHaveLength(1);
  });

  it('asks /project/search for at most 50 keys at a time and merges the answers in key order', async () => {
    const keys = Array.from({ length: 120 }, (_, n) => `P${String(n).padStart(3, '0')}`);
    const answer = (chunk: string[]) => ({
      status: 200,
      body: { values: chunk.slice(0, 2).map((key) => projectValue(key, Number(key.slice(1)))), isLast: true },
    });
    // Jira answers each chunk in key order; the last chunk holds the smallest keys here
    const reversed = [...keys].reverse();
    const transport = scriptedTransport([
      answer(reversed.slice(0, 50).reverse()),
      answer(reversed.slice(50, 100).reverse()),
      answer(reversed.slice(100).reverse()),
    ]);
    const client = new JiraClient(transport, { env: virtualTime() });
    const projects = await client.searchProjects({ keys: reversed });
    const keysOf = (request: JiraRequest) => (request.query?.keys ?? []) as string[];
    expect(transport.requests.map((r) => keysOf(r).length)).toEqual([50, 50, 20]);
    expect(new Set(transport.requests.flatMap(keysOf))).toEqual(new Set(keys));
    expect(projects.map((p) => p.key)).toEqual(['P000', 'P001', 'P020', 'P021', 'P070', 'P071']);
    expect(client.meter.points).toBe(3 + 6);
  });
});
