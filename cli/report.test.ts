import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
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

  it('rejects an unknown format with a clear message and a failing exit code', async () => {
    const failure = await report(['--format', 'xlsx']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/format/) });
  }, 60_000);
});
