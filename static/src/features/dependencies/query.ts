import {
  readChoice,
  readFlag,
  readSort,
  toSearch,
  writeFlag,
  writeSort,
} from '../../shared/portfolio/url-query';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { MAX_HOPS } from './dependency-filter';
import { PAIR_COLUMNS, type PairColumn } from './dependency-model';

/**
 * What the Dependencies page shows, as the query of its URL, so a view, its filters or a drill-down can be
 * linked to and the browser's back button steps through them:
 * `?view=list&late=1&focus=API&hops=2&group=1&collapsed=Data&q=WEB-12&sort=late&order=desc&from=API&to=WEB`.
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
  late: boolean;
  cycles: boolean;
  critical: boolean;
  /** The project whose neighbourhood is shown; null for all. */
  focus: string | null;
  hops: number;
  /** Projects grouped by category, and the categories folded into one node. */
  group: boolean;
  collapsed: string[];
  /** The search box: a project key or name, or an issue key. */
  search: string;
  /** The list's sort. */
  sort: TableSort<PairColumn>;
}

export const DEFAULT_PAIR_SORT: TableSort<PairColumn> = { key: 'open', order: 'DESC' };

export const DEFAULT_QUERY: DependenciesQuery = {
  view: 'graph',
  pair: null,
  late: false,
  cycles: false,
  critical: false,
  focus: null,
  hops: 1,
  group: false,
  collapsed: [],
  search: '',
  sort: DEFAULT_PAIR_SORT,
};

/** Jira project keys: a letter, then letters, digits or underscores. */
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}$/;
const MAX_SEARCH = 100;
const MAX_CATEGORY = 255;

function projectKey(value: string | null): string | null {
  return value !== null && PROJECT_KEY.test(value) ? value : null;
}

/** Reads a location's search string; anything unknown or malformed falls back to the default. */
export function parseDependenciesQuery(search: string | null | undefined): DependenciesQuery {
  const params = new URLSearchParams(search ?? '');
  const from = projectKey(params.get('from'));
  const to = projectKey(params.get('to'));
  const hops = Number(params.get('hops'));
  return {
    view: readChoice(params, 'view', ['graph', 'list'] as const) ?? 'graph',
    pair: from !== null && to !== null && from !== to ? { from, to } : null,
    late: readFlag(params, 'late'),
    cycles: readFlag(params, 'cycles'),
    critical: readFlag(params, 'critical'),
    focus: projectKey(params.get('focus')),
    hops: Number.isInteger(hops) && hops >= 1 && hops <= MAX_HOPS ? hops : 1,
    group: readFlag(params, 'group'),
    collapsed: [...new Set(params.getAll('collapsed'))].filter((name) => name.length <= MAX_CATEGORY).sort(),
    search: (params.get('q') ?? '').slice(0, MAX_SEARCH),
    sort: readSort(params, PAIR_COLUMNS, DEFAULT_PAIR_SORT),
  };
}

/** The search string of a query: empty for the default, else only what differs from it. */
export function formatDependenciesQuery(query: DependenciesQuery): string {
  const params = new URLSearchParams();
  if (query.view !== 'graph') params.set('view', query.view);
  if (query.pair !== null) {
    params.set('from', query.pair.from);
    params.set('to', query.pair.to);
  }
  writeFlag(params, 'late', query.late);
  writeFlag(params, 'cycles', query.cycles);
  writeFlag(params, 'critical', query.critical);
  if (query.focus !== null) {
    params.set('focus', query.focus);
    if (query.hops !== 1) params.set('hops', String(query.hops));
  }
  writeFlag(params, 'group', query.group);
  if (query.group) for (const name of [...query.collapsed].sort()) params.append('collapsed', name);
  if (query.search.trim().length > 0) params.set('q', query.search.trim());
  writeSort(params, query.sort, DEFAULT_PAIR_SORT);
  return toSearch(params);
}
