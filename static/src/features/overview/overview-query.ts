import { readSort, toSearch, writeSort } from '../../shared/portfolio/url-query';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { DEFAULT_PROJECT_SORT, PROJECT_TABLE_COLUMNS, type ProjectTableColumn } from './portfolio-projects';

/** The overview's URL query: the project table's sort (`?sort=health&order=desc`). */
export interface OverviewQuery {
  sort: TableSort<ProjectTableColumn>;
}

export function parseOverviewQuery(search: string): OverviewQuery {
  return { sort: readSort(new URLSearchParams(search), PROJECT_TABLE_COLUMNS, DEFAULT_PROJECT_SORT) };
}

export function formatOverviewQuery(query: OverviewQuery): string {
  const params = new URLSearchParams();
  writeSort(params, query.sort, DEFAULT_PROJECT_SORT);
  return toSearch(params);
}
