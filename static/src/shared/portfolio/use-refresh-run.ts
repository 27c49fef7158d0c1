import type { RefreshStatus } from '@contracts/snapshots';
import type { RefreshRun } from '@domain/portfolio/schema';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callResolver } from '../api/invoke';
import { type InvokeError, toInvokeError } from '../api/invoke-error';
import { resolverQueryKey } from '../api/query-client';

/** A run still reading Jira (a deferred one waits for the next quota hour). */
export function isRunActive(run: RefreshRun | null | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running' || run?.status === 'deferred';
}

export interface RefreshRunState {
  /** The newest run, as last heard from the server. */
  run: RefreshRun | null;
  active: boolean;
  /** "Refresh": starts a run as the app (or joins the one running). */
  start: () => void;
  starting: boolean;
  startError: InvokeError | undefined;
}

/**
 * Follows a portfolio's refresh runs while one is going (every 2 seconds; every 30 while it waits
 * for Jira's quota) and calls `onDone` when it ends, so the page reloads the report from the new
 * snapshot. `watch` also makes it follow a run the page did not start (a first view's).
 */
export function useRefreshRun(portfolioId: string, watch: boolean, onDone: () => void): RefreshRunState {
  const [started, setStarted] = useState<RefreshRun | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<InvokeError | undefined>(undefined);
  const following = watch || isRunActive(started);
  const payload = { portfolioId };
  const status = useQuery<RefreshStatus, InvokeError>({
    queryKey: resolverQueryKey('getRefreshStatus', payload),
    queryFn: () => callResolver('getRefreshStatus', payload),
    enabled: following,
    refetchInterval: (query) => (query.state.data?.run?.status === 'deferred' ? 30_000 : 2_000),
  });
  const run = status.data?.run ?? started;
  const active = following && (isRunActive(run) || (watch && !status.data));
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) {
      setStarted(null);
      onDone();
    }
    wasActive.current = active;
  }, [active, onDone]);
  // Another portfolio: forget the run started for the previous one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the portfolio changes.
  useEffect(() => setStarted(null), [portfolioId]);
  const start = useCallback(() => {
    setStarting(true);
    setStartError(undefined);
    callResolver('refreshPortfolio', { portfolioId }).then(
      (answer) => {
        setStarting(false);
        if (isRunActive(answer)) setStarted(answer);
        else onDone(); // nothing to wait for: a run ended a moment ago
      },
      (error: unknown) => {
        setStarting(false);
        setStartError(toInvokeError(error));
      },
    );
  }, [portfolioId, onDone]);
  return { run: active ? run : (status.data?.run ?? null), active, start, starting, startError };
}
