import type { Request } from '@forge/resolver';
import {
  type ResolverInput,
  type ResolverKey,
  type ResolverOutput,
  type ResolverResult,
  resolverContract,
} from '../contracts/resolver-contract';
import { AppError, type ErrorCode, parseOrThrow } from '../domain/errors';
import { untrustedShapeProblem } from '../domain/untrusted';
import type { Actor } from '../services/deps';
import type { Logger } from '../services/logger';

export type ResolverImpl<K extends ResolverKey> = (
  input: ResolverOutputInput<K>,
  actor: Actor,
) => Promise<ResolverOutput<K>>;
type ResolverOutputInput<K extends ResolverKey> = ReturnType<(typeof resolverContract)[K]['input']['parse']>;

/**
 * `resolverDefiner(logger)` gives `defineResolver(key, impl)`, which wraps one use case as a
 * resolver: identity from the platform context, payload parsed with the contract's schema, result
 * checked against the contract, and every failure turned into a typed error result (unexpected ones
 * logged to `logger`). Nothing from the payload can name the acting user.
 */
export function resolverDefiner(logger: Logger) {
  return <K extends ResolverKey>(key: K, impl: ResolverImpl<K>) => defineResolver(key, impl, logger);
}

function defineResolver<K extends ResolverKey>(key: K, impl: ResolverImpl<K>, logger: Logger) {
  const { input, output } = resolverContract[key];
  return async (request: Request<ResolverInput<K>>): Promise<ResolverResult<ResolverOutput<K>>> => {
    try {
      const accountId: unknown = request.context.accountId;
      if (typeof accountId !== 'string' || accountId === '') {
        throw new AppError('UNAUTHENTICATED', 'This action needs a signed-in Jira user');
      }
      const shape = untrustedShapeProblem(request.payload, 'payload');
      if (shape)
        throw new AppError('BAD_REQUEST', `Invalid payload: ${shape.path}: ${shape.message}`, {
          issues: [shape],
        });
      // Set by the platform (@forge/resolver overwrites whatever the page sent under this name).
      const installation: unknown = request.context.installContext;
      if (typeof installation !== 'string' || installation === '') {
        throw new AppError('UNAUTHENTICATED', 'This action needs the Jira site it is called from');
      }
      const parsedInput = parseOrThrow(input, request.payload, 'payload') as ResolverOutputInput<K>;
      const result = await impl(parsedInput, { accountId, installation });
      return { ok: true, data: output.parse(result) as ResolverOutput<K> };
    } catch (error) {
      return { ok: false, error: toAppError(error, key, logger).toJSON() };
    }
  };
}

/** Typed errors that say Jira, storage or the app failed (not the caller): logged with their cause. */
const FAILURES_ON_OUR_SIDE: ReadonlySet<ErrorCode> = new Set([
  'UPSTREAM_ERROR',
  'CONFIG_UNREADABLE',
  'INTERNAL',
]);

function toAppError(error: unknown, resolver: ResolverKey, logger: Logger): AppError {
  if (error instanceof AppError) {
    if (FAILURES_ON_OUR_SIDE.has(error.code))
      logger.warn('resolver failed', { resolver, code: error.code }, error);
    return error;
  }
  // Unexpected: the detail goes to the logs (never who called), the user gets a message without internals.
  logger.error('resolver failed', { resolver, code: 'INTERNAL' }, error);
  return new AppError(
    'INTERNAL',
    'Something went wrong on our side. Try again; if it persists, tell your Jira admin.',
    undefined,
    { cause: error },
  );
}
