/**
 * A fake of the Forge platform underneath `@forge/kvs`, `@forge/events` and `@forge/api`.
 *
 * Those packages do their work through one global the Forge runtime provides,
 * `__forge_fetch__(target, path, init)`: KVS calls go to `{ type: 'kvs' }` (`POST /api/v1/set` ...),
 * `requestJira` to `{ type: 'fpp', remote: 'jira', provider: 'app' | 'user' }`, queue pushes to
 * `{ type: 'fpp', remote: 'stargate' }` at `/webhook/queue/publish/...`. Faking that global, rather
 * than the packages, lets the adapters under test run on the real client code: its request shapes,
 * its validation (50 events per push, 200 KB), its error classes (`ForgeKvsAPIError` with `code`
 * and `responseDetails.status`, `RateLimitError`, `ProxyRequestError`) and its response handling.
 *
 * The KVS behaviour follows Forge's documentation (keys of at most 500 characters matching
 * /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/, values of at most 240 KiB, queries of at most 100 per page with
 * an opaque cursor, `KEY_NOT_FOUND` 404 bodies as the package's own tests show them). A create with
 * `keyPolicy: 'FAIL_IF_EXISTS'` on an existing key answers 409 with code `KEY_CONFLICT`; the
 * message text is deliberately unlike any real one, so that nothing can depend on it.
 */

export interface ForgeTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export interface JiraCall {
  provider: 'app' | 'user';
  accountId: string | undefined;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type JiraHandler = (call: JiraCall) => Response | Promise<Response>;

/** An error the fake KVS answers instead of performing a call. */
export interface KvsFault {
  /** `/api/v1/set`, `/api/v1/get`, `/api/v1/query`, `/api/v1/delete`. */
  path: string;
  status: number;
  code: string;
  message: string;
}

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const MAX_KEY_LENGTH = 500;
const MAX_VALUE_BYTES = 240 * 1024;
const MAX_QUERY_LIMIT = 100;

export class FakeForgePlatform {
  readonly kvs = new Map<string, string>();
  readonly kvsCalls: { path: string; body: unknown }[] = [];
  readonly pushes: { queueName: string; payload: { body: Record<string, unknown> }[] }[] = [];
  readonly jiraCalls: JiraCall[] = [];
  /** Answers the next queue pushes with these statuses (then 201 again). */
  readonly queueStatuses: number[] = [];
  private readonly kvsFaults: KvsFault[] = [];
  private jira: JiraHandler = () => json(404, { errorMessages: ['No Jira handler installed'] });
  private latency: (() => Promise<void>) | null = null;
  private previous: unknown;

  /** Makes this fake the platform of every Forge package call until {@link uninstall}. */
  install(): this {
    const scope = globalThis as { __forge_fetch__?: unknown };
    this.previous = scope.__forge_fetch__;
    scope.__forge_fetch__ = (target: ForgeTarget, path: string, init?: RequestInit) =>
      this.fetch(target, path, init);
    return this;
  }

  uninstall(): void {
    (globalThis as { __forge_fetch__?: unknown }).__forge_fetch__ = this.previous;
  }

  onJira(handler: JiraHandler): void {
    this.jira = handler;
  }

  /** The next KVS call to `fault.path` fails with `fault` instead of running. */
  failNextKvs(fault: KvsFault): void {
    this.kvsFaults.push(fault);
  }

  /** Every KVS call waits `wait()` before it takes effect (interleaves concurrent calls). */
  withKvsLatency(wait: () => Promise<void>): void {
    this.latency = wait;
  }

  private async fetch(target: ForgeTarget, path: string, init: RequestInit | undefined): Promise<Response> {
    const body = typeof init?.body === 'string' ? init.body : undefined;
    if (target.type === 'kvs') return this.kvsCall(path, body === undefined ? {} : JSON.parse(body));
    if (target.type === 'fpp' && target.remote === 'jira') {
      const provider = target.provider === 'user' ? 'user' : 'app';
      const call: JiraCall = {
        provider,
        accountId: target.accountId,
        method: init?.method ?? 'GET',
        path,
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body,
      };
      this.jiraCalls.push(call);
      return this.jira(call);
    }
    if (target.type === 'fpp' && target.remote === 'stargate' && path.startsWith('/webhook/queue/publish/')) {
      const status = this.queueStatuses.shift() ?? 201;
      if (status !== 201) return json(status, { message: 'queue unavailable' });
      const request = JSON.parse(body ?? '{}') as (typeof this.pushes)[number];
      this.pushes.push({ queueName: request.queueName, payload: request.payload });
      return new Response(null, { status: 201 });
    }
    return json(404, {
      message: `The fake Forge platform has no ${target.type} ${target.remote ?? ''} ${path}`,
    });
  }

