import type { ProjectHealth, Rag } from '@domain/health/health';
import type { PortfolioReport } from '@domain/portfolio/schema';

/**
 * Sort value of a RAG in the Health column: worst first when sorted ascending, so the first click on
 * the column header brings the red projects to the top. Unknown health (still loading, failed) sorts last.
 */
export const RAG_SEVERITY: Record<Rag, number> = { red: 0, amber: 1, green: 2, none: 3 };
export const UNKNOWN_SEVERITY = 4;

/** What the Health column shows for one project. */
export interface ProjectHealthView {
  rag: Rag;
  /** Why the project has this RAG, as plain text; null when there is nothing to explain. */
  reason: string | null;
}

/** The health report as the Overview page holds it while `getPortfolioReport` runs or after it failed. */
export type HealthState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; byKey: ReadonlyMap<string, ProjectHealthView> };

/**
 * The reason to show beside a project's RAG: that of the indicator whose RAG is the project's (the worst
 * one); when a manual override decided the RAG instead, the override's reason.
 */
export function healthReason(health: ProjectHealth): string | null {
  if (health.override !== null && health.override.rag === health.rag) {
    return `Set by the PMO: ${health.override.reason}`;
  }
  const worst = health.indicators.find((indicator) => indicator.rag === health.rag);
  return worst?.reason ?? null;
}

/** Each project's RAG and reason, by project key. */
export function healthByProjectKey(report: {
  projects: readonly Pick<PortfolioReport['projects'][number], 'key' | 'health'>[];
}): Map<string, ProjectHealthView> {
  return new Map(
    report.projects.map((project) => [
      project.key,
      { rag: project.health.rag, reason: healthReason(project.health) },
    ]),
  );
}

/** A project's health in `state`: undefined while unknown; "none" when the report has no entry for it. */
export function projectHealth(state: HealthState, key: string): ProjectHealthView | undefined {
  if (state.status !== 'ready') return undefined;
  return state.byKey.get(key) ?? { rag: 'none', reason: null };
}

export function healthSortValue(state: HealthState, key: string): number {
  const health = projectHealth(state, key);
  return health === undefined ? UNKNOWN_SEVERITY : RAG_SEVERITY[health.rag];
}
