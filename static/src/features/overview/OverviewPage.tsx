import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { useMemo } from 'react';
import type { ProjectList } from '../../../../src/resolvers/contract';
import { errorTitle } from '../../shared/api/invoke-error';
import { useResolver } from '../../shared/api/use-resolver';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';
import { DataFreshness } from './DataFreshness';
import { KpiTiles } from './KpiTiles';
import { ProjectTable } from './ProjectTable';
import { summarizePortfolio } from './portfolio-summary';

const NO_PAYLOAD = {};

function StaleProjectsWarning({ staleProjects }: { staleProjects: readonly string[] }) {
  return (
    <SectionMessage
      appearance="warning"
      title="Some projects could not be read completely"
      testId="partial-warning"
    >
      <p>
        Figures for {staleProjects.length === 1 ? 'this project' : 'these projects'} may be missing or out of
        date: {staleProjects.length > 0 ? staleProjects.join(', ') : 'unknown projects'}. Refresh to try
        again.
      </p>
    </SectionMessage>
  );
}

function OverviewContent({ list }: { list: ProjectList }) {
  const summary = useMemo(() => summarizePortfolio(list.projects), [list.projects]);
  if (list.projects.length === 0) {
    return (
      <div className="pmo-empty" data-testid="overview-empty">
        <EmptyState
          header="You can't browse any projects in this portfolio"
          headingLevel={2}
          description="Projects appear here when you have the Browse projects permission for them. Ask a Jira admin to give you access to the projects you need."
        />
      </div>
    );
  }
  return (
    <div className="pmo-stack">
      {list.partial ? <StaleProjectsWarning staleProjects={list.staleProjects} /> : null}
      <KpiTiles summary={summary} />
      <section className="pmo-section" aria-labelledby="projects-heading">
        <Heading size="medium" as="h2" id="projects-heading">
          Projects
        </Heading>
        <ProjectTable projects={list.projects} />
      </section>
    </div>
  );
}

/** Portfolio overview: every project the viewer can browse, with KPI tiles and issue counts. */
export default function OverviewPage() {
  const result = useResolver('listProjects', NO_PAYLOAD);
  return (
    <div className="pmo-stack">
      <div className="pmo-page-header">
        <div className="pmo-stack--tight">
          <Heading size="large" as="h1">
            Portfolio overview
          </Heading>
          {result.status === 'ready' ? <DataFreshness generatedAt={result.data.generatedAt} /> : null}
        </div>
        <div className="pmo-page-header__actions">
          <Button
            onClick={result.reload}
            isLoading={result.status === 'loading' || result.refreshing}
            isDisabled={result.status === 'loading'}
            testId="refresh"
          >
            Refresh
          </Button>
        </div>
      </div>
      {result.refreshError ? (
        <SectionMessage appearance="warning" title={errorTitle(result.refreshError.code)}>
          <p>Refreshing failed, so the figures below are from before. {result.refreshError.message}</p>
        </SectionMessage>
      ) : null}
      {result.status === 'loading' ? <LoadingState label="Loading projects" /> : null}
      {result.status === 'error' ? (
        <ErrorState error={result.error} what="load the portfolio" onRetry={result.reload} />
      ) : null}
      {result.status === 'ready' ? <OverviewContent list={result.data} /> : null}
    </div>
  );
}
