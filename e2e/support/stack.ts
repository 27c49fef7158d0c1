import { existsSync } from 'node:fs';
import path from 'node:path';
import { createHost, type Host } from '../../dev/host/server';
import { type HostWiring, wireSimulator } from '../../dev/host/wiring';
import { createJiraSim } from '../../dev/jira-sim';
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

/** The simulator's data: seed 42, 8 projects of 40 issues unless told otherwise. */
export interface StackOptions {
  seed?: number;
  projects?: number;
  issuesPerProject?: number;
}

/**
 * The simulator and the host on ephemeral ports, wired as `npm start` wires them. Builds nothing:
 * `npm test` builds static/ before jest runs.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
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
