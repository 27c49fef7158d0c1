import type { ProjectOverview } from '@contracts/resolver-contract';
import type { CsvColumn } from '../../shared/csv/csv';
import type { ProjectPriorities, ProjectPriority } from '../../shared/scoring/project-priorities';
import { RAG_LABEL } from '../../shared/ui/rag';
import { type SortValue, sortLikeTable, type TableSort } from '../../shared/ui/table/table-sort';
import { projectSortValue, projectTotal } from './portfolio-summary';
import { baselineSortValue, type HealthState, healthSortValue, projectHealth } from './project-health';

/** The id of the portfolio of every browsable project (the default). */
export const ALL_PORTFOLIO_ID = 'all';

/** What the Overview lists: the browsable projects narrowed to the selected portfolio's, and why. */
export type PortfolioProjects =
  /** The portfolio's projects: those the report covers or names as stale. */
  | { status: 'ready'; projects: ProjectOverview[]; browsable: number; narrowed: boolean }
  /** The report (which names the portfolio's projects) is still being computed: every browsable project. */
  | { status: 'pending'; projects: readonly ProjectOverview[]; browsable: number; narrowed: false }
  /** The report failed: every browsable project, since we cannot tell which are in the portfolio. */
  | { status: 'unknown'; projects: readonly ProjectOverview[]; browsable: number; narrowed: false };

interface ReportProjects {
  projects: readonly { key: string }[];
  meta: { staleProjects: readonly string[] };
}

/**
 * The browsable projects (from `listProjects`) that belong to the portfolio whose report is `report`:
 * the report's projects plus those it could not read (`meta.staleProjects`), so a project is never
 * dropped from the list just because its figures are missing. `narrowed` tells whether the list
 * differs from every browsable project (a portfolio other than "all", or projects left out).
 */
export function projectsOfPortfolio(
  browsable: readonly ProjectOverview[],
  portfolioId: string,
  report: ReportProjects | undefined,
  reportFailed: boolean,
): PortfolioProjects {
  if (report === undefined) {
    const status = reportFailed ? 'unknown' : 'pending';
    return { status, projects: browsable, browsable: browsable.length, narrowed: false };
  }
  const keys = new Set<string>([
    ...report.projects.map((project) => project.key),
    ...report.meta.staleProjects,
  ]);
  const projects = browsable.filter((project) => keys.has(project.key));
  return {
    status: 'ready',
    projects,
    browsable: browsable.length,
    narrowed: portfolioId !== ALL_PORTFOLIO_ID || projects.length !== browsable.length,
  };
}

/** The sentence under the Projects heading that says which projects are listed; null when all are. */
export function portfolioScopeNote(state: PortfolioProjects, portfolioId: string): string | null {
  const isAll = portfolioId === ALL_PORTFOLIO_ID;
  switch (state.status) {
    case 'pending':
      return isAll ? null : 'Showing every project you can browse until the selected portfolio is loaded.';
    case 'unknown':
      return isAll
        ? null
        : 'The selected portfolio could not be loaded, so every project you can browse is shown.';
    case 'ready': {
      if (!state.narrowed) return null;
      const shown = state.projects.length;
      return `Showing the ${shown} ${shown === 1 ? 'project' : 'projects'} of the selected portfolio (you can browse ${state.browsable}).`;
    }
  }
}

/** One row of the project table's CSV export. */
export interface ProjectCsvRow {
  project: ProjectOverview;
  health: HealthState;
  /** The project's priority rank; absent when it has no ranked proposal. */
  priority?: ProjectPriority | undefined;
}

