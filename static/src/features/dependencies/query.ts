/**
 * What the Dependencies page shows, as the query of its URL, so a view or a drill-down can be linked to
 * and the browser's back button steps through them: `?view=list&from=API&to=WEB`.
 */

export type DependenciesView = 'graph' | 'list';

export interface ProjectPair {
  from: string;
  to: string;
}

export interface DependenciesQuery {
  view: DependenciesView;
  /** The project pair whose issue-level links are shown; null when none is. */
  pair: ProjectPair | null;
}

export const DEFAULT_QUERY: DependenciesQuery = { view: 'graph', pair: null };

/** Jira project keys: a letter, then letters, digits or underscores. */
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}$/;

/** Reads a location's search string; anything unknown or malformed falls back to the default. */
export function parseDependenciesQuery(search: string | null | undefined): DependenciesQuery {
  const params = new URLSearchParams(search ?? '');
  const view: DependenciesView = params.get('view') === 'list' ? 'list' : 'graph';
  const from = params.get('from');
  const to = params.get('to');
  const pair =
    from !== null && to !== null && PROJECT_KEY.test(from) && PROJECT_KEY.test(to) && from !== to
      ? { from, to }
      : null;
  return { view, pair };
}

/** The search string of a query: empty for the default, else `?view=…&from=…&to=…`. */
export function formatDependenciesQuery(query: DependenciesQuery): string {
  const params = new URLSearchParams();
  if (query.view !== 'graph') params.set('view', query.view);
  if (query.pair !== null) {
    params.set('from', query.pair.from);
    params.set('to', query.pair.to);
  }
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}
