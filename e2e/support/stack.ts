import { existsSync } from 'node:fs';
import path from 'node:path';
import { createHost, type Host } from '../../dev/host/server';
import { type HostWiring, wireSimulator } from '../../dev/host/wiring';
import { createJiraSim } from '../../dev/jira-sim';
import { basicAuthHeader, SIM_USERS } from '../../dev/jira-sim/users';
import { staticDistDir } from '../../static/dist-dir';

export type JiraSim = Awaited<ReturnType<typeof createJiraSim>>;

export const STATIC_DIST = staticDistDir(path.join(__dirname, '..', '..', 'static'));
const ENTRIES = ['portfolio', 'issue-panel', 'admin'] as const;

export interface Stack {
  /** The host's base URL. */
  url: string;
  host: Host;
  sim: JiraSim;
  wiring: HostWiring;
  close(): Promise<void>;
}

/**
 * The simulator and the host on ephemeral ports, wired as `npm start` wires them. Builds nothing:
 * `npm test` builds static/ before jest runs.
 */
export async function startStack(
  options: { seed?: number; projects?: number; issuesPerProject?: number } = {},
): Promise<Stack> {
  const missing = ENTRIES.filter((entry) => !existsSync(path.join(STATIC_DIST, entry, 'index.html')));
  if (missing.length > 0) {
    throw new Error(
      `The Custom UI apps are not built (no static/dist/${missing.join(', static/dist/')}/index.html). ` +
        'Run `npm run build:static` (or `npm test`, which builds them) before the browser tests.',
    );
  }
  const sim = await createJiraSim({ port: 0, seed: 42, projects: 8, issuesPerProject: 40, ...options });
  const wiring = wireSimulator(sim.url);
  const host = await createHost({
    localApp: wiring.localApp,
    users: wiring.users,
    userCredentials: wiring.userCredentials,
    staticDir: STATIC_DIST,
    jiraBaseUrl: sim.url,
    mode: 'simulator',
  });
  return {
    url: host.url,
    host,
    sim,
    wiring,
    async close() {
      await host.close();
      await sim.close();
    },
  };
}

/**
 * The project keys `accountId` may browse, asked of the simulator directly as that user (not
 * through the app): the oracle the app's pages are checked against.
 */
export async function browsableProjectKeys(sim: JiraSim, accountId: string): Promise<string[]> {
  const user = SIM_USERS.find((candidate) => candidate.accountId === accountId);
  if (!user) throw new Error(`no simulator user ${accountId}`);
  const keys: string[] = [];
  for (let startAt = 0; ; ) {
    const response = await fetch(`${sim.url}/rest/api/3/project/search?startAt=${startAt}&maxResults=50`, {
      headers: { authorization: basicAuthHeader(user), accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`project/search as ${accountId} answered ${response.status}`);
    const page = (await response.json()) as { values: { key: string }[]; isLast?: boolean };
    keys.push(...page.values.map((project) => project.key));
    startAt += page.values.length;
    if (page.isLast !== false || page.values.length === 0) return keys.sort();
  }
}

/**
 * Calls a resolver through the host as the browser shim does (`POST /__invoke/<key>`, the acting
 * user in `x-account-id`) and answers its data; any answer but 200 fails the test.
 */
export async function invokeAs<T>(
  stack: Stack,
  key: string,
  accountId: string,
  payload: object = {},
): Promise<T> {
  const response = await fetch(`${stack.url}/__invoke/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-account-id': accountId },
    body: JSON.stringify(payload),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
