import type { PortfolioReport } from '@domain/portfolio/schema';
import { EmptyMessage } from '../ui/EmptyMessage';

/**
 * True when the viewer can browse none of the portfolio's projects: the report, cut down to what they
 * may see, has no project and names none as unread. Every view then says so, not that data is missing.
 */
export function browsesNoProject(report: Pick<PortfolioReport, 'projects' | 'meta'>): boolean {
  return report.projects.length === 0 && report.meta.staleProjects.length === 0;
}

/** The empty state of a portfolio view for a viewer who can browse none of its projects. */
export function NoBrowsableProjectsState({ testId, what }: { testId: string; what: string }) {
  return (
    <EmptyMessage
      testId={testId}
      header="You can't browse any projects in this portfolio"
      headingLevel={2}
      description={`${what} appear here for the projects you have the Browse projects permission for. Ask a Jira admin to give you access to the projects you need.`}
    />
  );
}
