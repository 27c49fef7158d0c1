import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { createJiraSim } from '../dev/jira-sim';
import { PortfolioReportSchema } from '../src/domain/portfolio';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

/** Runs the report command as a PMO would, on the built-in simulator (no JIRA_* variables). */
async function report(args: string[]) {
  const env = { ...process.env, JIRA_BASE_URL: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '' };
  return run(process.execPath, ['--import', 'tsx', path.join(root, 'cli/report.ts'), ...args], {
    cwd: root,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('npm run report', () => {
  it('prints a JSON report that validates against the published schema', async () => {
    const { stdout, stderr } = await report(['--projects', 'ATLAS,BEACON', '--format', 'json']);
    const parsed = PortfolioReportSchema.parse(JSON.parse(stdout));
    expect(parsed.projects.map((project) => project.key)).toEqual(['ATLAS', 'BEACON']);
    expect(parsed.meta.requests).toBeGreaterThan(0);
    expect(stderr).toMatch(/simulator/);
  }, 60_000);

  it('prints CSV with one row per project', async () => {
    const { stdout } = await report(['--format', 'csv']);
    const rows = Papa.parse<Record<string, string>>(stdout.trim(), { header: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.length).toBeGreaterThan(3);
    expect(new Set(rows.data.map((row) => row.key)).size).toBe(rows.data.length);
    expect(rows.data.every((row) => ['green', 'amber', 'red', 'none'].includes(row.rag ?? ''))).toBe(true);
  }, 60_000);

  it('--snapshot prints the report the portfolio page shows, with the same figures as a live read', async () => {
    const [snapshot, live] = await Promise.all([
      report(['--snapshot', '--format', 'json']),
      report(['--format', 'json']),
    ]);
    const fromSnapshot = PortfolioReportSchema.parse(JSON.parse(snapshot.stdout));
    const fromLive = PortfolioReportSchema.parse(JSON.parse(live.stdout));
    expect(snapshot.stderr).toMatch(/refresh done: \d+ projects, \d+ Jira points/);
    expect(fromSnapshot.meta.snapshot?.run?.status).toBe('done');
    // The same projects. The snapshot, read as the app, counts issues with a security level too
    // (never naming them to this user); the live read as the user does not see them at all.
    const sim = await createJiraSim({ port: 0 });
    try {
      const perProject = (key: string, secured: boolean) =>
        sim.dataset.issues.filter(
          (issue) =>
            sim.dataset.projects[issue.projectIdx]?.key === key &&
            (secured || issue.securityLevelId === null),
        ).length;
      expect(fromSnapshot.projects.map((project) => [project.key, project.kpis.total])).toEqual(
        fromLive.projects.map((project) => [project.key, perProject(project.key, true)]),
      );
      expect(fromLive.projects.map((project) => project.kpis.total)).toEqual(
        fromLive.projects.map((project) => perProject(project.key, false)),
      );
      const secured = sim.dataset.issues
        .filter((issue) => issue.securityLevelId !== null)
        .map((issue) => issue.key);
      const named = new Set(snapshot.stdout.match(/\b[A-Z][A-Z0-9_]+-\d+\b/g) ?? []);
      expect(secured.filter((key) => named.has(key))).toEqual([]);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it('rejects an unknown format with a clear message and a failing exit code', async () => {
    const failure = await report(['--format', 'xlsx']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/format/) });
  }, 60_000);
});
