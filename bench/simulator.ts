import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { SimStats } from '../dev/jira-sim';

export interface SimulatorOptions {
  projects: number;
  issuesPerProject: number;
  latencyMs: number;
  jitterMs: number;
}

/**
 * The Jira simulator in a child process, so the benchmark process's memory is the app's alone.
 * Answers its URL once it listens; what it prints afterwards is drained so it never stalls.
 */
export async function startSimulator(
  options: SimulatorOptions,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '../dev/jira-sim/main.ts')],
    {
      env: {
        ...process.env,
        PORT: '0',
        SIM_PROJECTS: String(options.projects),
        SIM_ISSUES_PER_PROJECT: String(options.issuesPerProject),
        SIM_LATENCY_MS: String(options.latencyMs),
        SIM_JITTER_MS: String(options.jitterMs),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error('the simulator has no stdout');
  let output = '';
  for await (const data of stdout) {
    output += String(data);
    const match = output.match(/https?:\/\/[\w.:-]+:\d+/);
    if (match) {
      stdout.resume();
      return { url: match[0], child };
    }
  }
  throw new Error(`the simulator did not print its URL: ${output}`);
}

/** A control call; once more when an idle keep-alive socket was closed under it. */
async function control(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** The simulator's request and point counts since its last reset. */
export async function simStats(url: string): Promise<SimStats> {
  return (await (await control(`${url}/__sim/stats`)).json()) as SimStats;
}

/** Starts the simulator's counts again from zero. */
export async function resetStats(url: string): Promise<void> {
  await control(`${url}/__sim/stats/reset`, { method: 'POST' });
}

/** What a benchmark that reads the simulator is told on its command line: the data, its latency, the refresh's concurrency. */
interface SimulatorBenchOptions extends SimulatorOptions {
  concurrency: number;
}

/** The command-line options of `SimulatorBenchOptions` for `parseArgs`, with this benchmark's defaults. */
export function simulatorArgOptions(defaults: SimulatorBenchOptions) {
  const option = (value: number) => ({ type: 'string' as const, default: String(value) });
  return {
    projects: option(defaults.projects),
    'issues-per-project': option(defaults.issuesPerProject),
    latency: option(defaults.latencyMs),
    jitter: option(defaults.jitterMs),
    concurrency: option(defaults.concurrency),
  };
}

/** The parsed values of `simulatorArgOptions` as numbers. */
export function simulatorArgs(values: Record<keyof ReturnType<typeof simulatorArgOptions>, string>) {
  return {
    projects: Number(values.projects),
    issuesPerProject: Number(values['issues-per-project']),
    latencyMs: Number(values.latency),
    jitterMs: Number(values.jitter),
    concurrency: Number(values.concurrency),
  } satisfies SimulatorBenchOptions;
}
