/** The HTTP server: routing, Basic auth, faults, stats, the `/__sim` control API and icon images. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Access } from './access';
import { truncateJson } from './faults';
import {
  type Ctx,
  errorBody,
  JiraError,
  type Method,
  type Reply,
  type RouteDef,
  type SimRuntime,
} from './http';
import { iconSvg } from './icons';
import { refusalHeaders } from './limits';
import { Renderer } from './render';
import { changelogRoutes } from './routes/changelog';
import { commentRoutes } from './routes/comments';
import { issueRoutes } from './routes/issues';
import { metaRoutes } from './routes/meta';
import { notifyRoutes } from './routes/notify';
import { permissionRoutes } from './routes/permissions';
import { projectRoutes } from './routes/projects';
import { roleRoutes } from './routes/roles';
import { searchRoutes } from './routes/search';
import { authenticate, type SimUser } from './users';

export interface SimStats {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** Quota points charged (1 per answered request plus 1 per issue, project or user returned). */
  points: number;
  pointsByRoute: Record<string, number>;
  /** 429 answers by `RateLimit-Reason`. */
  rateLimited: Record<string, number>;
}

const emptyStats = (): SimStats => ({
  total: 0,
  byRoute: {},
  byStatus: {},
  points: 0,
  pointsByRoute: {},
  rateLimited: {},
});

export class StatsRecorder {
  private data: SimStats = emptyStats();

  record(route: string, status: number, points = 0, reason?: string): void {
    const d = this.data;
    d.total++;
    d.byRoute[route] = (d.byRoute[route] ?? 0) + 1;
    const s = String(status);
    d.byStatus[s] = (d.byStatus[s] ?? 0) + 1;
    d.points += points;
    if (points > 0) d.pointsByRoute[route] = (d.pointsByRoute[route] ?? 0) + points;
    if (reason !== undefined) d.rateLimited[reason] = (d.rateLimited[reason] ?? 0) + 1;
  }

  get(): SimStats {
    const d = this.data;
    return {
      total: d.total,
      byRoute: { ...d.byRoute },
      byStatus: { ...d.byStatus },
      points: d.points,
      pointsByRoute: { ...d.pointsByRoute },
      rateLimited: { ...d.rateLimited },
    };
  }

  reset(): void {
    this.data = emptyStats();
  }
}

interface CompiledRoute extends RouteDef {
  regex: RegExp;
  keys: string[];
}

export const ROUTES: readonly RouteDef[] = [
  ...metaRoutes,
  ...projectRoutes,
  ...roleRoutes,
  ...searchRoutes,
  ...issueRoutes,
  ...permissionRoutes,
  ...changelogRoutes,
  ...notifyRoutes,
  ...commentRoutes,
];

