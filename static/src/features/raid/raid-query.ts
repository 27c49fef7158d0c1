import { readSort, toSearch, writeSort } from '../../shared/portfolio/url-query';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { type HeatFilter, RISK_COLUMNS, type RiskColumn } from './raid-model';

/** The RAID page's URL query: the heat-map cell filtering the register, and its sort (`?p=4&i=5&sort=score`). */
export interface RaidQuery {
  filter: HeatFilter | null;
  sort: TableSort<RiskColumn> | null;
}

function level(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

export function parseRaidQuery(search: string): RaidQuery {
  const params = new URLSearchParams(search);
  const probability = level(params.get('p'));
  const impact = level(params.get('i'));
  return {
    filter: probability !== null && impact !== null ? { probability, impact } : null,
    sort: readSort(params, RISK_COLUMNS, null),
  };
}

export function formatRaidQuery(query: RaidQuery): string {
  const params = new URLSearchParams();
  if (query.filter) {
    params.set('p', String(query.filter.probability));
    params.set('i', String(query.filter.impact));
  }
  writeSort(params, query.sort, null);
  return toSearch(params);
}
