import { XSS_PAYLOADS } from './generator';
import { basicAuthHeader, createJiraSim, type JiraSim, SIM_USERS, simUser } from './index';
import { arr, call, obj, startSim, TEST_NOW } from './test/helpers';

describe('simulator server', () => {
  let sim: JiraSim;
  beforeEach(async () => {
    sim = await startSim();
  });
  afterEach(() => sim.close());

  const openIssue = () => {
    const i = sim.dataset.issues.find(
      (x) => x.securityLevelId === null && x.statusId === '10000' && x.projectIdx === 0,
    );
    if (!i) throw new Error('no open issue');
    return i;
  };

  it('exports the fixed users and Basic auth headers', () => {
    expect(SIM_USERS.map((u) => [u.accountId, u.displayName, u.role])).toEqual([
      ['sim-admin', 'Ada Admin', 'admin'],
      ['sim-pmo', 'Pat PMO Lead', 'pmo'],
      ['sim-team', 'Tom Team', 'team'],
      ['sim-outsider', 'Olive Outsider', 'outsider'],
      ['sim-app', 'PMO Portfolio (app)', 'app'],
    ]);
    expect(basicAuthHeader(simUser('pmo'))).toBe(
      `Basic ${Buffer.from('pat.pmo@pmo-sim.example:sim-token-pmo').toString('base64')}`,
    );
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.users).toBe(SIM_USERS);
  });

  it('answers 401 without or with wrong credentials, 404 for unknown routes, 405 and 415', async () => {
    expect((await call(sim, 'anonymous', 'GET', '/rest/api/3/field')).status).toBe(401);
    const wrong = await call(sim, { authorization: 'Basic Zm9vOmJhcg==' }, 'GET', '/rest/api/3/field');
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ errorMessages: [expect.stringMatching(/not authenticated/)], errors: {} });
    const app = await call(sim, 'app', 'GET', '/rest/api/3/myself');
    expect(obj(app.json)).toMatchObject({
      accountId: 'sim-app',
      accountType: 'app',
      displayName: 'PMO Portfolio (app)',
    });
    const missing = await call(sim, 'admin', 'GET', '/rest/api/3/nothing');
    expect(missing.status).toBe(404);
    expect(obj(missing.json).errors).toEqual({});
    expect((await call(sim, 'admin', 'DELETE', '/rest/api/3/field')).status).toBe(405);
    const text = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', 'jql=x', {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    const badJson = await call(sim, 'admin', 'POST', '/rest/api/3/search/jql', '{"jql":');
    expect(badJson.status).toBe(400);
  });

  it('edits issue fields with Jira validation and bumps updated', async () => {
    const issue = openIssue();
    const before = issue.updated;
    // What is written reads back the same, except that an option also gains its id.
    const sameWhenRead = {
      summary: 'New summary',
      duedate: '2026-05-01',
      priority: { name: 'High' },
      assignee: { accountId: 'sim-team' },
      customfield_10016: 8,
      customfield_10015: '2026-03-10',
    };
    const res = await call(sim, 'team', 'PUT', `/rest/api/3/issue/${issue.key}`, {
      fields: { ...sameWhenRead, customfield_10304: { value: 'Owned' } },
      update: { labels: [{ add: 'added' }] },
    });
    expect(res.status).toBe(204);
    const got = obj((await call(sim, 'team', 'GET', `/rest/api/3/issue/${issue.key}`)).json);
    const f = obj(got.fields);
    expect(f).toMatchObject({ ...sameWhenRead, customfield_10304: { value: 'Owned', id: '10401' } });
    expect(arr(f.labels)).toContain('added');
    expect(issue.updated).toBeGreaterThan(before);

    const bad = await call(sim, 'team', 'PUT', `/rest/api/3/issue/${issue.key}`, {
      fields: { duedate: '31/12/2026', status: { name: 'Done' }, customfield_10016: 'lots', nope: 1 },
    });
    expect(bad.status).toBe(400);
    expect(obj(bad.json).errors).toEqual({
      duedate: 'Error parsing date string: 31/12/2026',
      status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
      customfield_10016: 'Operation value must be a number',
      nope: "Field 'nope' cannot be set. It is not on the appropriate screen, or unknown.",
    });
    // Nothing was applied from the failed edit.
    expect(issue.duedate).toBe('2026-05-01');
  });

  it('transitions to any status; done sets resolution and resolution date, reopening clears them', async () => {
    const issue = openIssue();
    const list = obj((await call(sim, 'admin', 'GET', `/rest/api/3/issue/${issue.key}/transitions`)).json);
    const transitions = arr(list.transitions).map(obj);
    expect(transitions).toHaveLength(sim.dataset.statuses.length - 1);
    const done = transitions.find((t) => obj(t.to).name === 'Done');
    const res = await call(sim, 'admin', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, {
      transition: { id: done?.id },
      fields: { resolution: { name: "Won't Do" } },
    });
    expect(res.status).toBe(204);
    let f = obj(
      obj(
        (
          await call(
            sim,
            'admin',
            'GET',
            `/rest/api/3/issue/${issue.key}?fields=status,resolution,resolutiondate,updated`,
          )
        ).json,
      ).fields,
    );
    expect(obj(f.status).name).toBe('Done');
    expect(obj(f.resolution).name).toBe("Won't Do");
    expect(typeof f.resolutiondate).toBe('string');
    expect(Date.parse(String(f.updated).replace('+0000', 'Z'))).toBeGreaterThanOrEqual(TEST_NOW.getTime());

    const reopen = transitions.find((t) => obj(t.to).name === 'In Progress');
    expect(
      (
        await call(sim, 'admin', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, {
          transition: { id: reopen?.id },
        })
      ).status,
    ).toBe(204);
    f = obj(
      obj(
        (
          await call(
            sim,
            'admin',
            'GET',
            `/rest/api/3/issue/${issue.key}?fields=status,resolution,resolutiondate`,
          )
        ).json,
      ).fields,
    );
    expect(f).toMatchObject({ resolution: null, resolutiondate: null, status: { name: 'In Progress' } });

    const count = await call(sim, 'admin', 'POST', '/rest/api/3/search/approximate-count', {
      jql: `key = ${issue.key} AND status = "In Progress"`,
    });
    expect(obj(count.json).count).toBe(1);

    const log = await call(sim, 'admin', 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: [issue.key],
      fieldIds: ['status'],
    });
    const histories = arr(obj(arr(obj(log.json).issueChangeLogs)[0]).changeHistories).map(obj);
    expect(histories.map((h) => arr(h.items).map((i) => obj(i).toString))).toEqual([
      ['Done'],
      ['In Progress'],
    ]);
  });

  it('stores issue properties (32 KB limit) and finds them with JQL', async () => {
    const issue = openIssue();
    const url = `/rest/api/3/issue/${issue.key}/properties/pmoCompliance`;
    expect((await call(sim, 'app', 'PUT', url, { failing: true, rules: ['due'] })).status).toBe(201);
    expect((await call(sim, 'app', 'PUT', url, { failing: true, rules: ['due', 'owner'] })).status).toBe(200);
    expect(obj((await call(sim, 'pmo', 'GET', url)).json)).toEqual({
      key: 'pmoCompliance',
      value: { failing: true, rules: ['due', 'owner'] },
    });
    const keys = obj((await call(sim, 'pmo', 'GET', `/rest/api/3/issue/${issue.key}/properties`)).json);
    expect(arr(keys.keys).map((k) => obj(k).key)).toEqual(['pmoCompliance']);

    const found = await call(sim, 'pmo', 'POST', '/rest/api/3/search/jql', {
      jql: 'issue.property[pmoCompliance].failing = true',
      fields: ['summary'],
      properties: ['pmoCompliance'],
    });
    const issues = arr(obj(found.json).issues).map(obj);
    expect(issues.map((i) => i.key)).toEqual([issue.key]);
    expect(obj(issues[0]?.properties).pmoCompliance).toEqual({ failing: true, rules: ['due', 'owner'] });

    const big = await call(sim, 'app', 'PUT', `/rest/api/3/issue/${issue.key}/properties/big`, {
      s: 'x'.repeat(32_761),
    });
    expect(big.status).toBe(400);
    const fits = await call(sim, 'app', 'PUT', `/rest/api/3/issue/${issue.key}/properties/big`, {
      s: 'x'.repeat(32_700),
    });
    expect(fits.status).toBe(201);

    expect((await call(sim, 'app', 'DELETE', url)).status).toBe(204);
    expect((await call(sim, 'app', 'GET', url)).status).toBe(404);
    const none = await call(sim, 'pmo', 'POST', '/rest/api/3/search/approximate-count', {
      jql: 'issue.property[pmoCompliance].failing = true',
    });
    expect(obj(none.json).count).toBe(0);
  });

  it('returns XSS payloads in summaries verbatim (as data)', async () => {
    const xss = sim.dataset.issues.find(
      (i) => XSS_PAYLOADS.some((p) => i.summary.includes(p)) && i.securityLevelId === null,
    );
    if (!xss) throw new Error('no XSS summary');
    const res = await call(sim, 'pmo', 'GET', `/rest/api/3/issue/${xss.key}?fields=summary`);
    expect(obj(obj(res.json).fields).summary).toBe(xss.summary);
  });

  it('serves the control info endpoint and SVG icons', async () => {
    const info = obj(await (await fetch(`${sim.url}/__sim/info`)).json());
    expect(info).toMatchObject({ seed: 7, projects: 6, issuesPerProject: 40, planted: sim.dataset.planted });
    const icon = await fetch(`${sim.url}/secure/useravatar?size=small&accountId=sim-pmo`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('>PP<');
  });

  it('uses the default site size and seed when asked for nothing', async () => {
    const dflt = await createJiraSim({ now: TEST_NOW });
    try {
      expect(dflt.dataset.seed).toBe(42);
      expect(dflt.dataset.projects).toHaveLength(12);
      expect(dflt.dataset.issues).toHaveLength(12 * 120);
    } finally {
      await dflt.close();
    }
  });
});
