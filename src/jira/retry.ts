import {
  isQuotaReason,
  parseRateLimitHeaders,
  parseRateLimitReset,
  parseRetryAfter,
  QUOTA_WINDOW_MS,
  rateLimitReason,
} from './quota';
import type { JiraRequest, JiraResponse, JiraTransport } from './transport';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff step for 5xx, network errors and malformed bodies; doubles each attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever Retry-After asks. */
  maxDelayMs: number;
  /** Give up rather than wait past this moment (epoch ms): an invocation has a hard time limit. */
  deadline?: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 400, maxDelayMs: 20_000 };

export interface RetryEnvironment {
  sleep(ms: number): Promise<void>;
  now(): number;
  random(): number;
}

export const realRetryEnvironment: RetryEnvironment = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: Math.random,
};

/**
 * A quota 429 asking for a longer wait than this is not slept through: the run defers to the next
 * window instead (QuotaExhaustedError), whatever the retry policy would allow.
 */
export const QUOTA_WAIT_LIMIT_MS = 60_000;

/**
 * How long the answer asks us to wait: `Retry-After` (seconds or HTTP date), else
 * `X-RateLimit-Reset` (ISO timestamp). Read on 429 and on 5xx (a 503 may carry it too).
 */
export function requestedWait(response: JiraResponse, nowMs: number): number | null {
  if (!isRetryableStatus(response.status)) return null;
  return (
    parseRetryAfter(response.header('retry-after'), nowMs) ??
    parseRateLimitReset(
      response.header('x-ratelimit-reset') ?? response.header('x-beta-ratelimit-reset'),
      nowMs,
    )
  );
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Full-jitter exponential backoff: a random wait in [0, base * 2^attempt], capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

export type RetryOutcome =
  | { kind: 'response'; response: JiraResponse; attempts: number }
  | { kind: 'network-error'; error: unknown; attempts: number }
  /** The points quota is spent until `retryAt` (epoch ms), later than this call may wait. */
  | { kind: 'quota-exhausted'; response: JiraResponse; retryAt: number; attempts: number };

/** When a quota 429 lets us try again: its headers, or else a whole window from now. */
function quotaRetryAt(response: JiraResponse, nowMs: number): number {
  const wait = requestedWait(response, nowMs);
  if (wait !== null) return nowMs + wait;
  const reading = parseRateLimitHeaders((name) => response.header(name), nowMs);
  return reading !== null && reading.resetAt > nowMs ? reading.resetAt : nowMs + QUOTA_WINDOW_MS;
}

/**
 * Sends a request, retrying 429 and 5xx (after Retry-After or X-RateLimit-Reset when the answer has
 * them, else with backoff), network failures and unacceptable bodies. `isAcceptable` lets the caller
 * retry a 200 whose body is not what it must be (malformed JSON). A 429 for the points quota whose
 * wait is longer than `QUOTA_WAIT_LIMIT_MS`, `maxDelayMs` or the deadline allows, or that is the last
 * attempt, ends as 'quota-exhausted' without sleeping. Otherwise returns the last response (which may
 * still be an error status) so the caller reports it. `onResponse` sees every answer (quota meter).
 */
export async function sendWithRetry(
  transport: JiraTransport,
  request: JiraRequest,
  policy: RetryPolicy,
  env: RetryEnvironment,
  isAcceptable: (response: JiraResponse) => boolean,
  onAttempt?: () => void,
  onResponse?: (response: JiraResponse) => void,
): Promise<RetryOutcome> {
  let lastOutcome: RetryOutcome | undefined;
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    onAttempt?.();
    const isLast = attempt === policy.maxAttempts - 1;
    let delay: number;
    try {
      const response = await transport.send(request);
      onResponse?.(response);
      lastOutcome = { kind: 'response', response, attempts: attempt + 1 };
      const retryable =
        isRetryableStatus(response.status) || (response.status < 300 && !isAcceptable(response));
      if (!retryable) return lastOutcome;
      const now = env.now();
      if (response.status === 429 && isQuotaReason(rateLimitReason((name) => response.header(name)))) {
        const retryAt = quotaRetryAt(response, now);
        const wait = retryAt - now;
        delay = wait + Math.round(env.random() * 250);
        const tooLong =
          wait > Math.min(QUOTA_WAIT_LIMIT_MS, policy.maxDelayMs) ||
          (policy.deadline !== undefined && now + delay > policy.deadline);
        if (tooLong || isLast) return { kind: 'quota-exhausted', response, retryAt, attempts: attempt + 1 };
      } else {
        const requested = requestedWait(response, now);
        delay =
          requested !== null
            ? Math.min(policy.maxDelayMs, requested + Math.round(env.random() * 250))
            : backoffDelay(policy, attempt, env.random);
      }
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      lastOutcome = { kind: 'network-error', error, attempts: attempt + 1 };
      delay = backoffDelay(policy, attempt, env.random);
    }
    if (isLast || (policy.deadline !== undefined && env.now() + delay > policy.deadline)) break;
    await env.sleep(delay);
  }
  if (!lastOutcome) throw new Error('sendWithRetry: maxAttempts must be at least 1');
  return lastOutcome;
}

/**
 * fetch failures and timeouts; programming errors are not retried. Recognised by name and code, not
 * `instanceof Error`: fetch's errors may come from another realm (Node's own fetch under a test
 * sandbox), and a connection reset on a stale keep-alive socket must be retried there too.
 */
function isNetworkError(candidate: unknown): boolean {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const error = candidate as { name?: unknown; message?: unknown; code?: unknown };
  if (typeof error.name !== 'string' || typeof error.message !== 'string') return false;
  return (
    (error.name === 'TypeError' && /fetch failed|network|socket/i.test(error.message)) ||
    error.name === 'AbortError' ||
    error.name === 'TimeoutError' ||
    error.name === 'FetchError' ||
    /^E[A-Z]+$/.test(String((error as { code?: unknown }).code))
  );
}
