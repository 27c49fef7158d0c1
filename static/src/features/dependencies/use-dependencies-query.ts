import { view } from '@forge/bridge';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { routeById } from '../../shared/portfolio/routes';
import { type DependenciesQuery, formatDependenciesQuery, parseDependenciesQuery } from './query';

type Location = { pathname?: string; search?: string };
type History = {
  location?: Location;
  push(path: string): void;
  listen(listener: (...args: unknown[]) => void): unknown;
};

const PATH = routeById('dependencies').path;

/** The location a history listener was called with: history v4 passes `(location)`, v5 `({ location })`. */
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

export type DependenciesQueryState =
  | { status: 'loading' }
  | { status: 'ready'; query: DependenciesQuery; setQuery: (next: DependenciesQuery) => void };

/**
 * The page's view and drill-down, kept in the query of the global page's URL through the host's history
 * (`view.createHistory()`): a change pushes an entry, so deep links and the back button work. Without a
 * host history (the app opened on its own), the query lives in component state.
 */
export function useDependenciesQuery(): DependenciesQueryState {
  const [search, setSearch] = useState<string | null>(null);
  const history = useRef<History | null>(null);

  useEffect(() => {
    let cancelled = false;
    let unlisten: unknown;
    view.createHistory().then(
      (created: History) => {
        if (cancelled) return;
        history.current = created;
        setSearch(created.location?.search ?? '');
        unlisten = created.listen((...args: unknown[]) => {
          const location = locationOf(args, created);
          // Leaving the page: the shell unmounts it; keep the query as it was until then.
          if ((location.pathname ?? '').toLowerCase().replace(/\/+$/, '') !== PATH) return;
          setSearch(location.search ?? '');
        });
      },
      () => {
        if (!cancelled) setSearch('');
      },
    );
    return () => {
      cancelled = true;
      if (typeof unlisten === 'function') unlisten();
    };
  }, []);

  const query = useMemo(() => parseDependenciesQuery(search), [search]);
  const setQuery = useCallback(
    (next: DependenciesQuery) => {
      const text = formatDependenciesQuery(next);
      if (text === formatDependenciesQuery(query)) return;
      if (history.current === null) setSearch(text);
      else history.current.push(`${PATH}${text}`);
    },
    [query],
  );

  return useMemo(
    () => (search === null ? { status: 'loading' } : { status: 'ready', query, setQuery }),
    [search, query, setQuery],
  );
}
