import type { ResolverInput, ResolverKey, ResolverOutput } from '@contracts/resolver-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { callResolver } from './invoke';
import { type InvokeError, toInvokeError } from './invoke-error';
import { resolverQueryKey } from './query-client';

export type ResolverState<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: InvokeError }
  | { status: 'ready'; data: T; error: undefined };

export type UseResolver<T> = ResolverState<T> & {
  /** True while a reload runs over data that is already shown. */
  refreshing: boolean;
  /** Calls the resolver again. Shown data stays on screen until the new answer arrives. */
  reload: () => void;
  /** Set when the latest reload failed while older data is still shown. */
  refreshError: InvokeError | undefined;
};

/**
 * Calls resolver `key` once on mount (and again whenever the payload changes or `reload` runs); a null
 * payload waits. Each payload has its own cache entry, so a slow answer for an earlier payload never
 * overwrites a newer one. Shown data stays (`refreshing`) until the answer arrives, also for a new
 * payload; a failed reload keeps it with `refreshError`, while a failed load of another payload is an
 * error state (data of another payload is never left on screen as if it were the answer).
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverInput<K> | null,
): UseResolver<ResolverOutput<K>> {
  const query = useQuery<ResolverOutput<K>, InvokeError>({
    queryKey: resolverQueryKey(key, payload),
    queryFn: () => callResolver(key, payload as ResolverInput<K>),
    enabled: payload !== null,
    // Another payload (another portfolio): what is shown stays, dimmed, until its answer arrives, so
    // a view keeps its own state (sort, filters) across the switch.
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    void refetch();
  }, [refetch]);
  const error = query.error === null ? undefined : toInvokeError(query.error);
  if (query.data !== undefined) {
    return {
      status: 'ready',
      data: query.data,
      error: undefined,
      refreshing: query.isFetching,
      reload,
      refreshError: error,
    };
  }
  if (error !== undefined) {
    return { status: 'error', data: undefined, error, refreshing: false, reload, refreshError: undefined };
  }
  return {
    status: 'loading',
    data: undefined,
    error: undefined,
    refreshing: false,
    reload,
    refreshError: undefined,
  };
}
