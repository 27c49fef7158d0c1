import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJiraSim } from '../jira-sim';
import { XSS_PAYLOADS } from '../jira-sim/generator';
import { basicAuthHeader, simUser, TEAM_PROJECT_COUNT } from '../jira-sim/users';
import { appContentSecurityPolicy, readManifestPermissions } from './csp';
import { ADMIN_MODULE, PORTFOLIO_MODULE } from './modules';
import { createHost, type Host } from './server';
import { wireSimulator, wireSite } from './wiring';

type Sim = Awaited<ReturnType<typeof createJiraSim>>;

let sim: Sim;
let host: Host;
let hostWithoutDist: Host;
let workDir: string;

const SECRET = 'TOP-SECRET-OUTSIDE-DIST';

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'pmo-host-'));
  const dist = path.join(workDir, 'dist');
  await mkdir(path.join(dist, 'portfolio', 'assets'), { recursive: true });
  await writeFile(
    path.join(dist, 'portfolio', 'index.html'),
    '<!doctype html><html><head><title>p</title><link rel="stylesheet" href="./assets/a.css"><script type="module" crossorigin src="./assets/a.js"></script></head><body><div id="root"></div></body></html>',
  );
  await writeFile(path.join(dist, 'portfolio', 'assets', 'a.js'), 'console.log("app")');
  await writeFile(path.join(dist, 'portfolio', 'assets', 'a.css'), 'body{}');
  await writeFile(path.join(dist, 'secret.txt'), SECRET);
  await writeFile(path.join(workDir, 'secret.txt'), SECRET);

  sim = await createJiraSim({ port: 0, seed: 7, projects: 6, issuesPerProject: 25 });
  const wiring = wireSimulator(sim.url);
  const common = {
    localApp: wiring.localApp,
    users: wiring.users,
    userCredentials: wiring.userCredentials,
    jiraBaseUrl: sim.url,
    mode: 'simulator' as const,
  };
  host = await createHost({ ...common, staticDir: dist });
  hostWithoutDist = await createHost({ ...common, staticDir: path.join(workDir, 'missing') });
}, 30_000);

afterAll(async () => {
  await Promise.all([host?.close(), hostWithoutDist?.close()]);
  await sim?.close();
  await rm(workDir, { recursive: true, force: true });
});