/** The project table's columns as CSV: the figures the table shows, with the RAG and its reason. */
export const PROJECT_CSV_COLUMNS: readonly CsvColumn<ProjectCsvRow>[] = [
  { header: 'Key', value: ({ project }) => project.key },
  { header: 'Project', value: ({ project }) => project.name },
  { header: 'Category', value: ({ project }) => project.category },
  {
    header: 'Health',
    value: ({ project, health }) => {
      const view = projectHealth(health, project.key);
      return view === undefined ? null : RAG_LABEL[view.rag];
    },
  },
  { header: 'Health reason', value: ({ project, health }) => projectHealth(health, project.key)?.reason },
  // An override never hides the computed RAG: both go to the spreadsheet.
  {
    header: 'Computed health',
    value: ({ project, health }) => {
      const view = projectHealth(health, project.key);
      return view === undefined ? null : RAG_LABEL[view.computed.rag];
    },
  },
  {
    header: 'Computed reason',
    value: ({ project, health }) => projectHealth(health, project.key)?.computed.reason,
  },
  {
    header: 'Override set by',
    value: ({ project, health }) => projectHealth(health, project.key)?.override?.by,
  },
  {
    header: 'Override set at',
    value: ({ project, health }) => projectHealth(health, project.key)?.override?.setAt,
  },
  {
    header: 'Override until',
    value: ({ project, health }) => projectHealth(health, project.key)?.override?.expiresAt,
  },
  { header: 'To Do', value: ({ project }) => project.counts?.new },
  { header: 'In progress', value: ({ project }) => project.counts?.indeterminate },
  { header: 'Done', value: ({ project }) => project.counts?.done },
  { header: 'Total', value: ({ project }) => projectTotal(project) },
  // Against the newest baseline: days late (negative: early) and scope change in percent.
  {
    header: 'Schedule variance (days)',
    value: ({ project, health }) => projectHealth(health, project.key)?.variance?.value,
  },
  {
    header: 'Scope change (%)',
    value: ({ project, health }) => projectHealth(health, project.key)?.scope?.value,
  },
];

/** The priority-rank columns of the CSV, added when scoring is on. */
export const PRIORITY_CSV_COLUMNS: readonly CsvColumn<ProjectCsvRow>[] = [
  { header: 'Priority rank', value: ({ priority }) => priority?.rank },
  { header: 'Computed priority rank', value: ({ priority }) => priority?.computedRank },
  { header: 'Top proposal', value: ({ priority }) => priority?.issueKey },
  { header: 'Ranked proposals', value: ({ priority }) => priority?.proposals ?? 0 },
];

/** The project table's sortable columns. */
export const PROJECT_TABLE_COLUMNS = [
  'name',
  'health',
  'key',
  'category',
  'new',
  'indeterminate',
  'done',
  'total',
  'variance',
  'scope',
  'priority',
] as const;
export type ProjectTableColumn = (typeof PROJECT_TABLE_COLUMNS)[number];

export const DEFAULT_PROJECT_SORT: TableSort<ProjectTableColumn> = { key: 'name', order: 'ASC' };

/** The value the project table sorts a project by in `column` (the cell's `key`). */
export function projectTableSortValue(
  project: ProjectOverview,
  column: ProjectTableColumn,
  health: HealthState,
  priorities?: ProjectPriorities | null,
): SortValue {
  // Best rank first; projects without a ranked proposal last in either order.
  if (column === 'priority') return priorities?.get(project.key)?.rank ?? '';
  if (column === 'health') return healthSortValue(health, project.key);
  if (column === 'variance' || column === 'scope') return baselineSortValue(health, project.key, column);
  return projectSortValue(project, column);
}

/**
 * The projects in the order the table shows them under `sort`: by name (then key) first, so ties
 * keep a stable, readable order, then as the table sorts.
 */
export function sortProjectsForTable(
  projects: readonly ProjectOverview[],
  health: HealthState,
  sort: TableSort<ProjectTableColumn>,
  priorities?: ProjectPriorities | null,
): ProjectOverview[] {
  const byName = [...projects].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  return sortLikeTable(
    byName,
    (project) => projectTableSortValue(project, sort.key, health, priorities),
    sort.order,
  );
}
