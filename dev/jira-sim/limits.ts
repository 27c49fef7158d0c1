/**
 * Jira Cloud's three rate limits since March 2026, on the site clock: an hourly points quota (1 point
 * per request plus 1 per issue, project or user it returns; writes cost 1), a per-second burst limit
 * per endpoint, and a per-issue write limit. Every `/rest/` answer carries the quota headers; a
 * refusal is a 429 with `RateLimit-Reason`, `Retry-After` and `X-RateLimit-Reset`.
 */
import type { FaultConfig, RateLimitReason } from './faults';
import { HOUR_MS } from './time';

export const QUOTA_POLICY_NAME = 'tenant-app-quota';
export const QUOTA_WINDOW_SECONDS = 3600;
const BURST_WINDOW_MS = 1000;
/** Jira adds X-Beta-RateLimit-NearLimit when less than this share of the quota remains. */
const NEAR_LIMIT_SHARE = 0.2;

export interface QuotaStatus {
  limit: number;
  /** Points spent in the current window (may pass the limit: the request that crosses it is served). */
  spent: number;
  remaining: number;
  /** Site-clock ms of the window's start and end. */
  windowStart: number;
  resetAt: number;
  resetInSeconds: number;
}

export type LimitDecision =
  | { kind: 'allow' }
  | { kind: 'refuse'; reason: RateLimitReason; retryAfterSeconds: number; message: string };

export interface LimitedRequest {
  /** `METHOD /rest/api/3/path/{template}`, as the stats name routes. */
  route: string;
  /** The issue a write changes (PUT/POST/DELETE under `/issue/{issueIdOrKey}`), else null. */
  writeIssueId: number | null;
}

/** Timestamps inside a sliding window, oldest first. */
function prune(times: number[], now: number, windowMs: number): number[] {
  let drop = 0;
  while (drop < times.length && (times[drop] as number) <= now - windowMs) drop++;
  return drop === 0 ? times : times.slice(drop);
}

export class RateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private spent = 0;
  private readonly burst = new Map<string, number[]>();
  private readonly writes = new Map<number, number[]>();

  constructor(private readonly config: () => Readonly<FaultConfig>) {}

  /** Fixed hourly windows of the site clock, like Jira's top-of-the-hour resets. */
  quota(now: number): QuotaStatus {
    this.roll(now);
    const limit = this.config().quotaPointsPerHour;
    const resetAt = this.windowStart + HOUR_MS;
    return {
      limit,
      spent: this.spent,
      remaining: Math.max(0, limit - this.spent),
      windowStart: this.windowStart,
      resetAt,
      resetInSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }

  /** Decide before the request is handled; an admitted request is counted against burst and write limits. */
  admit(request: LimitedRequest, now: number): LimitDecision {
    const quota = this.quota(now);
    if (quota.remaining <= 0) {
      return {
        kind: 'refuse',
        reason: 'jira-quota-tenant-based',
        retryAfterSeconds: quota.resetInSeconds,
        message: `The app's hourly quota of ${quota.limit} points for this site is spent. It resets in ${quota.resetInSeconds} seconds.`,
      };
    }
    const config = this.config();
    const burstLimit = config.burstPerSecondByRoute[request.route] ?? config.burstPerSecond;
    let burstTimes: number[] | undefined;
    if (burstLimit > 0) {
      burstTimes = prune(this.burst.get(request.route) ?? [], now, BURST_WINDOW_MS);
      this.burst.set(request.route, burstTimes);
      if (burstTimes.length >= burstLimit) {
        return {
          kind: 'refuse',
          reason: 'jira-burst-based',
          retryAfterSeconds: secondsUntil((burstTimes[0] as number) + BURST_WINDOW_MS, now),
          message: `Too many requests to ${request.route}: at most ${burstLimit} per second.`,
        };
      }
    }
    let writeTimes: number[] | undefined;
    if (request.writeIssueId !== null && config.perIssueWrites > 0) {
      const windowMs = config.perIssueWriteWindowSeconds * 1000;
      writeTimes = prune(this.writes.get(request.writeIssueId) ?? [], now, windowMs);
      this.writes.set(request.writeIssueId, writeTimes);
      if (writeTimes.length >= config.perIssueWrites) {
        return {
          kind: 'refuse',
          reason: 'jira-per-issue-on-write',
          retryAfterSeconds: secondsUntil((writeTimes[0] as number) + windowMs, now),
          message: `Too many writes to this issue: at most ${config.perIssueWrites} every ${config.perIssueWriteWindowSeconds} seconds.`,
        };
      }
    }
    burstTimes?.push(now);
    writeTimes?.push(now);
    return { kind: 'allow' };
  }

  charge(points: number, now: number): void {
    this.roll(now);
    this.spent += points;
  }

  /** The quota headers every answer carries. */
  headers(now: number): Record<string, string> {
    const q = this.quota(now);
    const headers: Record<string, string> = {
      'beta-ratelimit-policy': `"${QUOTA_POLICY_NAME}";q=${q.limit};w=${QUOTA_WINDOW_SECONDS}`,
      'beta-ratelimit': `"${QUOTA_POLICY_NAME}";r=${q.remaining};t=${q.resetInSeconds}`,
    };
    if (q.remaining < q.limit * NEAR_LIMIT_SHARE) headers['x-beta-ratelimit-nearlimit'] = 'true';
    return headers;
  }

  /** Refill the quota and forget burst and write history (fault reset). */
  reset(): void {
    this.windowStart = Number.NEGATIVE_INFINITY;
    this.spent = 0;
    this.burst.clear();
    this.writes.clear();
  }

  private roll(now: number): void {
    const start = Math.floor(now / HOUR_MS) * HOUR_MS;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.spent = 0;
    }
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/**
 * Headers of a rate-limit 429. `X-RateLimit-Reset` is on the real clock (what a client compares it
 * with), the moment `Retry-After` points at.
 */
export function refusalHeaders(
  reason: RateLimitReason,
  retryAfterSeconds: number,
  retryAfterValue: string,
): Record<string, string> {
  return {
    'ratelimit-reason': reason,
    'retry-after': retryAfterValue,
    'x-ratelimit-reset': new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
  };
}
