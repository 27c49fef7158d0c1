/**
 * Jira Cloud REST v3 simulator: a seeded, realistic site served over HTTP with per-user permissions,
 * a JQL subset, Jira's paging and fault injection. See DESIGN.md section 4.
 */
import type { AddressInfo } from 'node:net';
import { type FaultConfig, FaultInjector, parseFaultPatch } from './faults';
import { DEFAULT_ISSUES_PER_PROJECT, DEFAULT_PROJECTS, DEFAULT_SEED, generateDataset } from './generator';
import { errorBody, type Reply, type SimRuntime } from './http';
import { createSimMutations, type SimMutations } from './mutations';
import { SearchCache } from './search';
import { createSimServer, type SimStats, StatsRecorder } from './server';
import { SimState } from './state';
import type { SimDataset } from './types';
import { SIM_USERS, type SimUser } from './users';

export type { FailNext, FaultConfig } from './faults';
export { DEFAULT_FAULTS, FaultConfigSchema, faultsFromEnv, parseFaultPatch } from './faults';
export {
  computeDateConflicts,
  DEFAULT_ISSUES_PER_PROJECT,
  DEFAULT_PROJECTS,
  DEFAULT_SEED,
  type GenerateOptions,
  generateDataset,
  isOpen,
  statusCategoryOf,
  XSS_PAYLOADS,
} from './generator';
export type { SimStats } from './server';
export type * from './types';
export { basicAuthHeader, SIM_USERS, type SimPerson, type SimRole, type SimUser, simUser } from './users';

export interface JiraSimOptions {
  seed?: number;
  projects?: number;
  issuesPerProject?: number;
  /** The site's "now" the data is generated around; the sim clock starts here. Default: the real now. */
  now?: Date;
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  faults?: Partial<FaultConfig>;
}

export interface JiraSim {
  /** e.g. http://127.0.0.1:53211 */
  url: string;
  close(): Promise<void>;
  dataset: SimDataset;
  /** Changes as people make them in Jira (create, edit, delete, move, link). */
  mutate: SimMutations;
  users: SimUser[];
  setFaults(f: Partial<FaultConfig>): void;
  resetFaults(): void;
  faults(): FaultConfig;
  stats(): SimStats;
  resetStats(): void;
}

export async function createJiraSim(options: JiraSimOptions = {}): Promise<JiraSim> {
  const seed = options.seed ?? DEFAULT_SEED;
  const projects = options.projects ?? DEFAULT_PROJECTS;
  const issuesPerProject = options.issuesPerProject ?? DEFAULT_ISSUES_PER_PROJECT;
  const now = options.now ?? new Date();
  const dataset = generateDataset({ seed, projects, issuesPerProject, now });
  const state = new SimState(dataset);
  const faults = new FaultInjector(seed, options.faults ?? {});
  const stats = new StatsRecorder();
  const runtime: SimRuntime = {
    state,
    faults,
    searchCache: new SearchCache(),
    users: SIM_USERS,
  };

  const onControl = (method: string, path: string, body: unknown): Reply | undefined => {
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__sim/faults':
        return { status: 200, body: faults.get() };
      case 'PUT /__sim/faults':
        try {
          faults.set(parseFaultPatch(body));
          return { status: 200, body: faults.get() };
        } catch (e) {
          return {
            status: 400,
            body: errorBody([`Invalid fault configuration: ${e instanceof Error ? e.message : String(e)}`]),
          };
        }
      case 'DELETE /__sim/faults':
      case 'POST /__sim/faults/reset':
        faults.reset();
        return { status: 200, body: faults.get() };
      case 'GET /__sim/stats':
        return { status: 200, body: stats.get() };
      case 'POST /__sim/stats/reset':
        stats.reset();
        return { status: 204 };
      case 'GET /__sim/info':
        return {
          status: 200,
          body: {
            seed,
            projects,
            issuesPerProject,
            now: dataset.now,
            issues: dataset.issues.length,
            planted: dataset.planted,
            users: SIM_USERS,
          },
        };
      case 'GET /__sim/health':
        return { status: 200, body: { ok: true } };
      default:
        return undefined;
    }
  };

  const server = createSimServer(runtime, { stats, onControl });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${address.port}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    dataset,
    mutate: createSimMutations(state),
    users: SIM_USERS,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
    setFaults: (f) => faults.set(f),
    resetFaults: () => faults.reset(),
    faults: () => faults.get(),
    stats: () => stats.get(),
    resetStats: () => stats.reset(),
  };
}
