import { readSort, toSearch, writeSort } from '../../shared/portfolio/url-query';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { type CellFilter, VIOLATION_COLUMNS, type ViolationColumn } from './compliance-model';

/** The Compliance page's URL query: the matrix cell filtering the violations, and their sort. */
export interface ComplianceQuery {
  filter: CellFilter | null;
  sort: TableSort<ViolationColumn> | null;
}

const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,254}$/;
const STANDARD_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

export function parseComplianceQuery(search: string): ComplianceQuery {
  const params = new URLSearchParams(search);
  const projectKey = params.get('project');
  const standardId = params.get('standard');
  return {
    filter:
      projectKey !== null &&
      standardId !== null &&
      PROJECT_KEY.test(projectKey) &&
      STANDARD_ID.test(standardId)
        ? { projectKey, standardId }
        : null,
    sort: readSort(params, VIOLATION_COLUMNS, null),
  };
}

export function formatComplianceQuery(query: ComplianceQuery): string {
  const params = new URLSearchParams();
  if (query.filter) {
    params.set('project', query.filter.projectKey);
    params.set('standard', query.filter.standardId);
  }
  writeSort(params, query.sort, null);
  return toSearch(params);
}
