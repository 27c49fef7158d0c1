import { view } from '@forge/bridge';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { matchRoute, type PortfolioRouteId, routeById } from './routes';

type Location = { pathname?: string; search?: string };
type History = {
  location?: Location;
  push(path: string): void;
  listen(listener: (...args: unknown[]) => void): unknown;
};

/** history v4 passes `(location)` to listeners, v5 `({ location })`; the bridge keeps `history.location`. */
function locationOf(args: unknown[], history: History): Location {
  const [first] = args;
  if (typeof first === 'object' && first !== null) {
    if ('location' in first && typeof first.location === 'object' && first.location !== null) {
      return first.location as Location;
    }
    if ('pathname' in first) return first as Location;
  }
  return history.location ?? {};
}

let shared: Promise<History | null> | null = null;

/**
 * The global page's history from the host (`view.createHistory()`: inside Jira it is the app's own
 * part of Jira's URL), created once for every view; null when the app runs without a host.
 */
function bridgeHistory(): Promise<History | null> {
  shared ??= view.createHistory().then(
    (history: History) => history,
    () => null,
  );
  return shared;
}

export type RouteQuery =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** The view's query string: '' or `?…`. */
      search: string;
      /** Pushes a history entry with this query (back and forward step through them). */
      setSearch: (search: string) => void;
    };

/**
 * A portfolio view's query string, kept in the page's URL through the host's history: a change pushes an
 * entry, so links can be shared, back and forward work and a reload restores the view. Without a host
 * history the query lives in component state.
 */
export function useRouteQuery(routeId: PortfolioRouteId): RouteQuery {
  const [search, setLocalSearch] = useState<string | null>(null);
  const [history, setHistory] = useState<History | null>(null);

  useEffect(() => {
    let cancelled = false;
    let unlisten: unknown;
    bridgeHistory().then((created) => {
      if (cancelled) return;
      if (created === null) {
        setLocalSearch('');
        return;
      }
      setHistory(created);
      setLocalSearch(created.location?.search ?? '');
      unlisten = created.listen((...args: unknown[]) => {
        const location = locationOf(args, created);
        // Leaving the view: the shell unmounts it; keep the query as it was until then.
        if (matchRoute(location.pathname) !== routeId) return;
        setLocalSearch(location.search ?? '');
      });
    });
    return () => {
      cancelled = true;
      if (typeof unlisten === 'function') unlisten();
    };
  }, [routeId]);

  const setSearch = useCallback(
    (next: string) => {
      if (next === search) return;
      if (history === null) setLocalSearch(next);
      else history.push(`${routeById(routeId).path}${next}`);
    },
    [history, search, routeId],
  );

  return useMemo(
    () => (search === null ? { status: 'loading' } : { status: 'ready', search, setSearch }),
    [search, setSearch],
  );
}

export type CodecQuery<T> =
  | { status: 'loading' }
  | { status: 'ready'; query: T; setQuery: (next: T) => void };

/** {@link useRouteQuery} read and written through a view's own parse and format functions. */
export function useViewQuery<T>(
  routeId: PortfolioRouteId,
  parse: (search: string) => T,
  format: (query: T) => string,
): CodecQuery<T> {
  const route = useRouteQuery(routeId);
  const search = route.status === 'ready' ? route.search : null;
  const setSearch = route.status === 'ready' ? route.setSearch : null;
  const query = useMemo(() => (search === null ? null : parse(search)), [search, parse]);
  const setQuery = useCallback((next: T) => setSearch?.(format(next)), [setSearch, format]);
  return useMemo(
    () => (query === null ? { status: 'loading' } : { status: 'ready', query, setQuery }),
    [query, setQuery],
  );
}

/**
 * A view's query as state: the parsed query (its defaults until the host's history answers) and a setter
 * that changes some of its fields and pushes the result onto the history.
 */
export function useViewState<T extends object>(
  routeId: PortfolioRouteId,
  parse: (search: string) => T,
  format: (query: T) => string,
): [T, (patch: Partial<T>) => void] {
  const location = useViewQuery(routeId, parse, format);
  const defaults = useMemo(() => parse(''), [parse]);
  const query = location.status === 'ready' ? location.query : defaults;
  const update = useCallback(
    (patch: Partial<T>) => {
      if (location.status === 'ready') location.setQuery({ ...query, ...patch });
    },
    [location, query],
  );
  return [query, update];
}
