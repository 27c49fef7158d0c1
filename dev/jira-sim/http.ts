/** Request context, Jira-style errors and the route table type shared by the route modules. */
import type { IncomingMessage } from 'node:http';
import type { Access } from './access';
import type { FaultInjector } from './faults';
import type { RateLimiter } from './limits';
import type { Renderer } from './render';
import type { SearchCache } from './search';
import type { SearchLag } from './search-lag';
import type { SimState } from './state';
import type { SimUser } from './users';

export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown by handlers; becomes `{ errorMessages, errors }` with the status. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'JiraError';
  }

  toBody(): ErrorCollection {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export function errorBody(messages: string[], errors: Record<string, string> = {}): ErrorCollection {
  return { errorMessages: messages, errors };
}

export interface Reply {
  status: number;
  /** JSON body; omitted for 204 and empty responses. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimRuntime {
  state: SimState;
  faults: FaultInjector;
  searchCache: SearchCache;
  users: readonly SimUser[];
  limits: RateLimiter;
  searchLag: SearchLag;
}

export interface Ctx {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  user: SimUser;
  /** False for anonymous calls to routes that allow them. */
  authenticated: boolean;
  access: Access;
  render: Renderer;
  state: SimState;
  runtime: SimRuntime;
  base: string;
  /** The site clock (ms). */
  now: number;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: Method;
  /** Template with `{param}` segments, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  path: string;
  handler: (ctx: Ctx) => Reply;
  /** Anonymous callers allowed (Jira serves serverInfo without auth). */
  anonymous?: boolean;
  /** A search page: `slowPageMs` applies. */
  paged?: boolean;
  /**
   * The objects (issues, projects, users) a successful answer returns: each costs a quota point on
   * top of the request's one. Routes without it cost 1 point.
   */
  objects?: (body: unknown) => number;
}

/** Length of the array at `body[key]` (0 when absent): the object count of list answers. */
export function countOf(key: string): (body: unknown) => number {
  return (body) => {
    if (body === null || typeof body !== 'object') return 0;
    const list = (body as Record<string, unknown>)[key];
    return Array.isArray(list) ? list.length : 0;
  };
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });

/** All values of a query parameter, comma lists split. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw new JiraError(400, [`The value '${raw}' is not valid for the parameter '${name}'.`]);
  }
  return Number(raw);
}

/** The request body as a JSON object, or a 400 like Jira's. */
export function objectBody(ctx: Ctx): Record<string, unknown> {
  const b = ctx.body;
  if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) {
    throw new JiraError(400, ['The request body is missing or is not a JSON object.']);
  }
  return b as Record<string, unknown>;
}

/** A string array in a body (strings or comma lists), or undefined when absent. */
export function stringArray(body: Record<string, unknown>, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw new JiraError(400, [`'${name}' must be an array of strings.`]);
}
