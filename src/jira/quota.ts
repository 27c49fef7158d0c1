/**
 * Jira Cloud's hourly points quota (since March 2026), read from response headers, and the pure
 * pacing rules a refresh run follows so it leaves a share of the site's quota to everyone else.
 *
 * Headers (structured fields, as Jira sends them):
 *   Beta-RateLimit-Policy: "tenant-app-quota";q=65000;w=3600     quota and window (seconds)
 *   Beta-RateLimit:        "tenant-app-quota";r=17842;t=2107     remaining points, seconds to reset
 *   RateLimit-Reason:      jira-quota-tenant-based | jira-quota-global-based | jira-burst-based |
 *                          jira-per-issue-on-write                (on a 429; seen as X-Beta-RateLimit-Reason too)
 * Jira has been seen dropping the policy header once the quota is spent, so `limit` can be unknown.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors';

export const QuotaReadingSchema = z.object({
  /** Points per window (`q`), null when the answer did not say. */
  limit: z.number().int().nonnegative().nullable(),
  remaining: z.number().int().nonnegative(),
  /** Epoch ms at which the window resets. */
  resetAt: z.number().int(),
  /** `RateLimit-Reason` of the answer, if it had one. */
  reason: z.string().optional(),
});
export type QuotaReading = z.infer<typeof QuotaReadingSchema>;

/** By default a run spends at most half of what remains of the site's quota. */
export const DEFAULT_RESERVE_SHARE = 0.5;
export const ReserveShareSchema = z.number().min(0).max(1);

/** When a quota 429 tells no reset time at all, assume the worst: a whole window. */
export const QUOTA_WINDOW_MS = 3_600_000;

export type HeaderLookup = (name: string) => string | null;

/** A 429 whose reason is the points quota (tenant or global), not a burst or a per-issue limit. */
export function isQuotaReason(reason: string | null | undefined): boolean {
  return typeof reason === 'string' && reason.trim().toLowerCase().startsWith('jira-quota');
}

/** Longer header values are not Jira's: ignore them rather than parse them. */
const MAX_HEADER_LENGTH = 1000;

interface StructuredItem {
  name: string;
  params: Map<string, string>;
}

/** `"name";k=v;k=v, "other";k=v` -> items. Tolerates spaces, unquoted names and quoted values. */
function parseStructuredList(value: string | null): StructuredItem[] {
  if (value === null || value.length > MAX_HEADER_LENGTH) return [];
  const items: StructuredItem[] = [];
  for (const rawItem of value.split(',')) {
    const [rawName, ...rawParams] = rawItem.split(';').map((part) => part.trim());
    const name = (rawName ?? '').replace(/^"(.*)"$/, '$1');
    if (name === '' || /["\s=]/.test(name)) continue;
    const params = new Map<string, string>();
    for (const param of rawParams) {
      const eq = param.indexOf('=');
      if (eq <= 0) continue;
      const key = param.slice(0, eq).trim().toLowerCase();
      const paramValue = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      params.set(key, paramValue);
    }
    items.push({ name, params });
  }
  return items;
}

/** A non-negative decimal number (no exponent, no sign), or null. */
function nonNegative(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,15}(\.\d{1,6})?$/.test(value)) return null;
  return Number(value);
}

function pickQuotaItem(items: StructuredItem[], need: string[]): StructuredItem | undefined {
  const usable = items.filter((item) => need.every((key) => item.params.has(key)));
  return (
    usable.find((item) => item.name === 'tenant-app-quota') ??
    usable.find((item) => item.name.includes('quota')) ??
    usable[0]
  );
}

/** `Retry-After`: delay seconds or an HTTP date. Milliseconds to wait, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '' || value.length > MAX_HEADER_LENGTH) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}(\.\d{1,6})?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/**
 * `X-RateLimit-Reset` (or `X-Beta-RateLimit-Reset`, seen on quota answers): Atlassian documents an
 * ISO 8601 timestamp (`2026-03-26T16:00Z`); epoch seconds are accepted too. Milliseconds to wait,
 * or null when absent or unreadable.
 */
export function parseRateLimitReset(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '' || value.length > MAX_HEADER_LENGTH) return null;
  const trimmed = value.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000 - nowMs);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** The reason a 429 names, from either header form; null when absent or not a plain token. */
export function rateLimitReason(header: HeaderLookup): string | null {
  const raw = header('ratelimit-reason') ?? header('x-beta-ratelimit-reason');
  if (raw === null) return null;
  const reason = raw.trim();
  return /^[A-Za-z0-9._-]{1,100}$/.test(reason) ? reason : null;
}

