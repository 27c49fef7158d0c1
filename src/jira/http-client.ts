import { buildUrlPath, type JiraRequest, type JiraResponse, type JiraTransport } from './transport';

export interface HttpTransportOptions {
  /** Site root, e.g. `https://your-site.atlassian.net` or the local simulator's URL. */
  baseUrl: string;
  /** Full Authorization header value, e.g. `Basic base64(email:token)`. */
  authorization: string;
  /** Abort a request that takes longer than this (network timeout). */
  timeoutMs?: number;
  /** Refuse writes: pointing the local host at a real site is read-only by default. */
  readOnly?: boolean;
}

export class ReadOnlyViolation extends Error {}

/** Jira over plain HTTP with an API token: the local simulator and real Jira Cloud sites. */
export function createHttpTransport(options: HttpTransportOptions): JiraTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    async send(request: JiraRequest): Promise<JiraResponse> {
      if (options.readOnly && request.method !== 'GET' && !isReadOnlyPost(request)) {
        throw new ReadOnlyViolation(
          `${request.method} ${request.path} refused: this Jira connection is read-only`,
        );
      }
      const response = await fetch(baseUrl + buildUrlPath(request.path, request.query), {
        method: request.method,
        headers: {
          authorization: options.authorization,
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name), text };
    },
  };
}

/** POSTs that only read (search, counts, bulk fetch, JQL parse, permission checks). */
function isReadOnlyPost(request: JiraRequest): boolean {
  return (
    request.method === 'POST' &&
    /^\/rest\/api\/3\/(search\/jql|search\/approximate-count|issue\/bulkfetch|jql\/parse|permissions\/project)$/.test(
      request.path,
    )
  );
}

export function basicAuthorization(email: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
}
