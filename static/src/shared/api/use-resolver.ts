import type { ResolverInput, ResolverKey, ResolverOutput } from '@contracts/resolver-contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callResolver } from './invoke';
import { type InvokeError, toInvokeError } from './invoke-error';

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

const LOADING = { status: 'loading', data: undefined, error: undefined } as const;

/**
 * Calls resolver `key` once on mount (and again whenever the payload's JSON changes or `reload` runs).
 * Answers from superseded calls are dropped, so a slow first answer never overwrites a newer one.
 * Shown data stays until the answer arrives; if a new payload's call fails, its error replaces it.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverInput<K> | null,
): UseResolver<ResolverOutput<K>> {
  const [state, setState] = useState<ResolverState<ResolverOutput<K>>>(LOADING);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<InvokeError | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const payloadJson = payload === null ? null : JSON.stringify(payload);
  const hasData = state.status === 'ready';
  const hasDataRef = useRef(hasData);
  hasDataRef.current = hasData;
  /** The payload the shown data answers; data for another payload is never kept on screen. */
  const shownPayload = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger.
  useEffect(() => {
    if (payloadJson === null) return;
    const call = ++latest.current;
    const keepShown = hasDataRef.current;
    // A failed reload keeps the data it would have replaced; a failed load of another payload
    // (another portfolio) must not leave the previous payload's data on screen.
    const keepOnError = keepShown && shownPayload.current === payloadJson;
    if (keepShown) setRefreshing(true);
    else setState(LOADING);
    callResolver(key, JSON.parse(payloadJson) as ResolverInput<K>).then(
      (data) => {
        if (call !== latest.current) return;
        shownPayload.current = payloadJson;
        setState({ status: 'ready', data, error: undefined });
        setRefreshing(false);
        setRefreshError(undefined);
      },
      (error: unknown) => {
        if (call !== latest.current) return;
        const invokeError = toInvokeError(error);
        setRefreshing(false);
        if (keepOnError) setRefreshError(invokeError);
        else setState({ status: 'error', data: undefined, error: invokeError });
      },
    );
  }, [key, payloadJson, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, refreshing, reload, refreshError };
}
