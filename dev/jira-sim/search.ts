/** JQL search over the site for one user, with a small result cache so paging a large result stays cheap. */
import { createHash } from 'node:crypto';
import type { Access } from './access';
import { JiraError } from './http';
import { compileJql, JqlSyntaxError, parseJql } from './jql';
import type { SimState } from './state';
import type { SimIssue } from './types';

export const UNBOUNDED_MESSAGE =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface CacheEntry {
  version: number;
  at: number;
  issues: SimIssue[];
}

/**
 * LRU of sorted search results keyed by (user, JQL). Entries die when the data changes, and after
 * `ttlMs` (relative dates such as `-1d` or `now()` move with the clock).
 */
export class SearchCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly capacity = 32,
    private readonly ttlMs = 60_000,
  ) {}

  get(key: string, version: number): SimIssue[] | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.version !== version || Date.now() - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.issues;
  }

  set(key: string, version: number, issues: SimIssue[]): void {
    this.entries.set(key, { version, at: Date.now(), issues });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface SearchOptions {
  state: SimState;
  access: Access;
  now: number;
  cache?: SearchCache;
  /** Jira's search endpoints refuse queries without a restriction. */
  requireBounded?: boolean;
  /**
   * The issue as the search index sees it (search lag); the result holds these views. Searches
   * with a view are not cached, since the view changes with the clock and the request.
   */
  view?: (issue: SimIssue) => SimIssue;
}

/** Parse + validate + evaluate; throws a 400 JiraError with Jira's messages for bad JQL. */
export function searchIssues(jql: string, opts: SearchOptions): SimIssue[] {
  const key = `${opts.access.user.accountId}\u0000${jql}`;
  const cache = opts.view ? undefined : opts.cache;
  const cached = cache?.get(key, opts.state.version);
  if (cached) return cached;

  let query: ReturnType<typeof parseJql>;
  try {
    query = parseJql(jql);
  } catch (e) {
    if (e instanceof JqlSyntaxError) throw new JiraError(400, [e.message]);
    throw e;
  }
  if (opts.requireBounded && !query.where) throw new JiraError(400, [UNBOUNDED_MESSAGE]);
  const compiled = compileJql(query, {
    state: opts.state,
    access: opts.access,
    now: opts.now,
    validation: 'strict',
  });
  if (compiled.errors.length > 0) throw new JiraError(400, compiled.errors);

  const { state, access } = opts;
  const out: SimIssue[] = [];
  const view = opts.view;
  const consider = (live: SimIssue) => {
    const issue = view ? view(live) : live;
    if (access.canSee(issue) && compiled.predicate(issue)) out.push(issue);
  };
  if (compiled.scopeIssues) {
    for (const id of compiled.scopeIssues) {
      const issue = state.issueById.get(id);
      if (issue && (!compiled.scopeProjects || compiled.scopeProjects.has(issue.projectIdx))) consider(issue);
    }
  } else {
    const projects = compiled.scopeProjects ? [...compiled.scopeProjects] : access.browsableProjects();
    for (const idx of projects) {
      if (!access.canBrowse(idx)) continue;
      for (const issue of state.issuesByProject[idx] ?? []) consider(issue);
    }
  }
  out.sort(compiled.compare);
  cache?.set(key, state.version, out);
  return out;
}

/** Opaque page token: offset plus a fingerprint of the query it belongs to. */
export function encodePageToken(offset: number, jql: string): string {
  const payload = JSON.stringify({ o: offset, q: fingerprint(jql) });
  return Buffer.from(payload, 'utf8').toString('base64url');
}

export function decodePageToken(token: string, jql: string): number {
  const invalid = () => new JiraError(400, ['The provided next page token is invalid or expired.']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { o, q } = parsed as { o?: unknown; q?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || q !== fingerprint(jql)) throw invalid();
  return o;
}

function fingerprint(jql: string): string {
  return createHash('sha1').update(jql).digest('base64url').slice(0, 12);
}
