/**
 * Jira Cloud REST v3 simulator: a seeded, realistic site served over HTTP with per-user permissions,
 * a JQL subset, Jira's paging and fault injection. See DESIGN.md section 4.
 */

import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { type FaultConfig, FaultInjector, parseFaultPatch } from './faults';
import { DEFAULT_ISSUES_PER_PROJECT, DEFAULT_PROJECTS, DEFAULT_SEED, generateDataset } from './generator';
import type { SimHistory } from './history';
import { errorBody, type Reply, type SimRuntime } from './http';
import { type QuotaStatus, RateLimiter } from './limits';
import { createSimMutations, type SimMutations } from './mutations';
import type { SentNotification } from './routes/notify';
import { SearchCache } from './search';
import { SearchLag } from './search-lag';
import { createSimServer, type SimStats, StatsRecorder } from './server';
import { SimState } from './state';
import type { SimDataset } from './types';
import { SIM_USERS, type SimUser } from './users';

export type { FailNext, FaultConfig, RateLimitReason } from './faults';
export {
  DEFAULT_FAULTS,
  DEFAULT_QUOTA_POINTS_PER_HOUR,
  FaultConfigSchema,
  faultsFromEnv,
  parseFaultPatch,
  RATE_LIMIT_REASONS,
} from './faults';
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
export { QUOTA_POLICY_NAME, QUOTA_WINDOW_SECONDS, type QuotaStatus } from './limits';
export { MAX_PROJECT_KEYS } from './routes/projects';
export { MAX_RECONCILE_ISSUES } from './routes/search';
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
  /** Start with the site clock standing still at `now` (tests move it with `advanceClock`). */
  frozenClock?: boolean;
}

export interface JiraSim {
  /** e.g. http://127.0.0.1:53211 */
  url: string;
  close(): Promise<void>;
  dataset: SimDataset;
  /** Changes as people make them in Jira (create, edit, delete, move, link). */
  mutate: SimMutations;
  /** The generated past: the site as it was at an instant before the sim started. */
  history: SimHistory;
  users: SimUser[];
  setFaults(f: Partial<FaultConfig>): void;
  /** Default faults and limits, a full quota, no burst or write history, no search lag. */
  resetFaults(): void;
  faults(): FaultConfig;
  stats(): SimStats;
  resetStats(): void;
  /** The points quota of the current window of the site clock. */
  quota(): QuotaStatus;
  /** The site clock (ms): the data, relative JQL dates, rate-limit windows and search lag run on it. */
  now(): number;
  /** Moves the site clock forward, e.g. by an hour to open the next quota window. */
  advanceClock(ms: number): void;
  /** Stops (true) or restarts (false) the site clock, so per-second limits do not depend on real time. */
  freezeClock(frozen?: boolean): void;
  /** The e-mails `POST /issue/{key}/notify` would have sent, oldest first (also `GET /__sim/notifications`). */
  outbox(): SentNotification[];
}

const ClockPatchSchema = z
  .object({ advanceMs: z.number().int().min(0).optional(), frozen: z.boolean().optional() })
  .strict();

export async function createJiraSim(options: JiraSimOptions = {}): Promise<JiraSim> {
  const seed = options.seed ?? DEFAULT_SEED;
  const projects = options.projects ?? DEFAULT_PROJECTS;
  const issuesPerProject = options.issuesPerProject ?? DEFAULT_ISSUES_PER_PROJECT;
  const now = options.now ?? new Date();
  const dataset = generateDataset({ seed, projects, issuesPerProject, now });
  const state = new SimState(dataset, { frozenClock: options.frozenClock === true });
  const faults = new FaultInjector(seed, options.faults ?? {});
  const stats = new StatsRecorder();
  const limits = new RateLimiter(() => faults.current());
  const searchLag = new SearchLag();
  const runtime: SimRuntime = {
    state,
    faults,
    searchCache: new SearchCache(),
    users: SIM_USERS,
    limits,
    searchLag,
  };
  const resetFaults = () => {
    faults.reset();
    limits.reset();
    searchLag.clear();
  };
  const quotaBody = () => {
    const q = limits.quota(state.now());
    return {
      ...q,
      windowStart: new Date(q.windowStart).toISOString(),
      resetAt: new Date(q.resetAt).toISOString(),
    };
  };
  const clockBody = () => ({ now: new Date(state.now()).toISOString(), frozen: state.clockFrozen() });

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
        resetFaults();
        return { status: 200, body: faults.get() };
      case 'GET /__sim/quota':
        return { status: 200, body: quotaBody() };
      case 'GET /__sim/clock':
        return { status: 200, body: clockBody() };
      case 'PUT /__sim/clock': {
        const patch = ClockPatchSchema.safeParse(body ?? {});
        if (!patch.success) {
          return {
            status: 400,
            body: errorBody([
              `Invalid clock change: ${patch.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
            ]),
          };
        }
        if (patch.data.frozen !== undefined) state.freezeClock(patch.data.frozen);
        if (patch.data.advanceMs !== undefined) state.advanceClock(patch.data.advanceMs);
        return { status: 200, body: clockBody() };
      }
      case 'GET /__sim/notifications':
        return { status: 200, body: { notifications: state.outbox.list() } };
      case 'DELETE /__sim/notifications':
        state.outbox.clear();
        return { status: 200, body: { notifications: [] } };
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
    history: state.history,
    users: SIM_USERS,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
    setFaults: (f) => faults.set(f),
    resetFaults,
    faults: () => faults.get(),
    stats: () => stats.get(),
    resetStats: () => stats.reset(),
    quota: () => limits.quota(state.now()),
    now: () => state.now(),
    advanceClock: (ms) => state.advanceClock(ms),
    freezeClock: (frozen = true) => state.freezeClock(frozen),
    outbox: () => state.outbox.list(),
  };
}
