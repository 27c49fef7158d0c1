import { JiraClient, JiraError } from './client';
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
