/**
 * The quota-aware client against the Jira simulator over HTTP: the points the client counts are the
 * points the site charges, a spent quota becomes QuotaExhaustedError with the site's reset time,
 * long key lists reach /project/search in chunks Jira accepts, and reconcileIssues gets past the
 * search lag.
 */
import { basicAuthHeader, createJiraSim, type JiraSim, simUser } from '../../dev/jira-sim';
import { JiraClient, QuotaExhaustedError } from './client';
import { createHttpTransport } from './http-client';

let sim: JiraSim;

beforeEach(async () => {
  sim = await createJiraSim({
    port: 0,
    seed: 7,
    projects: 6,
    issuesPerProject: 40,
    now: new Date('2026-03-02T10:00:00.000Z'),
    frozenClock: true,
  });
});
afterEach(() => sim.close());

function appClient(): JiraClient {
  return new JiraClient(
    createHttpTransport({ baseUrl: sim.url, authorization: basicAuthHeader(simUser('app')) }),
    { retry: { maxAttempts: 2, baseDelayMs: 1 } },
  );
}

describe('JiraClient against the simulator', () => {
  it('counts the same points the site charges and reads the quota the site reports', async () => {
    const client = appClient();
    const project = sim.dataset.projects[1]?.key ?? '';
    let issues = 0;
    for await (const page of client.searchAll({
      jql: `project = ${project}`,
      fields: ['summary'],
      maxResults: 15,
    })) {
      issues += page.length;
    }
    expect(issues).toBe(40);
    await client.bulkFetch([sim.dataset.issues[0]?.key ?? '', 'NOPE-1'], ['summary']);
    await client.searchProjects();
    await client.myself();
    await expect(client.approximateCount('nonsense = 1')).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const site = sim.stats();
    expect(site.points).toBeGreaterThan(40);
    expect(client.meter.points).toBe(site.points);
    expect(client.meter.quota).toMatchObject({ limit: 10_000_000, remaining: sim.quota().remaining });
  });

  it('a spent quota ends the call with QuotaExhaustedError at the site reset time, and the next window serves again', async () => {
    sim.advanceClock(45 * 60_000); // 10:45: the window resets in 15 minutes
    sim.setFaults({ quotaPointsPerHour: 30 });
    const client = appClient();
    const project = sim.dataset.projects[0]?.key ?? '';
    const before = Date.now();
    const read = async () => {
      for await (const _page of client.searchAll({
        jql: `project = ${project}`,
        fields: [],
        maxResults: 30,
      })) {
        // pages of 16 points: the second crosses the quota of 30, the third is refused
      }
    };
    const failure = await read().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QuotaExhaustedError);
    const retryAt = (failure as QuotaExhaustedError).retryAt;
    expect(retryAt - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(client.meter.quota).toMatchObject({ limit: 30, remaining: 0, reason: 'jira-quota-tenant-based' });
    expect(sim.stats().rateLimited).toEqual({ 'jira-quota-tenant-based': 1 });

    sim.advanceClock(15 * 60_000);
    await expect(client.myself()).resolves.toMatchObject({ accountId: 'sim-app' });
    expect(client.meter.quota).toMatchObject({ limit: 30, remaining: 29 });
  });

  it('finds projects by a list of keys longer than /project/search takes at once', async () => {
    const real = sim.dataset.projects.map((p) => p.key);
    const keys = [...Array.from({ length: 57 }, (_, n) => `NOPE${n}`), ...real];
    const projects = await appClient().searchProjects({ keys });
    expect(projects.map((p) => p.key)).toEqual([...real].sort());
    expect(sim.stats().byStatus).toEqual({ '200': 2 });
  });

  it('reads a just-edited issue through the search lag when it names it in reconcileIssues', async () => {
    sim.setFaults({ searchLagMs: 30_000 });
    const issue = sim.dataset.issues.find((i) => i.securityLevelId === null);
    if (!issue) throw new Error('no open issue');
    const edit = await fetch(`${sim.url}/rest/api/3/issue/${issue.key}`, {
      method: 'PUT',
      headers: { authorization: basicAuthHeader(simUser('app')), 'content-type': 'application/json' },
      body: JSON.stringify({ update: { labels: [{ add: 'just-edited' }] } }),
    });
    expect(edit.status).toBe(204);
    const client = appClient();
    const search = (reconcileIssues?: number[]) =>
      client.searchPage({
        jql: 'labels = just-edited',
        fields: ['labels'],
        ...(reconcileIssues ? { reconcileIssues } : {}),
      });
    expect((await search()).issues).toEqual([]);
    expect((await search([issue.id])).issues.map((i) => i.key)).toEqual([issue.key]);
  });
});

describe('bulkFetchChangelogs', () => {
  it('reads every page of the changes the site keeps, named by issue id, and counts the points charged', async () => {
    const client = appClient();
    const issue = sim.dataset.issues.find((i) => i.securityLevelId === null && i.resolved !== null);
    const other = sim.dataset.issues.find((i) => i.securityLevelId === null && i.resolved === null);
    if (!issue || !other) throw new Error('no issues');
    sim.mutate.editIssue(other.key, { duedate: '2026-05-01' });
    sim.resetStats();
    const changes = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.bulkFetchChangelogs(
        [issue.key, other.key],
        ['status', 'resolution', 'duedate', 'issuelinks'],
        token,
      );
      changes.push(...page.changes);
      token = page.nextPageToken ?? undefined;
      pages++;
    } while (token);
    expect(pages).toBe(1);
    const mine = changes.filter((change) => change.issueId === String(issue.id));
    expect(mine.filter((change) => change.field === 'resolution').at(-1)).toMatchObject({
      at: issue.resolved,
      to: issue.resolutionId,
    });
    expect(mine.filter((change) => change.field === 'status').at(-1)?.to).toBe(issue.statusId);
    expect(changes.filter((change) => change.issueId === String(other.id)).at(-1)).toMatchObject({
      field: 'duedate',
      to: '2026-05-01',
    });
    for (const link of changes.filter((change) => change.field === 'link'))
      expect(link.to ?? link.from).toMatch(/^This issue .+ [A-Z0-9]+-\d+$/);
    expect(client.meter.points).toBe(sim.stats().points);
  });
});
