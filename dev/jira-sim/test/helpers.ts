/** Shared helpers for the simulator's tests (not a test file). */
import {
  basicAuthHeader,
  createJiraSim,
  type JiraSim,
  type JiraSimOptions,
  type SimRole,
  simUser,
} from '../index';

/** A fixed "now" so generated data and date assertions are stable. */
export const TEST_NOW = new Date('2026-03-02T10:00:00.000Z');

export function startSim(options: JiraSimOptions = {}): Promise<JiraSim> {
  return createJiraSim({ seed: 7, projects: 6, issuesPerProject: 40, now: TEST_NOW, port: 0, ...options });
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body (undefined when empty or not JSON). */
  json: unknown;
}

export type As = SimRole | 'anonymous' | { authorization: string };

export async function call(
  sim: JiraSim,
  as: As,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<CallResult> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (typeof as === 'object') h.authorization = as.authorization;
  else if (as !== 'anonymous') h.authorization = basicAuthHeader(simUser(as));
  if (body !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
  const res = await fetch(sim.url + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Narrow an unknown JSON value to a record (throws in tests when it is not one). */
export function obj(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

export function arr(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new Error(`not an array: ${JSON.stringify(v)}`);
  return v;
}

/** Follow `nextPageToken` until `isLast`; returns every page's issues. */
export async function searchAll(
  sim: JiraSim,
  as: As,
  body: Record<string, unknown>,
): Promise<{ issues: Record<string, unknown>[]; pages: number }> {
  const issues: Record<string, unknown>[] = [];
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    const res = await call(sim, as, 'POST', '/rest/api/3/search/jql', {
      ...body,
      ...(token ? { nextPageToken: token } : {}),
    });
    if (res.status !== 200) throw new Error(`search failed ${res.status}: ${res.text}`);
    const page = obj(res.json);
    pages++;
    for (const i of arr(page.issues)) issues.push(obj(i));
    if (page.isLast === true) return { issues, pages };
    token = String(page.nextPageToken);
    if (pages > 10_000) throw new Error('too many pages');
  }
}
