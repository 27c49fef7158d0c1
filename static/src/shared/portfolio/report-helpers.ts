import type { PortfolioReport } from '@domain/portfolio/schema';

/** The report's compliance part (null in the report when no standard applies). */
export type ComplianceReport = NonNullable<PortfolioReport['compliance']>;

/** What an issue's summary shows when the issue has a security level the viewer is not cleared for. */
export const RESTRICTED_SUMMARY = 'Restricted issue';

/** Project key -> name, from the report's projects; unknown keys show as themselves. */
export function projectNames(report: Pick<PortfolioReport, 'projects'>): Map<string, string> {
  return new Map(report.projects.map((project) => [project.key, project.name]));
}