  private async kvsCall(path: string, body: Record<string, unknown>): Promise<Response> {
    this.kvsCalls.push({ path, body });
    if (this.latency) await this.latency();
    const faultIndex = this.kvsFaults.findIndex((fault) => fault.path === path);
    if (faultIndex >= 0) {
      const [fault] = this.kvsFaults.splice(faultIndex, 1);
      if (fault) return json(fault.status, { code: fault.code, message: fault.message });
    }
    const key = typeof body.key === 'string' ? body.key : '';
    switch (path) {
      case '/api/v1/get': {
        const text = this.kvs.get(key);
        if (text === undefined)
          return json(404, { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
        return json(200, { key, value: JSON.parse(text) });
      }
      case '/api/v1/set': {
        const invalid = keyProblem(key);
        if (invalid) return json(400, invalid);
        const text = JSON.stringify(body.value);
        if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
          return json(400, {
            code: 'MAX_SIZE',
            message: 'The provided value has exceeded the maximum size limit.',
          });
        }
        const options = body.options as { keyPolicy?: string } | undefined;
        if (options?.keyPolicy === 'FAIL_IF_EXISTS' && this.kvs.has(key)) {
          return json(409, { code: 'KEY_CONFLICT', message: 'Write rejected by key policy' });
        }
        this.kvs.set(key, text);
        return new Response(null, { status: 204 });
      }
      case '/api/v1/delete': {
        if (!this.kvs.delete(key))
          return json(404, { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
        return new Response(null, { status: 204 });
      }
      case '/api/v1/query':
        return this.query(body);
      default:
        return json(404, { code: 'NOT_FOUND', message: `no such KVS endpoint ${path}` });
    }
  }

  private query(body: Record<string, unknown>): Response {
    const limit = typeof body.limit === 'number' ? body.limit : 10;
    if (limit < 1 || limit > MAX_QUERY_LIMIT) {
      return json(400, {
        code: 'LIST_QUERY_LIMIT_EXCEEDED',
        message: 'Limit for list query should be below 100.',
      });
    }
    const where = Array.isArray(body.where)
      ? (body.where as { property: string; condition: string; values: string[] }[])
      : [];
    if (where.length > 1) {
      return json(400, {
        code: 'QUERY_WHERE_INVALID',
        message: 'KVS queries should contain only a single "where" clause.',
      });
    }
    const clause = where[0];
    if (clause && (clause.property !== 'key' || clause.condition !== 'BEGINS_WITH')) {
      return json(400, {
        code: 'INVALID_FILTER_CONDITION',
        message: 'The specified condition is not supported.',
      });
    }
    const prefix = clause?.values[0] ?? '';
    // The cursor is opaque to clients: here, the last key of the page, base64-encoded.
    const after = typeof body.after === 'string' ? Buffer.from(body.after, 'base64').toString('utf8') : null;
    const keys = [...this.kvs.keys()]
      .filter((key) => key.startsWith(prefix) && (after === null || key > after))
      .sort();
    const page = keys.slice(0, limit);
    const data = page.map((key) => ({ key, value: JSON.parse(this.kvs.get(key) as string) as unknown }));
    const last = page.at(-1);
    return json(200, {
      data,
      ...(keys.length > limit && last !== undefined
        ? { cursor: Buffer.from(last, 'utf8').toString('base64') }
        : {}),
    });
  }
}

function keyProblem(key: string): { code: string; message: string } | null {
  if (key.length === 0)
    return { code: 'KEY_TOO_SHORT', message: 'The provided key needs to be more than one character.' };
  if (key.length > MAX_KEY_LENGTH) {
    return { code: 'KEY_TOO_LONG', message: 'The provided key has exceeded the maximum 500 characters.' };
  }
  if (!KEY_PATTERN.test(key)) {
    return {
      code: 'INVALID_KEY',
      message: 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
    };
  }
  return null;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
