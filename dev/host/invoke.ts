import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AppErrorShape, httpStatusOf } from '../../src/domain/errors';
import type { LocalApp } from '../local/local-app';
import { HostError, headerValue, readJsonBody, sendError, sendJson } from './http';

/** The install context Forge hands every invocation; one fake site locally. */
export const LOCAL_INSTALL_CONTEXT = 'ari:cloud:jira::site/local';
export const LOCAL_CLOUD_ID = 'local';

/** Forge's per-invocation limit; a resolver running longer fails there, so it fails here too. */
const INVOCATION_TIMEOUT_MS = 25_000;

/**
 * The module context the bridge shim sends in `x-forge-context` (URL-encoded JSON): what Forge
 * itself puts in `context` for a Custom UI invocation. Identity is never taken from it.
 */
const ForgeContextHeader = z
  .object({
    moduleKey: z.string().max(200),
    localId: z.string().max(500).optional(),
    extension: z.record(z.string(), z.unknown()).optional(),
  })
  .strip();

export interface InvokeOptions {
  localApp: LocalApp;
  isKnownUser: (accountId: string) => boolean;
  siteUrl: string;
  defaultModuleKey: string;
}

/**
 * `POST /__invoke/<key>`: calls the app's real resolver handler as Forge does.
 *
 * Answers, for scripts and tests (REST style):
 *   `{ ok: true, data }`  -> 200 with `data` as the body
 *   `{ ok: false, error }` -> `httpStatusOf[error.code]` with `{ code, message, details? }`
 * With `x-pmo-bridge: 1` (what the browser shim sends) every resolver result, success or typed
 * failure, comes back unchanged with 200, because `@forge/bridge`'s `invoke` resolves to the
 * resolver's return value whatever it is. Failures of the host itself (unknown resolver, no user,
 * body not JSON or too large) are non-2xx typed errors in both modes; the shim rejects with them,
 * as `invoke` rejects on Forge.
 */
export async function handleInvoke(
  req: IncomingMessage,
  res: ServerResponse,
  functionKey: string,
  options: InvokeOptions,
): Promise<void> {
  const bridgeMode = headerValue(req, 'x-pmo-bridge') === '1';
  const accountId = headerValue(req, 'x-account-id')?.trim();
  if (!accountId) {
    req.resume();
    throw new HostError(401, 'UNAUTHENTICATED', 'Missing x-account-id header: say which user is acting');
  }
  if (!options.isKnownUser(accountId)) {
    req.resume();
    throw new HostError(401, 'UNAUTHENTICATED', `Unknown user '${accountId}'`);
  }
  if (!isPlausibleFunctionKey(functionKey)) {
    req.resume();
    throw new HostError(404, 'NOT_FOUND', `Resolver has no definition for '${functionKey}'.`);
  }
  const payload = await readJsonBody(req);
  const moduleContext = parseContextHeader(headerValue(req, 'x-forge-context'), options.defaultModuleKey);

  let result: unknown;
  try {
    result = await withTimeout(
      options.localApp.app.resolver(
        {
          call: { functionKey, payload },
          context: {
            cloudId: LOCAL_CLOUD_ID,
            siteUrl: options.siteUrl,
            environmentId: 'local',
            environmentType: 'DEVELOPMENT',
            localId: moduleContext.localId ?? `local/${moduleContext.moduleKey}`,
            moduleKey: moduleContext.moduleKey,
            extension: moduleContext.extension ?? {},
          },
        },
        { principal: { accountId }, installContext: LOCAL_INSTALL_CONTEXT },
      ),
      INVOCATION_TIMEOUT_MS,
      functionKey,
    );
  } catch (error) {
    if (error instanceof HostError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('Resolver has no definition for')) throw new HostError(404, 'NOT_FOUND', message);
    console.error(`[host] resolver ${functionKey} threw`, error);
    throw new HostError(500, 'INTERNAL', `Resolver '${functionKey}' failed: ${message}`);
  }

  if (bridgeMode) {
    if (result === undefined) {
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
    } else {
      sendJson(res, 200, result);
    }
    return;
  }
  const failure = ResolverFailure.safeParse(result);
  if (failure.success) {
    sendError(res, httpStatusOf[failure.data.error.code], failure.data.error);
    return;
  }
  const success = ResolverSuccess.safeParse(result);
  if (success.success) {
    sendJson(res, 200, success.data.data);
    return;
  }
  if (result === undefined) {
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  sendJson(res, 200, result);
}

const ResolverFailure = z.object({ ok: z.literal(false), error: AppErrorShape });
const ResolverSuccess = z.object({ ok: z.literal(true), data: z.unknown() });

/**
 * `@forge/resolver` looks keys up with `in`, so `constructor` or `toString` would find
 * `Object.prototype` members. Such names, and anything that is not a plain identifier, are
 * answered as unknown resolvers before the handler sees them.
 */
function isPlausibleFunctionKey(key: string): boolean {
  return /^[A-Za-z0-9_-]{1,100}$/.test(key) && !(key in Object.prototype);
}

function parseContextHeader(header: string | undefined, defaultModuleKey: string) {
  if (!header) return { moduleKey: defaultModuleKey };
  let decoded: unknown;
  try {
    if (header.length > 8192) throw new Error('too long');
    decoded = JSON.parse(decodeURIComponent(header)) as unknown;
  } catch {
    throw new HostError(400, 'BAD_REQUEST', 'x-forge-context is not URL-encoded JSON');
  }
  const parsed = ForgeContextHeader.safeParse(decoded);
  if (!parsed.success) throw new HostError(400, 'BAD_REQUEST', 'x-forge-context has an unexpected shape');
  return parsed.data;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HostError(504, 'INTERNAL', `Resolver '${what}' ran longer than ${ms / 1000} s (Forge's limit)`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
