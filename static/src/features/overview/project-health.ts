import type { HealthIndicator, ManualOverride, ProjectHealth, Rag } from '@domain/health/health';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { formatTimestamp } from '../../shared/lib/format';

/**
 * Sort value of a RAG in the Health column: worst first when sorted ascending, so the first click on
 * the column header brings the red projects to the top. Unknown health (still loading, failed) sorts last.
 */
export const RAG_SEVERITY: Record<Rag, number> = { red: 0, amber: 1, green: 2, none: 3 };
export const UNKNOWN_SEVERITY = 4;

/** What the Health column shows for one project. */
export interface ProjectHealthView {
  /** The RAG shown: the active override's, else the computed one. */
  rag: Rag;
  /** Why the project has this RAG, as plain text; null when there is nothing to explain. */
  reason: string | null;
  /** The RAG the indicators give, with its reason: shown beside an override, never hidden by it. */
  computed: { rag: Rag; reason: string | null };
  /** The PMO's active manual RAG (who set it, when, why, until when), or null. */
  override: ManualOverride | null;
  /** Schedule variance (days late) and scope change (%) against the newest baseline; null when not computed. */
  variance: HealthIndicator | null;
  scope: HealthIndicator | null;
}

/** The health report as the Overview page holds it while `getPortfolioReport` runs or after it failed. */
export type HealthState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; byKey: ReadonlyMap<string, ProjectHealthView> };

/** Why the indicators give the computed RAG: the reason of the (first) indicator with that RAG, the worst. */
export function computedReason(health: ProjectHealth): string | null {
  const worst = health.indicators.find((indicator) => indicator.rag === health.computedRag);
  return worst?.reason ?? null;
}

/**
 * The reason to show beside a project's RAG: when a manual override decided it, the override's reason;
 * otherwise that of the worst indicator.
 */
export function healthReason(health: ProjectHealth): string | null {
  if (health.override !== null) return `Set by the PMO: ${health.override.reason}`;
  return computedReason(health);
}

/** Who set an override, when, and until when: "by pmo-lead on 1 Dec 2026, 10:00, until 15 Dec 2026, 23:59". */
export function overrideByline(override: ManualOverride): string {
  const setAt = override.setAt ? formatTimestamp(override.setAt) : null;
  const until = formatTimestamp(override.expiresAt) ?? override.expiresAt;
  return `by ${override.by}${setAt ? ` on ${setAt}` : ''}, until ${until}`;
}

/** The Health column's view of a project's health. */
export function projectHealthView(health: ProjectHealth): ProjectHealthView {
  return {
    rag: health.rag,
    reason: healthReason(health),
    computed: { rag: health.computedRag, reason: computedReason(health) },
    override: health.override,
    variance: health.indicators.find((indicator) => indicator.name === 'variance') ?? null,
    scope: health.indicators.find((indicator) => indicator.name === 'scope') ?? null,
  };
}

/** Each project's RAG and reason, by project key. */
export function healthByProjectKey(report: {
  projects: readonly Pick<PortfolioReport['projects'][number], 'key' | 'health'>[];
}): Map<string, ProjectHealthView> {
  return new Map(report.projects.map((project) => [project.key, projectHealthView(project.health)]));
}

const NO_HEALTH: ProjectHealthView = {
  rag: 'none',
  reason: null,
  computed: { rag: 'none', reason: null },
  override: null,
  variance: null,
  scope: null,
};

/** A project's health in `state`: undefined while unknown; "none" when the report has no entry for it. */
export function projectHealth(state: HealthState, key: string): ProjectHealthView | undefined {
  if (state.status !== 'ready') return undefined;
  return state.byKey.get(key) ?? NO_HEALTH;
}

export function healthSortValue(state: HealthState, key: string): number {
  const health = projectHealth(state, key);
  return health === undefined ? UNKNOWN_SEVERITY : RAG_SEVERITY[health.rag];
}

/**
 * Sort values of the baseline columns: the worst first when sorted ascending, like the Health
 * column (latest finish; largest scope change either way); projects without a figure sort last.
 */
export function baselineSortValue(
  state: HealthState,
  key: string,
  column: 'variance' | 'scope',
): number | string {
  const value = projectHealth(state, key)?.[column]?.value ?? null;
  if (value === null) return '';
  return column === 'variance' ? -value : -Math.abs(value);
}
