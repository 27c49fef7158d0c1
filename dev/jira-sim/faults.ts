/**
 * Fault injection for `/rest/` routes (latency, 429 with Retry-After, 5xx, malformed bodies, scripted
 * failures) and the settings of Jira Cloud's 2026 rate limits and search lag (enforced by limits.ts
 * and search-lag.ts; configured here so one control endpoint and one set of env vars sets them all).
 */
import { z } from 'zod';
import { Prng, subSeed } from './prng';

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(600_000);

/** The values Jira sends in `RateLimit-Reason` on a 429. */
export const RATE_LIMIT_REASONS = [
  'jira-quota-tenant-based',
  'jira-quota-global-based',
  'jira-burst-based',
  'jira-per-issue-on-write',
] as const;
export type RateLimitReason = (typeof RATE_LIMIT_REASONS)[number];

/** A route as the stats name it: `METHOD /rest/api/3/path/{template}`. */
const routeKey = z
  .string()
  .regex(/^(GET|POST|PUT|DELETE) \/rest\//, 'a route such as "GET /rest/api/3/field"');

export const FailNextSchema = z
  .object({
    status: z.number().int().min(100).max(599),
    count: z.number().int().min(1),
    pathPrefix: z.string().min(1).optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
    malformed: z.boolean().optional(),
    /** `RateLimit-Reason` of an injected 429 (default jira-burst-based). */
    reason: z.enum(RATE_LIMIT_REASONS).optional(),
  })
  .strict();

export const FaultConfigSchema = z
  .object({
    latencyMs: ms,
    jitterMs: ms,
    rate429: rate,
    retryAfterSeconds: z.number().int().min(0).max(3600),
    retryAfterAsDate: z.boolean(),
    rate5xx: rate,
    malformedRate: rate,
    slowPageMs: ms,
    failNext: z.array(FailNextSchema),
    /** Points quota per hourly window of the site clock (1 point per request plus 1 per issue, project or user returned). */
    quotaPointsPerHour: z.number().int().min(0),
    /** Requests per second per endpoint (route and method); 0: no burst limit. */
    burstPerSecond: z.number().int().min(0),
    /** Per-endpoint overrides of `burstPerSecond`, keyed like the stats (`POST /rest/api/3/search/jql`). */
    burstPerSecondByRoute: z.record(routeKey, z.number().int().min(0)),
    /** Writes per issue per `perIssueWriteWindowSeconds`; 0: no per-issue write limit. */
    perIssueWrites: z.number().int().min(0),
    perIssueWriteWindowSeconds: z.number().int().min(1).max(3600),
    /** How long an issue edit or transition stays invisible to `search/jql` (unless `reconcileIssues` names it). */
    searchLagMs: ms,
  })
  .strict();

export type FailNext = z.infer<typeof FailNextSchema>;
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export const FaultPatchSchema = FaultConfigSchema.partial();

/** Large enough that the demo and the benchmark never run out; tests and scripts lower it. */
export const DEFAULT_QUOTA_POINTS_PER_HOUR = 10_000_000;

export const DEFAULT_FAULTS: FaultConfig = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  retryAfterAsDate: false,
  rate5xx: 0,
  malformedRate: 0,
  slowPageMs: 0,
  failNext: [],
  quotaPointsPerHour: DEFAULT_QUOTA_POINTS_PER_HOUR,
  burstPerSecond: 0,
  burstPerSecondByRoute: {},
  perIssueWrites: 0,
  perIssueWriteWindowSeconds: 1,
  searchLagMs: 0,
}) as FaultConfig;

/** Parse a fault patch; throws a readable Error listing what is wrong. */
export function parseFaultPatch(input: unknown): Partial<FaultConfig> {
  const result = FaultPatchSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw new Error(problems.join('; '));
  }
  return result.data;
}

