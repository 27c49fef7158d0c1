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
 * Reads Retry-After as Jira sends it: delay seconds, or an HTTP date. Returns milliseconds, or
 * null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
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
  | { kind: 'network-error'; error: unknown; attempts: number };

/**
 * Sends a request, retrying 429 (after Retry-After), 5xx and network failures with backoff.
 * `isAcceptable` lets the caller retry a 200 whose body is not what it must be (malformed JSON).
 * Returns the last response (which may still be an error status) so the caller reports it.
 */
export async function sendWithRetry(
  transport: JiraTransport,
  request: JiraRequest,
  policy: RetryPolicy,
  env: RetryEnvironment,
  isAcceptable: (response: JiraResponse) => boolean,
  onAttempt?: () => void,
): Promise<RetryOutcome> {
  let lastOutcome: RetryOutcome | undefined;
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    onAttempt?.();
    let delay: number;
    try {
      const response = await transport.send(request);
      lastOutcome = { kind: 'response', response, attempts: attempt + 1 };
      const retryable =
        isRetryableStatus(response.status) || (response.status < 300 && !isAcceptable(response));
      if (!retryable) return lastOutcome;
      const retryAfter =
        response.status === 429 ? parseRetryAfter(response.header('retry-after'), env.now()) : null;
      delay =
        retryAfter !== null
          ? Math.min(policy.maxDelayMs, retryAfter + Math.round(env.random() * 250))
          : backoffDelay(policy, attempt, env.random);
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      lastOutcome = { kind: 'network-error', error, attempts: attempt + 1 };
      delay = backoffDelay(policy, attempt, env.random);
    }
    const isLast = attempt === policy.maxAttempts - 1;
    if (isLast || (policy.deadline !== undefined && env.now() + delay > policy.deadline)) break;
    await env.sleep(delay);
  }
  if (!lastOutcome) throw new Error('sendWithRetry: maxAttempts must be at least 1');
  return lastOutcome;
}

/** fetch failures and timeouts; programming errors are not retried. */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error.name === 'TypeError' && /fetch failed|network|socket/i.test(error.message)) ||
    error.name === 'AbortError' ||
    error.name === 'TimeoutError' ||
    error.name === 'FetchError' ||
    /^E[A-Z]+$/.test(String((error as { code?: unknown }).code))
  );
}
