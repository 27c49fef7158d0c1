/**
 * CLI: `npm run sim` (tsx dev/jira-sim/main.ts). Starts the simulator and prints its URL.
 *
 *   PORT (default 3001; 0 = ephemeral)   HOST (default 127.0.0.1)
 *   SIM_SEED (42)  SIM_PROJECTS (12)  SIM_ISSUES_PER_PROJECT (120)  SIM_NOW (ISO date; default: now)
 *   Faults: SIM_LATENCY_MS  SIM_JITTER_MS  SIM_RATE_429  SIM_RETRY_AFTER  SIM_RETRY_AFTER_AS_DATE
 *           SIM_RATE_5XX  SIM_MALFORMED_RATE  SIM_SLOW_PAGE_MS
 *   Limits: SIM_QUOTA_POINTS_PER_HOUR  SIM_BURST_PER_SECOND  SIM_BURST_PER_ROUTE (JSON)
 *           SIM_PER_ISSUE_WRITES  SIM_PER_ISSUE_WRITE_WINDOW_SECONDS  SIM_SEARCH_LAG_MS
 */
import { createJiraSim, faultsFromEnv, SIM_USERS } from './index';

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return n;
}

async function main(): Promise<void> {
  const nowRaw = process.env.SIM_NOW;
  const now = nowRaw ? new Date(nowRaw) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`SIM_NOW must be an ISO date, got '${nowRaw}'`);
  const started = Date.now();
  const sim = await createJiraSim({
    port: intEnv('PORT', 3001),
    host: process.env.HOST || '127.0.0.1',
    seed: intEnv('SIM_SEED', 42),
    projects: intEnv('SIM_PROJECTS', 12),
    issuesPerProject: intEnv('SIM_ISSUES_PER_PROJECT', 120),
    ...(now ? { now } : {}),
    faults: faultsFromEnv(),
  });
  const { dataset } = sim;
  process.stdout.write(`Jira simulator listening on ${sim.url}\n`);
  process.stderr.write(
    [
      `  seed ${dataset.seed}, ${dataset.projects.length} projects, ${dataset.issues.length} issues, ${dataset.links.length} links (generated in ${Date.now() - started} ms)`,
      `  users (Basic auth email:token): ${SIM_USERS.map((u) => `${u.emailAddress}:${u.apiToken} [${u.role}]`).join(', ')}`,
      `  faults: ${JSON.stringify(sim.faults())}`,
      `  control: GET/PUT ${sim.url}/__sim/faults, GET ${sim.url}/__sim/stats, GET ${sim.url}/__sim/quota, PUT ${sim.url}/__sim/clock, GET ${sim.url}/__sim/info`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`jira-sim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