/** Fault settings from `SIM_*` environment variables. Throws on malformed values. */
export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<FaultConfig> {
  const patch: Record<string, unknown> = {};
  const num = (name: string, key: keyof FaultConfig) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got '${raw}'`);
    patch[key] = n;
  };
  num('SIM_LATENCY_MS', 'latencyMs');
  num('SIM_JITTER_MS', 'jitterMs');
  num('SIM_RATE_429', 'rate429');
  num('SIM_RETRY_AFTER', 'retryAfterSeconds');
  num('SIM_RATE_5XX', 'rate5xx');
  num('SIM_MALFORMED_RATE', 'malformedRate');
  num('SIM_SLOW_PAGE_MS', 'slowPageMs');
  num('SIM_QUOTA_POINTS_PER_HOUR', 'quotaPointsPerHour');
  num('SIM_BURST_PER_SECOND', 'burstPerSecond');
  num('SIM_PER_ISSUE_WRITES', 'perIssueWrites');
  num('SIM_PER_ISSUE_WRITE_WINDOW_SECONDS', 'perIssueWriteWindowSeconds');
  num('SIM_SEARCH_LAG_MS', 'searchLagMs');
  const byRoute = env.SIM_BURST_PER_ROUTE;
  if (byRoute !== undefined && byRoute.trim() !== '') {
    try {
      patch.burstPerSecondByRoute = JSON.parse(byRoute) as unknown;
    } catch {
      throw new Error(
        `SIM_BURST_PER_ROUTE must be a JSON object such as {"POST /rest/api/3/search/jql": 5}, got '${byRoute}'`,
      );
    }
  }
  const asDate = env.SIM_RETRY_AFTER_AS_DATE;
  if (asDate !== undefined && asDate !== '')
    patch.retryAfterAsDate = asDate === '1' || asDate.toLowerCase() === 'true';
  return parseFaultPatch(patch);
}

export type FaultDecision =
  | { kind: 'none'; malformed: boolean; delayMs: number }
  | {
      kind: 'fail';
      status: number;
      retryAfterSeconds: number | null;
      delayMs: number;
      reason?: RateLimitReason;
    }
  | { kind: 'malformed'; status: number; delayMs: number };

/** Holds the current configuration and decides, per request, what goes wrong. */
export class FaultInjector {
  private config: FaultConfig;
  private rng: Prng;

  constructor(
    private readonly seed: number,
    initial: Partial<FaultConfig> = {},
  ) {
    this.rng = new Prng(subSeed(seed, 'faults'));
    this.config = { ...DEFAULT_FAULTS, failNext: [], burstPerSecondByRoute: {}, ...parseFaultPatch(initial) };
  }

  get(): FaultConfig {
    return {
      ...this.config,
      failNext: this.config.failNext.map((f) => ({ ...f })),
      burstPerSecondByRoute: { ...this.config.burstPerSecondByRoute },
    };
  }

  /** The live configuration, read per request without copying (never mutate it). */
  current(): Readonly<FaultConfig> {
    return this.config;
  }

  /** Merge a validated patch into the configuration (failNext, when given, replaces the queue). */
  set(patch: Partial<FaultConfig>): void {
    const parsed = parseFaultPatch(patch);
    this.config = {
      ...this.config,
      ...parsed,
      failNext: (parsed.failNext ?? this.config.failNext).map((f) => ({ ...f })),
      burstPerSecondByRoute: { ...(parsed.burstPerSecondByRoute ?? this.config.burstPerSecondByRoute) },
    };
  }

  reset(): void {
    this.config = { ...DEFAULT_FAULTS, failNext: [], burstPerSecondByRoute: {} };
    this.rng = new Prng(subSeed(this.seed, 'faults'));
  }

  /** Decide the fault for one `/rest/` request. `paged` marks search pages (slowPageMs applies). */
  decide(path: string, paged: boolean): FaultDecision {
    const c = this.config;
    let delayMs = c.latencyMs + (c.jitterMs > 0 ? Math.floor(this.rng.next() * (c.jitterMs + 1)) : 0);
    if (paged) delayMs += c.slowPageMs;

    const idx = c.failNext.findIndex((f) => f.pathPrefix === undefined || path.startsWith(f.pathPrefix));
    if (idx >= 0) {
      const entry = c.failNext[idx] as FailNext;
      entry.count--;
      if (entry.count <= 0) c.failNext.splice(idx, 1);
      if (entry.malformed) return { kind: 'malformed', status: entry.status, delayMs };
      return {
        kind: 'fail',
        status: entry.status,
        retryAfterSeconds:
          entry.status === 429 || entry.status === 503
            ? (entry.retryAfterSeconds ?? c.retryAfterSeconds)
            : (entry.retryAfterSeconds ?? null),
        delayMs,
        ...(entry.reason ? { reason: entry.reason } : {}),
      };
    }
    if (c.rate429 > 0 && this.rng.next() < c.rate429) {
      return { kind: 'fail', status: 429, retryAfterSeconds: c.retryAfterSeconds, delayMs };
    }
    if (c.rate5xx > 0 && this.rng.next() < c.rate5xx) {
      const status = this.rng.pick([500, 502, 503, 504]);
      return { kind: 'fail', status, retryAfterSeconds: null, delayMs };
    }
    const malformed = c.malformedRate > 0 && this.rng.next() < c.malformedRate;
    return { kind: 'none', malformed, delayMs };
  }

  retryAfterHeader(seconds: number, now: number): string {
    if (this.config.retryAfterAsDate) return new Date(now + seconds * 1000).toUTCString();
    return String(seconds);
  }
}

/** Cut a JSON text so it cannot parse (a prefix of an object or array never closes). */
export function truncateJson(text: string): string {
  if (text.length <= 1) return '{';
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
