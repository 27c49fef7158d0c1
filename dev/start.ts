/**
 * `npm start` (after the static apps are built): the app on the local Jira-like host.
 *
 * - With JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN set: against that real Jira Cloud site,
 *   read-only, as the token's owner (the only user).
 * - Otherwise: against the Jira simulator (SIM_PORT, default 3001; SIM_SEED), with its users in
 *   the switcher.
 *
 * The host listens on PORT (default 3000) on HOST (default 127.0.0.1). Ctrl-C stops everything.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { staticDistDir } from '../static/dist-dir';
import { createHost, type Host } from './host/server';
import { type HostWiring, wireSimulator, wireSite } from './host/wiring';
import { createJiraSim } from './jira-sim';

const STATIC_DIST = staticDistDir(path.join(__dirname, '..', 'static'));

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const port = intFromEnv('PORT', 3000);
  const hostname = process.env.HOST ?? '127.0.0.1';
  const { JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN } = process.env;
  const closers: (() => Promise<void>)[] = [];
  const lines: string[] = [];

  let wiring: HostWiring;
  if (JIRA_BASE_URL && JIRA_EMAIL && JIRA_API_TOKEN) {
    wiring = await wireSite(JIRA_BASE_URL, { email: JIRA_EMAIL, apiToken: JIRA_API_TOKEN });
    lines.push(`  Jira site:  ${wiring.jiraBaseUrl} (read-only: the app never writes to it)`);
  } else {
    if (JIRA_BASE_URL || JIRA_EMAIL || JIRA_API_TOKEN) {
      console.warn(
        'Set all of JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN to use a real site; using the simulator.',
      );
    }
    const seed = process.env.SIM_SEED ? intFromEnv('SIM_SEED', 42) : undefined;
    const sim = await createJiraSim({
      port: intFromEnv('SIM_PORT', 3001),
      ...(seed === undefined ? {} : { seed }),
    });
    closers.push(() => sim.close());
    wiring = wireSimulator(sim.url);
    lines.push(
      `  Jira simulator: ${sim.url} (seed ${sim.dataset.seed}, ${sim.dataset.projects.length} projects, ${sim.dataset.issues.length} issues)`,
    );
  }

  const host: Host = await createHost({
    port,
    hostname,
    localApp: wiring.localApp,
    users: wiring.users,
    userCredentials: wiring.userCredentials,
    staticDir: STATIC_DIST,
    jiraBaseUrl: wiring.jiraBaseUrl,
    mode: wiring.mode,
    readOnly: wiring.readOnly,
  });
  closers.unshift(() => host.close());

  const shownHost = hostname === '127.0.0.1' || hostname === '0.0.0.0' ? 'localhost' : hostname;
  console.log('');
  console.log(`PMO Portfolio is running at http://${shownHost}:${host.port}`);
  console.log(...lines);
  console.log('  Users (switch with "Acting as" in the top bar):');
  for (const user of wiring.users) console.log(`    - ${user.displayName} (${user.accountId}, ${user.role})`);
  console.log(
    `  Pages: /jira/apps/pmo-portfolio, /jira/browse/<ISSUE-KEY>, /jira/settings/apps/pmo-portfolio`,
  );
  if (!existsSync(path.join(STATIC_DIST, 'portfolio', 'index.html'))) {
    console.log(
      '  The Custom UI apps are not built: run `npm run build:static` (npm start does it for you).',
    );
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    for (const close of closers) await close().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