function compile(route: RouteDef): CompiledRoute {
  const keys: string[] = [];
  const pattern = route.path.replace(/[.*+?^$()|\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${pattern}/?$`), keys };
}

const COMPILED = ROUTES.map(compile);

const UNAUTHENTICATED = 'You are not authenticated. Authentication required to perform this operation.';
const ANONYMOUS: SimUser = {
  accountId: '',
  displayName: 'Anonymous',
  emailAddress: '',
  apiToken: '',
  role: 'outsider',
};
const MAX_BODY_BYTES = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new JiraError(413, ['The request body is too large.']));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  text: string | null;
}

function jsonOut(reply: Reply): Outgoing {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.body === undefined) return { status: reply.status, headers, text: null };
  headers['content-type'] = 'application/json;charset=UTF-8';
  return { status: reply.status, headers, text: JSON.stringify(reply.body) };
}

function send(res: ServerResponse, out: Outgoing): void {
  const headers: Record<string, string | number> = {
    'x-arequestid': randomUUID(),
    'cache-control': 'no-cache, no-store, no-transform',
    ...out.headers,
  };
  if (out.text === null) {
    headers['content-length'] = 0;
    res.writeHead(out.status, headers);
    res.end();
    return;
  }
  const buf = Buffer.from(out.text, 'utf8');
  headers['content-length'] = buf.length;
  res.writeHead(out.status, headers);
  res.end(buf);
}

function errorOut(e: unknown): Outgoing {
  if (e instanceof JiraError) return jsonOut({ status: e.status, body: e.toBody(), headers: e.headers });
  console.error('[jira-sim] internal error:', e);
  return jsonOut({ status: 500, body: errorBody(['Internal server error']) });
}

export interface ServerHooks {
  stats: StatsRecorder;
  onControl?: (method: string, path: string, body: unknown) => Reply | undefined;
}

/** Parse a request body as JSON when there is one. */
function parseJsonBody(req: IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!/application\/json|\+json/i.test(type)) {
    throw new JiraError(415, [
      `Unsupported media type '${type || '(none)'}': send the body as application/json.`,
    ]);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (e) {
    const detail = e instanceof Error ? e.message : 'invalid JSON';
    throw new JiraError(400, [`The request body is not valid JSON: ${detail}`]);
  }
}

/** The issue a write (PUT/POST/DELETE under `/issue/{issueIdOrKey}`) changes, for the per-issue limit. */
function writtenIssueId(
  route: CompiledRoute,
  params: Record<string, string>,
  runtime: SimRuntime,
): number | null {
  const ref = params.issueIdOrKey;
  if (route.method === 'GET' || ref === undefined) return null;
  return runtime.state.findIssue(ref)?.id ?? null;
}

export function createSimServer(runtime: SimRuntime, hooks: ServerHooks): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const path = url.pathname;
    const base = `http://${req.headers.host ?? 'localhost'}`;

    if (path.startsWith('/__sim/') || path === '/__sim') {
      let body: unknown;
      try {
        body = parseJsonBody(req, await readBody(req));
      } catch (e) {
        send(res, errorOut(e));
        return;
      }
      const reply = hooks.onControl?.(method, path, body);
      send(
        res,
        jsonOut(
          reply ?? { status: 404, body: errorBody([`No simulator control endpoint ${method} ${path}`]) },
        ),
      );
      return;
    }
    if (method === 'GET' && (path.startsWith('/images/') || path.startsWith('/secure/'))) {
      const svg = iconSvg(path, url.searchParams, runtime.state);
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
      res.end(svg);
      return;
    }
    if (!path.startsWith('/rest/')) {
      send(res, jsonOut({ status: 404, body: errorBody([`No resource found at ${path}.`]) }));
      return;
    }

    // /rest/: route, faults, auth, handler; every request is counted.
    let route: CompiledRoute | undefined;
    let params: Record<string, string> = {};
    let pathMatched = false;
    for (const r of COMPILED) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== (method as Method)) continue;
      try {
        params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? '')]));
      } catch {
        break; // malformed %-escape: no such resource
      }
      route = r;
      break;
    }
    const routeKey = route ? `${route.method} ${route.path}` : `${method} (unmatched)`;
    const limits = runtime.limits;
    /** Every answer carries the quota headers as they stand after its own charge. */
    const finish = (out: Outgoing, points: number, reason?: string) => {
      const now = runtime.state.now();
      if (points > 0) limits.charge(points, now);
      hooks.stats.record(routeKey, out.status, points, reason);
      send(res, { ...out, headers: { ...limits.headers(now), ...out.headers } });
    };

    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (e) {
      finish(errorOut(e), 1);
      return;
    }

    const verdict = limits.admit(
      { route: routeKey, writeIssueId: route ? writtenIssueId(route, params, runtime) : null },
      runtime.state.now(),
    );
    if (verdict.kind === 'refuse') {
      const headers = refusalHeaders(
        verdict.reason,
        verdict.retryAfterSeconds,
        runtime.faults.retryAfterHeader(verdict.retryAfterSeconds, Date.now()),
      );
      finish(jsonOut({ status: 429, body: errorBody([verdict.message]), headers }), 0, verdict.reason);
      return;
    }

    const decision = runtime.faults.decide(path, route?.paged === true);
    await sleep(decision.delayMs);
    if (decision.kind === 'fail') {
      const headers: Record<string, string> = {};
      if (decision.retryAfterSeconds !== null) {
        headers['retry-after'] = runtime.faults.retryAfterHeader(decision.retryAfterSeconds, Date.now());
      }
      const reason = decision.status === 429 ? (decision.reason ?? 'jira-burst-based') : undefined;
      if (reason !== undefined) {
        headers['x-ratelimit-limit'] = '100';
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = new Date(
          Date.now() + (decision.retryAfterSeconds ?? 1) * 1000,
        ).toISOString();
        headers['ratelimit-reason'] = reason;
      }
      const message =
        decision.status === 429
          ? 'Rate limit exceeded.'
          : decision.status >= 500
            ? 'The Jira service is temporarily unavailable (injected fault).'
            : `Injected failure (${decision.status}).`;
      finish(
        jsonOut({ status: decision.status, body: errorBody([message]), headers }),
        reason ? 0 : 1,
        reason,
      );
      return;
    }

    let out: Outgoing;
    let objects = 0;
    try {
      if (!route) {
        throw pathMatched
          ? new JiraError(405, [`Method ${method} is not allowed for ${path}.`])
          : new JiraError(404, [`No resource found for ${method} ${path}.`]);
      }
      const header = req.headers.authorization;
      const user = authenticate(header, runtime.users);
      if (!user && (header !== undefined || !route.anonymous)) throw new JiraError(401, [UNAUTHENTICATED]);
      const actor = user ?? ANONYMOUS;
      const body = parseJsonBody(req, raw);
      const access = new Access(actor, runtime.state);
      const ctx: Ctx = {
        req,
        method,
        path,
        query: url.searchParams,
        params,
        body,
        user: actor,
        authenticated: user !== undefined,
        access,
        render: new Renderer(runtime.state, base, access),
        state: runtime.state,
        runtime,
        base,
        now: runtime.state.now(),
      };
      const reply = route.handler(ctx);
      if (route.objects && reply.status >= 200 && reply.status < 300) objects = route.objects(reply.body);
      out = jsonOut(reply);
    } catch (e) {
      out = errorOut(e);
    }

    // Malformed: a 2xx-looking response whose JSON body is cut short.
    if (decision.kind === 'malformed') {
      const status = decision.status === 204 || decision.status === 304 ? 200 : decision.status;
      const text = out.text ?? JSON.stringify({ errorMessages: [], errors: {} });
      out = {
        status,
        headers: { ...out.headers, 'content-type': 'application/json;charset=UTF-8' },
        text: truncateJson(text),
      };
      objects = 0;
    } else if (decision.malformed && out.text !== null && out.status >= 200 && out.status < 300) {
      out = { ...out, text: truncateJson(out.text) };
      objects = 0;
    }
    // A body cut short delivered no objects: only the request's own point is charged.
    finish(out, 1 + objects);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, errorOut(e));
      else res.destroy();
    });
  });
  // Keep idle connections open longer than Node's fetch does (4 s): with the server closing first, a
  // busy machine let the client reuse a socket the server had just closed (ECONNRESET).
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  return server;
}

/** How long the simulator keeps an idle keep-alive connection open (Jira Cloud's edge keeps them longer still). */
const IDLE_CONNECTION_MS = 30_000;
