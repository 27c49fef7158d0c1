import type {
  PmoDefinitions,
  ResolverInput,
  ResolverKey,
  ResolverOutput,
} from '@contracts/resolver-contract';
import { makeInvoke } from '@forge/bridge';
import { toInvokeError, unwrapResult } from './invoke-error';

/** The bridge's invoke, typed by the shared resolver contract: a renamed key fails to compile. */
export const invokeBridge = makeInvoke<PmoDefinitions>();

/**
 * Calls resolver `key` with `payload` and answers its data, or throws an InvokeError carrying the
 * resolver's `code` and `message` (or BRIDGE_ERROR / BAD_RESPONSE when no resolver result came back).
 */
export async function callResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverInput<K>,
): Promise<ResolverOutput<K>> {
  let answer: unknown;
  try {
    // The contract's input type is the payload type of every definition; the cast only narrows
    // the generic rest-parameter tuple that TypeScript cannot relate to `K` by itself.
    const call = invokeBridge as (key: K, payload: ResolverInput<K>) => Promise<unknown>;
    answer = await call(key, payload);
  } catch (error) {
    throw toInvokeError(error);
  }
  return unwrapResult<ResolverOutput<K>>(key, answer);
}