function invoke(key: string, body: unknown, headers: Record<string, string> = { 'x-account-id': 'sim-pmo' }) {
  return fetch(`${host.url}/__invoke/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A GET with the path sent byte for byte (fetch would normalise `..` away). */
function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface ProjectListBody {
  projects: { key: string; total: number | null }[];
}

describe('health and routing', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${host.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('redirects / to the portfolio page, and the page to its first sub-page', async () => {
    const root = await fetch(`${host.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/jira/apps/pmo-portfolio');
    const page = await fetch(`${host.url}/jira/apps/pmo-portfolio`, { redirect: 'manual' });
    expect(page.headers.get('location')).toBe('/jira/apps/pmo-portfolio/overview');
  });

  it('serves the bridge shim and the frame script as JavaScript', async () => {
    for (const asset of ['bridge.js', 'frame.js']) {
      const response = await fetch(`${host.url}/__host/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
    expect(await (await fetch(`${host.url}/__host/bridge.js`)).text()).toContain('window.__bridge');
  });
});

describe('POST /__invoke/<key>', () => {
  it('lists every project for the PMO lead', async () => {
    const response = await invoke('listProjects', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as ProjectListBody;
    expect(body.projects.map((p) => p.key).sort()).toEqual(sim.dataset.projects.map((p) => p.key).sort());
  });

  it('lists no project for the outsider and exactly the team projects for a team member', async () => {
    const outsider = (await (
      await invoke('listProjects', {}, { 'x-account-id': 'sim-outsider' })
    ).json()) as ProjectListBody;
    expect(outsider.projects).toEqual([]);
    const team = (await (
      await invoke('listProjects', {}, { 'x-account-id': 'sim-team' })
    ).json()) as ProjectListBody;
    expect(team.projects).toHaveLength(TEAM_PROJECT_COUNT);
    expect(team.projects.map((p) => p.key).sort()).toEqual(
      sim.dataset.projects
        .slice(0, TEAM_PROJECT_COUNT)
        .map((p) => p.key)
        .sort(),
    );
  });

  it('treats an empty body as no payload, as Forge does', async () => {
    const response = await invoke('listProjects', '');
    expect(response.status).toBe(200);
  });

  it('answers a body that is not JSON with a typed 400', async () => {
    const response = await invoke('listProjects', '{"oops":');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) });
  });

  it('answers a payload with unknown keys with the resolver’s typed 400', async () => {
    const response = await invoke('listProjects', { limit: 5 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.message).toMatch(/payload/i);
  });

  it('answers a body over 1 MB with a typed 413', async () => {
    const response = await invoke('listProjects', JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown resolver, or an Object.prototype name, with 404', async () => {
    for (const key of ['noSuchResolver', 'constructor', 'toString', '__proto__']) {
      const response = await invoke(key, {});
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
    const body = (await (await invoke('noSuchResolver', {})).json()) as { message: string };
    expect(body.message).toContain("Resolver has no definition for 'noSuchResolver'");
  });

  it('answers a missing or unknown x-account-id with 401', async () => {
    const missing = await invoke('listProjects', {}, {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    const unknown = await invoke('listProjects', {}, { 'x-account-id': 'sim-nobody' });
    expect(unknown.status).toBe(401);
  });

  it('never takes identity from the payload', async () => {
    // The strict schema refuses the forged key outright...
    const forged = await invoke('listProjects', { accountId: 'sim-pmo' }, { 'x-account-id': 'sim-outsider' });
    expect(forged.status).toBe(400);
    // ...and an issue the outsider cannot browse stays hidden whatever the payload says.
    const issue = sim.dataset.issues[0];
    if (!issue) throw new Error('empty dataset');
    const forgedIssue = await invoke(
      'getIssueOverview',
      { issueKey: issue.key, accountId: 'sim-pmo' },
      { 'x-account-id': 'sim-outsider' },
    );
    expect(forgedIssue.status).toBe(400);
    const asOutsider = await invoke(
      'getIssueOverview',
      { issueKey: issue.key },
      { 'x-account-id': 'sim-outsider' },
    );
    expect([403, 404]).toContain(asOutsider.status);
    const asPmo = await invoke('getIssueOverview', { issueKey: issue.key }, { 'x-account-id': 'sim-pmo' });
    expect(asPmo.status).toBe(200);
  });

  it('hands the bridge the resolver’s own result, failures included, with 200', async () => {
    const failure = await invoke(
      'listProjects',
      { limit: 5 },
      { 'x-account-id': 'sim-pmo', 'x-pmo-bridge': '1' },
    );
    expect(failure.status).toBe(200);
    expect(await failure.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const success = await invoke('listProjects', {}, { 'x-account-id': 'sim-team', 'x-pmo-bridge': '1' });
    expect(await success.json()).toMatchObject({ ok: true, data: { projects: expect.any(Array) } });
  });

  it('refuses GET', async () => {
    const response = await fetch(`${host.url}/__invoke/listProjects`, {
      headers: { 'x-account-id': 'sim-pmo' },
    });
    expect(response.status).toBe(405);
  });
});

describe('GET /apps/<entry>/...', () => {
  it('injects the bridge shim before the first script of index.html', async () => {
    const response = await fetch(`${host.url}/apps/portfolio/index.html?moduleKey=x`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await response.text();
    const shim = text.indexOf('<script src="/__host/bridge.js"></script>');
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(text.indexOf('<script type="module"'));
  });

  it('serves assets with their content types', async () => {
    const js = await fetch(`${host.url}/apps/portfolio/assets/a.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = await fetch(`${host.url}/apps/portfolio/assets/a.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${host.url}/apps/portfolio/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${host.url}/apps/unknown-entry/index.html`)).status).toBe(404);
  });

  it.each([
    '/apps/portfolio/../secret.txt',
    '/apps/portfolio/../../secret.txt',
    '/apps/portfolio/%2e%2e/secret.txt',
    '/apps/portfolio/%2e%2e/%2e%2e/secret.txt',
    '/apps/portfolio/..%2fsecret.txt',
    '/apps/portfolio/..%2f..%2fsecret.txt',
    '/apps/portfolio/..%5csecret.txt',
    '/apps/portfolio/assets/..%2f..%2f..%2fsecret.txt',
    '/apps/..%2fsecret.txt',
    '/apps/portfolio/%00/../secret.txt',
  ])('does not leave the resource folder: %s', async (rawPath) => {
    const response = await rawGet(host.url, rawPath);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });

  it('explains how to build the apps when static/dist is missing', async () => {
    const response = await fetch(`${hostWithoutDist.url}/apps/portfolio/index.html`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:static');
  });
});

