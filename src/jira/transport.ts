/**
 * The lowest Jira seam: send one REST request, get status, headers and body text back.
 * Adapters: Forge's `requestJira` (forge-client.ts) and plain `fetch` (http-client.ts).
 * Retries, paging and parsing live above this, in one place for both.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type QueryValue = string | number | boolean | undefined | readonly string[];

export interface JiraRequest {
  method: HttpMethod;
  /** Path below the site root, already encoded, e.g. `/rest/api/3/issue/ABC-1`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export interface JiraResponse {
  status: number;
  header(name: string): string | null;
  text: string;
}

export interface JiraTransport {
  send(request: JiraRequest): Promise<JiraResponse>;
}

/** Builds `path?query` with Jira's conventions: repeated keys for arrays, undefined skipped. */
export function buildUrlPath(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(name, item);
    } else {
      params.append(name, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Encodes one path segment (issue key, property key) so it cannot change the route. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
