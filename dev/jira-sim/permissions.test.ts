import type { JiraSim } from './index';
import { arr, call, obj, searchAll, startSim } from './test/helpers';

describe('permissions per user', () => {
  let sim: JiraSim;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim.close());

  const projectKeys = async (as: 'admin' | 'pmo' | 'team' | 'outsider' | 'app') => {
    const res = await call(sim, as, 'GET', '/rest/api/3/project/search?maxResults=100');
    return arr(obj(res.json).values).map((p) => String(obj(p).key));
  };
  const visibleCount = async (as: 'admin' | 'pmo' | 'team' | 'outsider' | 'app') =>
    (await searchAll(sim, as, { jql: 'created <= now()', maxResults: 5000 })).issues.length;

  it('the outsider sees no projects and no issues', async () => {
    expect(await projectKeys('outsider')).toEqual([]);
    expect(await visibleCount('outsider')).toBe(0);
    const types = await call(sim, 'outsider', 'GET', '/rest/api/3/issuetype');
    expect(types.json).toEqual([]);
    const key = sim.dataset.issues[0]?.key;
    expect((await call(sim, 'outsider', 'GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
    const jql = await call(sim, 'outsider', 'POST', '/rest/api/3/search/jql', {
      jql: `project = ${sim.dataset.projects[0]?.key}`,
    });
    expect(jql.status).toBe(400);
    expect(obj(jql.json).errorMessages).toEqual([
      `The value '${sim.dataset.projects[0]?.key}' does not exist for the field 'project'.`,
    ]);
  });

  it('the team member browses and edits only the first three projects', async () => {
    const first3 = sim.dataset.projects.slice(0, 3).map((p) => p.key);
    expect((await projectKeys('team')).sort()).toEqual([...first3].sort());
    const editable = await call(sim, 'team', 'GET', '/rest/api/3/project/search?action=edit');
    expect(arr(obj(editable.json).values)).toHaveLength(3);
    const permitted = await call(sim, 'team', 'POST', '/rest/api/3/permissions/project', {
      permissions: ['EDIT_ISSUES'],
    });
    expect(arr(obj(permitted.json).projects).map((p) => obj(p).key)).toEqual(first3);
    const teamIssues = sim.dataset.issues.filter((i) => i.projectIdx < 3 && i.securityLevelId === null);
    expect(await visibleCount('team')).toBe(teamIssues.length);

    const own = teamIssues[0]?.key;
    expect(
      (await call(sim, 'team', 'PUT', `/rest/api/3/issue/${own}`, { fields: { labels: ['team-edit'] } }))
        .status,
    ).toBe(204);
    const foreign = sim.dataset.issues.find((i) => i.projectIdx === 4)?.key;
    expect(
      (await call(sim, 'team', 'PUT', `/rest/api/3/issue/${foreign}`, { fields: { labels: ['x'] } })).status,
    ).toBe(404);
  });

  it('restricted issues are hidden from the PMO lead and the team, shown to the admin and the app', async () => {
    const restricted = sim.dataset.issues.filter((i) => i.securityLevelId !== null);
    expect(restricted.length).toBeGreaterThan(0);
    const total = sim.dataset.issues.length;
    expect(await visibleCount('admin')).toBe(total);
    expect(await visibleCount('app')).toBe(total);
    expect(await visibleCount('pmo')).toBe(total - restricted.length);
    const key = restricted[0]?.key;
    expect((await call(sim, 'pmo', 'GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
    const admin = await call(sim, 'admin', 'GET', `/rest/api/3/issue/${key}?fields=security`);
    expect(obj(obj(admin.json).fields).security).toMatchObject({ name: expect.any(String) });
    const bulk = await call(sim, 'pmo', 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: [key],
      fields: ['summary'],
    });
    expect(obj(bulk.json).issues).toEqual([]);
    expect(obj(bulk.json).issueErrors).toEqual([
      { id: key, errorMessage: expect.stringMatching(/does not exist/) },
    ]);
  });

  it('links to issues the user cannot see are left out', async () => {
    const link = sim.dataset.links.find((l) => {
      const to = sim.dataset.issues[l.to - 10000];
      const from = sim.dataset.issues[l.from - 10000];
      return to?.securityLevelId !== null && from?.securityLevelId === null;
    });
    if (!link) return; // no such link in this dataset
    const from = sim.dataset.issues[link.from - 10000];
    const linked = async (as: 'admin' | 'pmo') => {
      const res = await call(sim, as, 'GET', `/rest/api/3/issue/${from?.key}?fields=issuelinks`);
      return arr(obj(obj(res.json).fields).issuelinks).map(
        (l) => obj(obj(l).outwardIssue ?? obj(l).inwardIssue).id,
      );
    };
    expect(await linked('admin')).toContain(String(link.to));
    expect(await linked('pmo')).not.toContain(String(link.to));
  });

  it('the PMO lead browses everything but cannot edit, transition or set properties', async () => {
    expect(await projectKeys('pmo')).toHaveLength(sim.dataset.projects.length);
    const key = sim.dataset.issues.find((i) => i.securityLevelId === null)?.key;
    expect(
      (await call(sim, 'pmo', 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'x' } })).status,
    ).toBe(403);
    const transitions = await call(sim, 'pmo', 'GET', `/rest/api/3/issue/${key}/transitions`);
    expect(obj(transitions.json).transitions).toEqual([]);
    expect(
      (await call(sim, 'pmo', 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } }))
        .status,
    ).toBe(403);
    expect((await call(sim, 'pmo', 'PUT', `/rest/api/3/issue/${key}/properties/p`, { a: 1 })).status).toBe(
      403,
    );
  });

  it('mypermissions answers per user and context', async () => {
    const perms = async (as: 'admin' | 'pmo' | 'team' | 'outsider' | 'app', query = '') => {
      const res = await call(
        sim,
        as,
        'GET',
        `/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS,EDIT_ISSUES,TRANSITION_ISSUES${query}`,
      );
      expect(res.status).toBe(200);
      const p = obj(obj(res.json).permissions);
      return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, obj(v).havePermission]));
    };
    expect(await perms('admin')).toEqual({
      ADMINISTER: true,
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      TRANSITION_ISSUES: true,
    });
    expect(await perms('pmo')).toEqual({
      ADMINISTER: false,
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: false,
      TRANSITION_ISSUES: false,
    });
    expect(await perms('outsider')).toEqual({
      ADMINISTER: false,
      BROWSE_PROJECTS: false,
      EDIT_ISSUES: false,
      TRANSITION_ISSUES: false,
    });
    expect(await perms('app')).toMatchObject({ ADMINISTER: false, BROWSE_PROJECTS: true });
    const teamKey = sim.dataset.projects[0]?.key;
    expect(await perms('team', `&projectKey=${teamKey}`)).toMatchObject({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
    });
    const restricted = sim.dataset.issues.find((i) => i.securityLevelId !== null && i.projectIdx < 3);
    if (restricted) {
      const res = await call(
        sim,
        'team',
        'GET',
        `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=${restricted.key}`,
      );
      expect(res.status).toBe(404);
    }
    const missing = await call(sim, 'admin', 'GET', '/rest/api/3/mypermissions');
    expect(missing.status).toBe(400);
  });

  it('the outsider has no permitted projects', async () => {
    const res = await call(sim, 'outsider', 'POST', '/rest/api/3/permissions/project', {
      permissions: ['BROWSE_PROJECTS'],
    });
    expect(obj(res.json).projects).toEqual([]);
  });
});