/**
 * The quota as one answer's headers tell it, or null when they tell nothing usable. Reads
 * `Beta-RateLimit`/`Beta-RateLimit-Policy` (and the unprefixed IETF `RateLimit`/`RateLimit-Policy`);
 * a quota 429 without them still yields `remaining: 0` when `Retry-After` or `X-RateLimit-Reset`
 * says when the window resets. Malformed values are ignored, never thrown.
 */
export function parseRateLimitHeaders(header: HeaderLookup, nowMs: number): QuotaReading | null {
  const safe: HeaderLookup = (name) => {
    try {
      const value = header(name);
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  };
  const reason = rateLimitReason(safe);
  const policies = parseStructuredList(safe('beta-ratelimit-policy') ?? safe('ratelimit-policy'));
  const current = pickQuotaItem(parseStructuredList(safe('beta-ratelimit') ?? safe('ratelimit')), ['r', 't']);
  const policy =
    policies.find((item) => item.name === current?.name && item.params.has('q')) ??
    pickQuotaItem(policies, ['q']);
  const q = nonNegative(policy?.params.get('q'));
  const limit = q === null ? null : Math.floor(q);
  const withReason = reason === null ? {} : { reason };

  const remaining = nonNegative(current?.params.get('r'));
  const resetSeconds = nonNegative(current?.params.get('t'));
  if (remaining !== null && resetSeconds !== null) {
    return {
      limit,
      remaining: Math.floor(remaining),
      resetAt: Math.round(nowMs + resetSeconds * 1000),
      ...withReason,
    };
  }
  if (isQuotaReason(reason)) {
    const wait =
      parseRetryAfter(safe('retry-after'), nowMs) ??
      parseRateLimitReset(safe('x-ratelimit-reset') ?? safe('x-beta-ratelimit-reset'), nowMs);
    if (wait !== null) return { limit, remaining: 0, resetAt: Math.round(nowMs + wait), ...withReason };
  }
  return null;
}

function checkReserveShare(reserveShare: number): number {
  const parsed = ReserveShareSchema.safeParse(reserveShare);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', `The quota reserve share must be between 0 and 1, got ${reserveShare}`);
  }
  return parsed.data;
}

/**
 * Points a run may still spend now: `(1 - reserveShare)` of what remains ("spend at most half of
 * what remains" by default). Unknown quota (no reading: API-token traffic, or Jira sent no headers):
 * Infinity. A reading whose window has passed (`nowMs` at or after `resetAt`) counts as a fresh
 * window of `limit` points.
 */
export function quotaAllowance(
  reading: QuotaReading | null,
  reserveShare: number = DEFAULT_RESERVE_SHARE,
  nowMs?: number,
): number {
  const share = checkReserveShare(reserveShare);
  if (reading === null) return Number.POSITIVE_INFINITY;
  if (nowMs !== undefined && nowMs >= reading.resetAt) {
    return reading.limit === null ? Number.POSITIVE_INFINITY : Math.floor(reading.limit * (1 - share));
  }
  return Math.floor(reading.remaining * (1 - share));
}

/** What `shouldDefer` reads from a RequestMeter. */
export interface QuotaObservations {
  /** The latest reading. */
  quota: QuotaReading | null;
  /** The first reading of the current window (what remained when this meter started spending it). */
  quotaBaseline: QuotaReading | null;
}

/**
 * Whether a run should stop now and continue in the next window rather than spend `plannedPoints`:
 * it would leave less than `reserveShare` of what remained when the meter first saw this window
 * (others' spending counts too, since `remaining` is the site's). No reading: never defer.
 */
export function shouldDefer(
  meter: QuotaObservations,
  plannedPoints: number,
  reserveShare: number = DEFAULT_RESERVE_SHARE,
  nowMs?: number,
): boolean {
  const share = checkReserveShare(reserveShare);
  const reading = meter.quota;
  if (reading === null) return false;
  if (nowMs !== undefined && nowMs >= reading.resetAt) return false;
  const baseline =
    meter.quotaBaseline !== null && meter.quotaBaseline.resetAt >= reading.resetAt - QUOTA_WINDOW_MS / 2
      ? meter.quotaBaseline
      : reading;
  const reserve = Math.ceil(baseline.remaining * share);
  return reading.remaining - Math.max(0, plannedPoints) < reserve;
}
