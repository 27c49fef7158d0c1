import type { ProjectOverview } from '@contracts/resolver-contract';

export type PortfolioSummary = {
  projects: number;
  /** Issues in To Do or In progress (status categories `new` + `indeterminate`). */
  open: number;
  done: number;
  /** Projects whose counts could not be read; their issues are not in `open` or `done`. */
  unknownProjects: number;
};

/** The KPI tile figures for a list of projects. */
export function summarizePortfolio(projects: readonly ProjectOverview[]): PortfolioSummary {
  let open = 0;
  let done = 0;
  let unknownProjects = 0;
  for (const project of projects) {
    if (project.counts === null) {
      unknownProjects += 1;
      continue;
    }
    open += project.counts.new + project.counts.indeterminate;
    done += project.counts.done;
  }
  return { projects: projects.length, open, done, unknownProjects };
}

/** Column keys of the project table, in display order. */
export const PROJECT_COLUMNS = ['name', 'key', 'category', 'new', 'indeterminate', 'done', 'total'] as const;
export type ProjectColumn = (typeof PROJECT_COLUMNS)[number];

/**
 * The value the table sorts a project by in `column`. Text sorts as text; counts as numbers.
 * Unknown values (no category, counts that could not be read) sort as -1 / '' so they gather
 * at one end instead of scattering, whichever direction is chosen.
 */
export function projectSortValue(project: ProjectOverview, column: ProjectColumn): string | number {
  switch (column) {
    case 'name':
      return project.name;
    case 'key':
      return project.key;
    case 'category':
      return project.category ?? '';
    case 'new':
    case 'indeterminate':
    case 'done':
      return project.counts?.[column] ?? -1;
    case 'total':
      return projectTotal(project) ?? -1;
  }
}

function totalOf(project: ProjectOverview): number | null {
  return project.counts === null
    ? null
    : project.counts.new + project.counts.indeterminate + project.counts.done;
}

/** A project's total issue count: the server's figure, else the sum of its counts, else null. */
export function projectTotal(project: ProjectOverview): number | null {
  return project.total ?? totalOf(project);
}
