import { basicAuthHeader, SIM_USERS, type SimUser } from '../../dev/jira-sim/users';
import type { ResolverInput, ResolverKey, ResolverOutput } from '../../src/contracts/resolver-contract';
import type { Stack } from './stack';

/**
 * What browser tests ask outside the browser: the app's resolvers through the host (`/__invoke`, as
 * the bridge shim does) and the simulator directly as a user (the oracle pages are checked against).
 */

/** The simulator user with `accountId`. */
export function simUserById(accountId: string): SimUser {
  const user = SIM_USERS.find((candidate) => candidate.accountId === accountId);
  if (!user) throw new Error(`no simulator user ${accountId}`);
  return user;
}

/**
 * Calls a resolver through the host as `accountId` and answers the raw response: data with 200, a
 * typed failure with its HTTP status. For tests of refusals.
 */
export function invokeResponse(
  stack: Stack,
  functionKey: string,
  accountId: string,
  payload: unknown,
  options: { bridge?: boolean } = {},
): Promise<Response> {
  return fetch(`${stack.url}/__invoke/${functionKey}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-account-id': accountId,
      // The bridge shim's mode: typed failures come back with 200 as `{ ok: false, error }`.
      ...(options.bridge ? { 'x-pmo-bridge': '1' } : {}),
    },
    body: JSON.stringify(payload),
  });
}

/** Calls a resolver through the host as `accountId`, typed by the contract; fails unless it answers data. */
export async function invoke<K extends ResolverKey>(
  stack: Stack,
  functionKey: K,
  accountId: string,
  payload: ResolverInput<K>,
): Promise<ResolverOutput<K>> {
  const response = await invokeResponse(stack, functionKey, accountId, payload);
  if (response.status !== 200) {
    throw new Error(`${functionKey} as ${accountId} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as ResolverOutput<K>;
}

/** A request to the simulator's REST API as `user` (Basic auth with that user's API token). */
export function simRequest(
  stack: Stack,
  user: SimUser,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${stack.sim.url}${path}`, {
    method,
    headers: {
      authorization: basicAuthHeader(user),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * The project keys `accountId` may browse, asked of the simulator directly as that user (not
 * through the app): the oracle the app's pages are checked against.
 */
export async function browsableProjectKeys(stack: Stack, accountId: string): Promise<string[]> {
  const user = simUserById(accountId);
  const keys: string[] = [];
  for (let startAt = 0; ; ) {
    const path = `/rest/api/3/project/search?startAt=${startAt}&maxResults=50`;
    const response = await simRequest(stack, user, 'GET', path);
    if (!response.ok) throw new Error(`project/search as ${accountId} answered ${response.status}`);
    const page = (await response.json()) as { values: { key: string }[]; isLast?: boolean };
    keys.push(...page.values.map((project) => project.key));
    startAt += page.values.length;
    if (page.isLast !== false || page.values.length === 0) return keys.sort();
  }
}

/** Edits an issue's fields in the simulator as `user`; fails unless Jira accepts it (204). */
export async function editIssue(
  stack: Stack,
  user: SimUser,
  issueKey: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const response = await simRequest(stack, user, 'PUT', `/rest/api/3/issue/${issueKey}`, { fields });
  if (response.status !== 204) {
    throw new Error(`editing ${issueKey} answered ${response.status}: ${await response.text()}`);
  }
}

/** Moves an issue to the status named `statusName` in the simulator as `user` (no validator runs). */
export async function transitionIssue(
  stack: Stack,
  user: SimUser,
  issueKey: string,
  statusName: string,
): Promise<void> {
  const path = `/rest/api/3/issue/${issueKey}/transitions`;
  const listed = await simRequest(stack, user, 'GET', path);
  const { transitions } = (await listed.json()) as { transitions: { id: string; to: { name: string } }[] };
  const transition = transitions.find((candidate) => candidate.to.name === statusName);
  if (!transition) throw new Error(`${issueKey} cannot move to ${statusName}`);
  const moved = await simRequest(stack, user, 'POST', path, { transition: { id: transition.id } });
  if (moved.status !== 204)
    throw new Error(`moving ${issueKey} answered ${moved.status}: ${await moved.text()}`);
}

/** Asks until `done` answers true (a condition, never a fixed sleep), for at most `timeoutMs`. */
export async function waitUntil(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