describe('frame pages', () => {
  it('shows an issue whose summary is an XSS payload as text', async () => {
    const issue = sim.dataset.issues.find(
      (candidate) =>
        candidate.securityLevelId === null &&
        XSS_PAYLOADS.some((payload) => candidate.summary.includes(payload)),
    );
    if (!issue) throw new Error('the simulator planted no XSS summary');
    const response = await fetch(`${host.url}/jira/browse/${issue.key}`, {
      headers: { cookie: 'pmo_user=sim-pmo' },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const payload of XSS_PAYLOADS) expect(text).not.toContain(payload);
    expect(text).toContain('&lt;');
    expect(text).toContain('data-testid="panel-frame"');
  });

  it('hides an issue from a user who cannot browse it', async () => {
    const issue = sim.dataset.issues[0];
    if (!issue) throw new Error('empty dataset');
    const response = await fetch(`${host.url}/jira/browse/${issue.key}`, {
      headers: { cookie: 'pmo_user=sim-outsider' },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(issue.summary.replace(/[<>&"']/g, ''));
  });

  it('lists the user switcher with every user and the PMO lead selected by default', async () => {
    const text = await (await fetch(`${host.url}/jira/apps/pmo-portfolio/overview`)).text();
    expect(text).toContain('data-testid="user-switcher"');
    expect(text).toMatch(/<option value="sim-pmo" selected>/);
    for (const accountId of ['sim-admin', 'sim-team', 'sim-outsider'])
      expect(text).toContain(`value="${accountId}"`);
    expect(text).not.toContain('value="sim-app"');
  });
});

describe('the issue view’s transition control', () => {
  let blockingHost: Host;
  let readOnlyHost: Host;
  const validatorCalls: unknown[] = [];

  beforeAll(async () => {
    const wiring = wireSimulator(sim.url);
    const blockingApp = {
      ...wiring.localApp,
      app: {
        ...wiring.localApp.app,
        validator: async (event: unknown) => {
          validatorCalls.push(event);
          return { result: false, errorMessage: 'Gate 2 is not met: Business case is missing.' };
        },
      },
    };
    const common = {
      users: wiring.users,
      userCredentials: wiring.userCredentials,
      jiraBaseUrl: sim.url,
      mode: 'simulator' as const,
      staticDir: path.join(workDir, 'dist'),
    };
    blockingHost = await createHost({ ...common, localApp: blockingApp });
    readOnlyHost = await createHost({ ...common, localApp: wiring.localApp, readOnly: true });
  });

  afterAll(async () => {
    await Promise.all([blockingHost?.close(), readOnlyHost?.close()]);
  });

  /** An issue in the team's first project, with the transitions Jira offers the team member there. */
  async function teamIssue() {
    const issue = sim.dataset.issues.find(
      (candidate) => candidate.projectIdx === 0 && candidate.securityLevelId === null,
    );
    if (!issue) throw new Error('no issue');
    const response = await fetch(`${sim.url}/rest/api/3/issue/${issue.key}/transitions`, {
      headers: { authorization: basicAuthHeader(simUser('team')) },
    });
    const { transitions } = (await response.json()) as {
      transitions: { id: string; to: { id: string; name: string } }[];
    };
    const transition = transitions[0];
    if (!transition) throw new Error('no transition');
    return { issue, transition };
  }

  function transition(
    baseUrl: string,
    issueKey: string,
    transitionId: string,
    headers: Record<string, string> = {},
  ) {
    return fetch(`${baseUrl}/__host/issues/${issueKey}/transition`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'pmo_user=sim-team',
        'x-pmo-host': '1',
        ...headers,
      },
      body: JSON.stringify({ transitionId }),
    });
  }

  async function statusOf(issueKey: string): Promise<string> {
    const response = await fetch(`${sim.url}/rest/api/3/issue/${issueKey}?fields=status`, {
      headers: { authorization: basicAuthHeader(simUser('admin')) },
    });
    return ((await response.json()) as { fields: { status: { id: string } } }).fields.status.id;
  }

  it('shows the validator’s message and leaves the issue alone when the app blocks', async () => {
    const { issue, transition: t } = await teamIssue();
    const before = await statusOf(issue.key);
    const response = await transition(blockingHost.url, issue.key, t.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: false,
      blocked: true,
      message: 'Gate 2 is not met: Business case is missing.',
    });
    expect(await statusOf(issue.key)).toBe(before);
    expect(validatorCalls.at(-1)).toMatchObject({
      issue: { key: issue.key },
      transition: { from: { id: before }, to: { id: t.to.id } },
    });
  });

  it('checks but does not transition on a read-only connection', async () => {
    const { issue, transition: t } = await teamIssue();
    const before = await statusOf(issue.key);
    const body = (await (await transition(readOnlyHost.url, issue.key, t.id)).json()) as {
      performed: boolean;
    };
    expect(body).toMatchObject({ ok: true, performed: false });
    expect(await statusOf(issue.key)).toBe(before);
  });

  it('performs the transition in Jira as the user when the app allows it', async () => {
    const { issue, transition: t } = await teamIssue();
    const response = await transition(host.url, issue.key, t.id);
    expect(await response.json()).toMatchObject({ ok: true, performed: true });
    expect(await statusOf(issue.key)).toBe(t.to.id);
  });

  it('refuses a request without the x-pmo-host header (cross-site forms cannot set it)', async () => {
    const { issue, transition: t } = await teamIssue();
    const response = await transition(host.url, issue.key, t.id, { 'x-pmo-host': '' });
    expect(response.status).toBe(403);
  });

  it('refuses a transition Jira does not offer, and an issue the user cannot see', async () => {
    const { issue } = await teamIssue();
    expect((await transition(host.url, issue.key, '999999')).status).toBe(400);
    const outsider = await fetch(`${host.url}/__host/issues/${issue.key}/transition`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'pmo_user=sim-outsider', 'x-pmo-host': '1' },
      body: JSON.stringify({ transitionId: '11' }),
    });
    expect(outsider.status).toBe(404);
  });
});

describe('site mode (a real Jira site, read-only; played here by the simulator)', () => {
  let siteHost: Host;

  beforeAll(async () => {
    const pmo = simUser('pmo');
    const wiring = await wireSite(`${sim.url}/`, { email: pmo.emailAddress, apiToken: pmo.apiToken });
    siteHost = await createHost({
      localApp: wiring.localApp,
      users: wiring.users,
      userCredentials: wiring.userCredentials,
      jiraBaseUrl: wiring.jiraBaseUrl,
      mode: wiring.mode,
      staticDir: path.join(workDir, 'dist'),
    });
  });

  afterAll(async () => {
    await siteHost?.close();
  });

  it('has one user, the token’s owner, and reads as that user', async () => {
    const page = await (await fetch(`${siteHost.url}/jira/apps/pmo-portfolio/overview`)).text();
    expect(page).toMatch(/<option value="sim-pmo" selected>Pat PMO Lead<\/option>/);
    expect(page.match(/<option /g)).toHaveLength(1);
    expect(page).toContain('read-only');
    const response = await fetch(`${siteHost.url}/__invoke/listProjects`, {
      method: 'POST',
      headers: { 'x-account-id': 'sim-pmo' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ProjectListBody).projects).toHaveLength(sim.dataset.projects.length);
  });

  it('never writes to the site: a transition is only checked', async () => {
    const issue = sim.dataset.issues.find((candidate) => candidate.securityLevelId === null);
    if (!issue) throw new Error('no issue');
    const page = await (await fetch(`${siteHost.url}/jira/browse/${issue.key}`)).text();
    expect(page).not.toContain('data-testid="transition-button">Transition<');
  });
});

describe('frame page hardening', () => {
  const directive = (policy: string, name: string) =>
    policy
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `));

  it("the host's own pages cannot be framed and load images only from the host (#13.12)", async () => {
    for (const page of ['/jira/apps/pmo-portfolio/overview', '/jira/settings/apps/pmo-portfolio']) {
      const response = await fetch(`${host.url}${page}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(directive(policy, 'img-src')).toBe("img-src 'self' data:");
    }
  });

  it('frames the module of each app page, filling the page, with the context its bridge reports', async () => {
    const pages = [
      ['/jira/apps/pmo-portfolio/overview', PORTFOLIO_MODULE],
      ['/jira/settings/apps/pmo-portfolio', ADMIN_MODULE],
    ] as const;
    for (const [page, module] of pages) {
      const body = await (await fetch(`${host.url}${page}`)).text();
      const frame = /<iframe class="app-frame"[^>]*>/.exec(body)?.[0] ?? '';
      expect(frame).toContain(`data-module="${module.key}"`);
      expect(frame).toContain(`title="${module.title}"`);
      const src = new URL((/ src="([^"]+)"/.exec(frame)?.[1] ?? '').replaceAll('&amp;', '&'), host.url);
      expect(src.pathname).toBe(`/apps/${module.entry}/index.html`);
      expect(src.searchParams.get('moduleKey')).toBe(module.key);
      expect(JSON.parse(src.searchParams.get('extension') ?? '{}')).toEqual({ type: module.type });
    }
  });

  it('the apps get only what the manifest allows: framed by the host, images from the Jira site (#13.12)', async () => {
    for (const file of ['index.html', 'assets/a.js']) {
      const response = await fetch(`${host.url}/apps/portfolio/${file}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'self'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(directive(policy, 'img-src')).toBe(`img-src 'self' data: blob: ${new URL(sim.url).origin}`);
      expect(directive(policy, 'script-src')).toBe("script-src 'self'");
      // manifest.yml: permissions.content.styles: [unsafe-inline]
      expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
      expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
    }
  });

  it('derives the app policy from the manifest permissions, adding nothing the manifest does not name', () => {
    const strict = appContentSecurityPolicy({}, 'https://example.atlassian.net/');
    expect(directive(strict, 'style-src')).toBe("style-src 'self'");
    expect(directive(strict, 'img-src')).toBe("img-src 'self' data: blob: https://example.atlassian.net");
    const wider = appContentSecurityPolicy(
      {
        content: { styles: ['unsafe-inline'], scripts: ['unsafe-eval', 'not-a-keyword'] },
        external: { images: ['https://images.example.com', { address: 'https://cdn.example.com' }] },
      },
      'https://example.atlassian.net',
    );
    expect(directive(wider, 'script-src')).toBe("script-src 'self' 'unsafe-eval'");
    expect(directive(wider, 'img-src')).toBe(
      "img-src 'self' data: blob: https://example.atlassian.net https://images.example.com https://cdn.example.com",
    );
    expect(readManifestPermissions().content?.styles).toEqual(['unsafe-inline']);
  });

  it('sends a CSP without inline scripts on frame pages', async () => {
    const response = await fetch(`${host.url}/jira/apps/pmo-portfolio/overview`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
  });
});
