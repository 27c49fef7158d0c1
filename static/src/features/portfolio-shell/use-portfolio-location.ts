import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';

type BridgeLocation = { pathname: string; search?: string; hash?: string };

/** The part of the bridge's history (`view.createHistory()`) this app relies on. */
export interface BridgeHistory {
  location: BridgeLocation;
  push(path: string): void;
  listen(listener: (...args: unknown[]) => void): unknown;
}

function isLocation(value: unknown): value is BridgeLocation {
  return (
    typeof value === 'object' && value !== null && 'pathname' in value && typeof value.pathname === 'string'
  );
}

/**
 * history v4 calls listeners with `(location, action)`, v5 with `({ location, action })`; the bridge
 * also overwrites `history.location` with the first argument. Accept all of them.
 */
function locationFrom(args: unknown[], history: BridgeHistory): BridgeLocation {
  const [first] = args;
  if (isLocation(first)) return first;
  if (typeof first === 'object' && first !== null && 'location' in first && isLocation(first.location)) {
    return first.location;
  }
  return isLocation(history.location) ? history.location : { pathname: '/' };
}

/** In-memory history, used only when the host cannot give us one (the app still works, without deep links). */
function memoryHistory(): BridgeHistory {
  const listeners = new Set<(...args: unknown[]) => void>();
  const history: BridgeHistory = {
    location: { pathname: '/' },
    push(path) {
      history.location = { pathname: path };
      for (const listener of listeners) listener(history.location, 'PUSH');
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return history;
}

export type PortfolioLocation =
  | { status: 'loading' }
  | { status: 'ready'; pathname: string; navigate: (path: string) => void };

/**
 * The global page's sub-page location, from the host's history (`view.createHistory()`), so deep
 * links and the browser's back button work. `navigate` pushes a new entry.
 */
export function usePortfolioLocation(): PortfolioLocation {
  const [history, setHistory] = useState<BridgeHistory | null>(null);
  const [pathname, setPathname] = useState('/');

  useEffect(() => {
    let cancelled = false;
    let unlisten: unknown;
    const attach = (created: BridgeHistory) => {
      if (cancelled) return;
      setHistory(created);
      setPathname(locationFrom([], created).pathname);
      unlisten = created.listen((...args: unknown[]) => setPathname(locationFrom(args, created).pathname));
    };
    view.createHistory().then(attach, (error: unknown) => {
      console.warn('view.createHistory is not available; sub-pages will not have their own URLs.', error);
      attach(memoryHistory());
    });
    return () => {
      cancelled = true;
      if (typeof unlisten === 'function') unlisten();
    };
  }, []);

  const navigate = useCallback(
    (path: string) => {
      if (history === null || locationFrom([], history).pathname === path) return;
      history.push(path);
    },
    [history],
  );

  return history === null ? { status: 'loading' } : { status: 'ready', pathname, navigate };
}
