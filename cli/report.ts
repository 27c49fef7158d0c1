/**
 * The portfolio report as a command:
 *   npm run report -- [--projects KEY1,KEY2] [--jql "..."] [--format json|csv|md] [--out file]
 * Reads JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN; without them it starts the built-in Jira
 * simulator with its demo data. Progress goes to stderr, the report to stdout or --out.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import { type HostWiring, wireSimulator, wireSite } from '../dev/host/wiring';
import { PortfolioId } from '../src/contracts/portfolio';
import { AppError, parseOrThrow } from '../src/domain/errors';
import type { PortfolioReport } from '../src/domain/portfolio';
import { JiraClient } from '../src/jira/client';
import { basicAuthorization, createHttpTransport } from '../src/jira/http-client';
import { buildPortfolioReport } from '../src/services/portfolio/build-report';
import { getPortfolioReport } from '../src/services/portfolio/get-portfolio-report';
import { PortfolioScopeSchema } from '../src/services/portfolio/scope';
import { describeRun } from '../src/services/snapshots/refresh-status';
import { startRefresh } from '../src/services/snapshots/start-refresh';
import { formatReport, ReportFormats } from './format';

const ArgsSchema = z.object({
  projects: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? value
            .split(',')
            .map((key) => key.trim().toUpperCase())
            .filter(Boolean)
        : undefined,
    ),
  jql: z.string().min(1).optional(),
  format: z.enum(ReportFormats).default('json'),
  out: z.string().min(1).optional(),
  concurrency: z.coerce.number().int().min(1).max(16).default(6),
  snapshot: z.boolean().default(false),
  portfolio: PortfolioId,
});

const usage =
  'usage: npm run report -- [--projects KEY1,KEY2] [--jql "..."] [--format json|csv|md] [--out file] [--concurrency N]\n' +
  '       npm run report -- --snapshot [--portfolio all|category:<id>] [--format ...] [--out file]';

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      projects: { type: 'string' },
      jql: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string' },
      snapshot: { type: 'boolean' },
      portfolio: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const args = parseOrThrow(ArgsSchema, values, 'arguments');
  const scope = parseOrThrow(
    PortfolioScopeSchema,
    { ...(args.projects ? { projectKeys: args.projects } : {}), ...(args.jql ? { jql: args.jql } : {}) },
    'scope',
  );

  const connection = await connect();
  try {
    if (args.snapshot) {
      if (args.projects || args.jql)
        throw new AppError(
          'BAD_REQUEST',
          '--snapshot reports a portfolio: use --portfolio, not --projects or --jql',
        );
      const report = await snapshotReport(connection, args.portfolio);
      writeReport(
        formatReport(report, args.format),
        args.out,
        `${report.projects.length} projects from the snapshot`,
      );
      return;
    }
    const jira = new JiraClient(
      createHttpTransport({
        baseUrl: connection.baseUrl,
        authorization: connection.authorization,
        readOnly: true,
      }),
    );
    const bar = process.stderr.isTTY
      ? new SingleBar({ format: 'Reading projects [{bar}] {value}/{total} {project}' })
      : null;
    let started = false;
    const { report, problems } = await buildPortfolioReport(jira, {
      scope,
      now: new Date(),
      concurrency: args.concurrency,
      onProgress: (done, total, projectKey) => {
        if (bar && !started) {
          bar.start(total, 0, { project: '' });
          started = true;
        }
        if (bar) bar.update(done, { project: projectKey });
        else process.stderr.write(`read ${projectKey} (${done}/${total})\n`);
      },
    });
    bar?.stop();
    if (problems.length > 0)
      process.stderr.write(`note: ${problems.length} unreadable field values were left empty\n`);
    if (report.meta.partial)
      process.stderr.write(`warning: could not read ${report.meta.staleProjects.join(', ')}\n`);
    writeReport(
      formatReport(report, args.format),
      args.out,
      `${report.projects.length} projects, ${report.meta.requests} requests`,
    );
  } finally {
    await connection.close();
  }
}

function writeReport(text: string, out: string | undefined, what: string): void {
  if (out) {
    writeFileSync(out, text);
    process.stderr.write(`wrote ${out} (${what})\n`);
  } else {
    process.stdout.write(text);
  }
}

/**
 * The report the portfolio page shows: the snapshot built the way the app builds it (queued jobs
 * reading Jira as the app, merged, then cut down to what this user may browse). The local process
 * keeps no store between runs, so it refreshes first; progress and the points spent go to stderr.
 */
async function snapshotReport(connection: Connection, portfolioId: string): Promise<PortfolioReport> {
  const local = connection.local();
  const { seq } = await startRefresh(local.localApp.deps, local.localApp.deps.queue, portfolioId, 'admin');
  await local.localApp.drainJobs();
  const run = await describeRun(local.localApp.deps, portfolioId, seq);
  process.stderr.write(
    `refresh ${run?.status ?? 'unknown'}: ${run?.projectsDone ?? 0} projects, ${run?.points ?? 0} Jira points\n`,
  );
  return getPortfolioReport(
    local.localApp.deps,
    { accountId: local.accountId, installation: 'cli' },
    portfolioId,
  );
}

interface Connection {
  baseUrl: string;
  authorization: string;
  /** The app wired to this Jira, and who reads the report. */
  local(): { localApp: HostWiring['localApp']; accountId: string };
  close(): Promise<void>;
}

/** A real site from the environment, or the simulator with demo data. */
async function connect(): Promise<Connection> {
  const { JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN } = process.env;
  if (JIRA_BASE_URL && JIRA_EMAIL && JIRA_API_TOKEN) {
    const wiring = await wireSite(JIRA_BASE_URL, { email: JIRA_EMAIL, apiToken: JIRA_API_TOKEN });
    const me = wiring.users[0]?.accountId ?? '';
    return {
      baseUrl: JIRA_BASE_URL,
      authorization: basicAuthorization(JIRA_EMAIL, JIRA_API_TOKEN),
      local: () => ({ localApp: wiring.localApp, accountId: me }),
      close: async () => {},
    };
  }
  const { createJiraSim, SIM_USERS, basicAuthHeader } = await import('../dev/jira-sim');
  const sim = await createJiraSim({ port: 0 });
  const pmo = SIM_USERS.find((user) => user.role === 'pmo');
  if (!pmo) throw new Error('the simulator has no PMO user');
  process.stderr.write(
    `JIRA_BASE_URL is not set: reporting on the built-in simulator's demo data (${sim.url})\n`,
  );
  return {
    baseUrl: sim.url,
    authorization: basicAuthHeader(pmo),
    local: () => ({ localApp: wireSimulator(sim.url).localApp, accountId: pmo.accountId }),
    close: () => sim.close(),
  };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) {
    process.stderr.write(`error (${error.code}): ${error.message}\n`);
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
  }
  process.exitCode = 1;
});
