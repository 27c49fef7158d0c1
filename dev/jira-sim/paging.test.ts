import type { JiraSim } from './index';
import { arr, call, obj, searchAll, startSim } from './test/helpers';

describe('search paging', () => {
  let sim: JiraSim;
  beforeAll(async () => {
    sim = await startSim({ projects: 8, issuesPerProject: 150 });
  });
  afterAll(() => sim.close());

  const allJql = 'created <= now() ORDER BY key';

  it('following nextPageToken returns every visible issue exactly once', async () => {
    const { issues, pages } = await searchAll(sim, 'admin', {
      jql: allJql,
      fields: ['summary'],
      maxResults: 100,
    });
    expect(pages).toBe(12);
    const keys = issues.map((i) => String(i.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(sim.dataset.issues.map((i) => i.key).sort());
  });

  it('pages are capped at 100 with fields and at 5000 for id/key only; default is 50', async () => {
    const withFields = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', {
      jql: allJql,
      fields: ['status'],
      maxResults: 1000,
    });
    expect(arr(obj(withFields.json).issues)).toHaveLength(100);
    const idOnly = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', {
      jql: allJql,
      fields: ['id', 'key'],
      maxResults: 10_000,
    });
    const page = obj(idOnly.json);
    expect(arr(page.issues)).toHaveLength(1200);
    expect(page.isLast).toBe(true);
    expect(page.nextPageToken).toBeUndefined();
    expect(page.total).toBeUndefined();
    const dflt = await call(sim, 'admin', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(allJql)}`);
    const first = obj(dflt.json);
    expect(arr(first.issues)).toHaveLength(50);
    expect(first.isLast).toBe(false);
    expect(typeof first.nextPageToken).toBe('string');
    // The default is ids only.
    expect(obj(arr(first.issues)[0]).fields).toBeUndefined();
  });

  it('GET and POST page the same way, and the issue order is stable', async () => {
    const get = await call(
      sim,
      'admin',
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent(allJql)}&maxResults=7&fields=summary`,
    );
    const token = String(obj(get.json).nextPageToken);
    const next = await call(
      sim,
      'admin',
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent(allJql)}&maxResults=7&fields=summary&nextPageToken=${token}`,
    );
    const post = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', {
      jql: allJql,
      maxResults: 14,
      fields: ['summary'],
    });
    const keys = (r: { json: unknown }) => arr(obj(r.json).issues).map((i) => obj(i).key);
    expect([...keys(get), ...keys(next)]).toEqual(keys(post));
  });

  it('the approximate count matches the number of issues found', async () => {
    const jql = 'statusCategory != Done AND issuetype in (Story, Bug)';
    const { issues } = await searchAll(sim, 'pmo', { jql, maxResults: 5000 });
    const count = await call(sim, 'pmo', 'POST', '/rest/api/3/search/approximate-count', { jql });
    expect(obj(count.json).count).toBe(issues.length);
    expect(issues.length).toBeGreaterThan(0);
  });

  it('rejects a token from another query, garbage tokens and unbounded queries', async () => {
    const first = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', { jql: allJql, maxResults: 5 });
    const token = String(obj(first.json).nextPageToken);
    const other = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', {
      jql: 'issuetype = Bug',
      nextPageToken: token,
    });
    expect(other.status).toBe(400);
    const garbage = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', {
      jql: allJql,
      nextPageToken: 'not-a-token',
    });
    expect(garbage.status).toBe(400);
    for (const jql of ['', 'ORDER BY key']) {
      const res = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', { jql });
      expect(res.status).toBe(400);
      expect(obj(res.json).errorMessages).toEqual([
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ]);
    }
  });

  it('the old /search endpoint answers 410 Gone', async () => {
    const res = await call(sim, 'admin', 'GET', '/rest/api/3/search?jql=project=ATLAS');
    expect(res.status).toBe(410);
    expect(String(arr(obj(res.json).errorMessages)[0])).toMatch(/search\/jql/);
  });

  it('project search pages with startAt/maxResults, nextPage and total', async () => {
    const seen: string[] = [];
    let startAt = 0;
    for (let n = 0; n < 10; n++) {
      const res = await call(sim, 'pmo', 'GET', `/rest/api/3/project/search?startAt=${startAt}&maxResults=3`);
      const page = obj(res.json);
      expect(page.total).toBe(8);
      for (const p of arr(page.values)) seen.push(String(obj(p).key));
      if (page.isLast === true) {
        expect(page.nextPage).toBeUndefined();
        break;
      }
      expect(String(page.nextPage)).toContain(`startAt=${startAt + 3}`);
      startAt += 3;
    }
    expect(seen).toEqual(sim.dataset.projects.map((p) => p.key).sort());
    const capped = await call(sim, 'pmo', 'GET', '/rest/api/3/project/search?maxResults=500');
    expect(obj(capped.json).maxResults).toBe(100);
  });

  it('pages stay consistent while the data is edited between pages (cache invalidation)', async () => {
    const jql = `project = ${sim.dataset.projects[0]?.key} ORDER BY key`;
    const first = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', { jql, maxResults: 10 });
    const key = String(obj(arr(obj(first.json).issues)[0]).key);
    const edit = await call(sim, 'admin', 'PUT', `/rest/api/3/issue/${key}`, {
      fields: { labels: ['paged'] },
    });
    expect(edit.status).toBe(204);
    const labelled = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', {
      jql: `${jql.replace(' ORDER BY key', '')} AND labels = paged`,
    });
    expect(arr(obj(labelled.json).issues).map((i) => obj(i).key)).toEqual([key]);
  });
});
