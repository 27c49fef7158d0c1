import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

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
