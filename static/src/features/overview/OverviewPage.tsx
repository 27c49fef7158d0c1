import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { ProjectList } from '@contracts/resolver-contract';
import type { PortfolioReport } from '@domain/portfolio/schema';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { errorTitle } from '../../shared/api/invoke-error';
import { type UseResolver, useResolver } from '../../shared/api/use-resolver';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { usePortfolioHistory } from '../../shared/history/use-portfolio-history';
import { usePortfolioReport } from '../../shared/portfolio/portfolio-report-context';
import { RefreshNotices } from '../../shared/portfolio/RefreshStatusBanner';
import { ReportPageHeader } from '../../shared/portfolio/ReportPage';
import { SectionHeader } from '../../shared/portfolio/SectionHeader';
import { useViewQuery } from '../../shared/portfolio/use-route-query';
import { useProjectPriorities } from '../../shared/scoring/use-project-priorities';
import { CallState } from '../../shared/ui/CallState';
import { DataFreshness } from '../../shared/ui/DataFreshness';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { LoadingState } from '../../shared/ui/LoadingState';
import { KpiTiles, type RedProjects } from './KpiTiles';
import { formatOverviewQuery, parseOverviewQuery } from './overview-query';
import { ProjectDrilldown } from './ProjectDrilldown';
import { ProjectTable } from './ProjectTable';
import {
  DEFAULT_PROJECT_SORT,
  PRIORITY_CSV_COLUMNS,
  PROJECT_CSV_COLUMNS,
  portfolioScopeNote,
  projectsOfPortfolio,
  sortProjectsForTable,
} from './portfolio-projects';
import { summarizePortfolio } from './portfolio-summary';
import { type HealthState, healthByProjectKey } from './project-health';

const NO_PAYLOAD = {};

function StaleProjectsWarning({
  staleProjects,
  title = 'Some projects could not be read completely',
  what = 'Figures',
  testId = 'partial-warning',
}: {
  staleProjects: readonly string[];
  title?: string;
  what?: string;
  testId?: string;
}) {
  return (
    <SectionMessage appearance="warning" title={title} testId={testId}>
      <p>
        {what} for {staleProjects.length === 1 ? 'this project' : 'these projects'} may be missing or out of
        date: {staleProjects.length > 0 ? staleProjects.join(', ') : 'unknown projects'}. Refresh to try
        again.
      </p>
    </SectionMessage>
  );
}

/** A warning about the health report with a Retry button; the issue figures stay usable. */
function HealthRetryWarning(props: {
  title: string;
  testId: string;
  onRetry: () => void;
  children: ReactNode;
}) {
  return (
    <SectionMessage
      appearance="warning"
      title={props.title}
      testId={props.testId}
      actions={[
        <Button key="retry" onClick={props.onRetry} testId="health-retry">
          Retry
        </Button>,
      ]}
    >
      <p>{props.children}</p>
    </SectionMessage>
  );
}

/** Warnings about the health report: it failed, a refresh of it failed, or it is partial. */
function HealthWarnings({ report }: { report: UseResolver<PortfolioReport> }) {
  if (report.status === 'error' && report.error.code === 'NOT_READY') {
    return <LoadingState label="Reading project health from Jira for the first time" />;
  }
  if (report.status === 'error') {
    return (
      <HealthRetryWarning
        title="Project health could not be computed"
        testId="health-report-error"
        onRetry={report.reload}
      >
        {errorTitle(report.error.code)}: {report.error.message} The issue figures below are not affected.
      </HealthRetryWarning>
    );
  }
  if (report.status !== 'ready') return null;
  return (
    <>
      {report.refreshError ? (
        <HealthRetryWarning
          title="Project health could not be refreshed"
          testId="health-refresh-error"
          onRetry={report.reload}
        >
          The health shown is from before. {report.refreshError.message}
        </HealthRetryWarning>
      ) : null}
      {report.data.meta.partial ? (
        <StaleProjectsWarning
          staleProjects={report.data.meta.staleProjects}
          title="Some project health could not be computed completely"
          what="Health"
          testId="health-partial-warning"
        />
      ) : null}
    </>
  );
}

function OverviewContent({
  list,
  report,
  portfolioId,
}: {
  list: ProjectList;
  report: UseResolver<PortfolioReport>;
  portfolioId: string;
}) {
  const reportData = report.data;
  const inPortfolio = useMemo(
    () => projectsOfPortfolio(list.projects, portfolioId, reportData, report.status === 'error'),
    [list.projects, portfolioId, reportData, report.status],
  );
  const summary = useMemo(() => summarizePortfolio(inPortfolio.projects), [inPortfolio.projects]);
  const health = useMemo<HealthState>(() => {
    if (reportData !== undefined) return { status: 'ready', byKey: healthByProjectKey(reportData) };
    return report.status === 'error' ? { status: 'error' } : { status: 'loading' };
  }, [reportData, report.status]);
  const history = usePortfolioHistory();
  const trends = useMemo(
    () =>
      history.data
        ? new Map(history.data.projects.map((project) => [project.key, project]))
        : history.status === 'error'
          ? null
          : undefined,
    [history.data, history.status],
  );
  // The sort lives in the URL (deep links, back and forward, saved views).
  const location = useViewQuery('overview', parseOverviewQuery, formatOverviewQuery);
  const sort = location.status === 'ready' ? location.query.sort : DEFAULT_PROJECT_SORT;
  const setSort = useCallback(
    (next: typeof sort) => (location.status === 'ready' ? location.setQuery({ sort: next }) : undefined),
    [location],
  );
  const [drilledKey, setDrilledKey] = useState<string | null>(null);
  const drilled = reportData?.projects.find((project) => project.key === drilledKey);
  const closeDrilldown = useCallback(() => setDrilledKey(null), []);
  const priorities = useProjectPriorities();
  const sorted = useMemo(
    () => sortProjectsForTable(inPortfolio.projects, health, sort, priorities),
    [inPortfolio.projects, health, sort, priorities],
  );
  const exportCsv = useCallback(
    () => ({
      filename: csvFilename('projects', portfolioId, new Date()),
      csv: toCsv(
        priorities ? [...PROJECT_CSV_COLUMNS, ...PRIORITY_CSV_COLUMNS] : PROJECT_CSV_COLUMNS,
        sorted.map((project) => ({ project, health, priority: priorities?.get(project.key) })),
      ),
    }),
    [sorted, health, portfolioId, priorities],
  );
  const redProjects: RedProjects =
    reportData !== undefined ? reportData.summary.rag.red : report.status === 'error' ? null : 'loading';
  if (list.projects.length === 0) {
    return (
      <EmptyMessage
        testId="overview-empty"
        header="You can't browse any projects in this portfolio"
        headingLevel={2}
        description="Projects appear here when you have the Browse projects permission for them. Ask a Jira admin to give you access to the projects you need."
      />
    );
  }
  const scopeNote = portfolioScopeNote(inPortfolio, portfolioId);
  return (
    <div className="pmo-stack">
      {list.partial ? <StaleProjectsWarning staleProjects={list.staleProjects} /> : null}
      <HealthWarnings report={report} />
      <KpiTiles summary={summary} redProjects={redProjects} />
      <section className="pmo-section" aria-labelledby="projects-heading">
        <SectionHeader
          headingId="projects-heading"
          title="Projects"
          actions={
            <CsvExportButton
              noun="project"
              rowCount={sorted.length}
              build={exportCsv}
              testId="csv-export-projects"
            />
          }
        >
          {scopeNote ? (
            <p className="pmo-subtle" data-testid="portfolio-scope-note">
              {scopeNote}
            </p>
          ) : null}
        </SectionHeader>
        {sorted.length === 0 ? (
          <EmptyMessage
            testId="overview-portfolio-empty"
            header="You can't browse any project of this portfolio"
            headingLevel={3}
            description="Pick another portfolio above, or ask a Jira admin for the Browse projects permission on this portfolio's projects."
          />
        ) : (
          <ProjectTable
            projects={sorted}
            health={health}
            sort={sort}
            onSort={setSort}
            onShowIndicators={setDrilledKey}
            trends={trends}
            priorities={priorities}
          />
        )}
      </section>
      {drilled ? <ProjectDrilldown key={drilled.key} project={drilled} onClose={closeDrilldown} /> : null}
    </div>
  );
}

/**
 * Portfolio overview: every project the viewer can browse, with KPI tiles, issue counts and health.
 * The project list and the (slower) portfolio report load in parallel; the table is usable before
 * the health arrives.
 */
export default function OverviewPage() {
  const result = useResolver('listProjects', NO_PAYLOAD);
  const { report, portfolioId, refresh } = usePortfolioReport();
  const { reload: reloadList } = result;
  const { start: startRefresh } = refresh;
  // The project list is read live; the health comes from the snapshot, which a refresh run renews.
  const reloadAll = useCallback(() => {
    reloadList();
    startRefresh();
  }, [reloadList, startRefresh]);
  return (
    <div className="pmo-stack">
      <ReportPageHeader
        title="Portfolio overview"
        routeId="overview"
        freshness={
          <div className="pmo-freshness">
            {result.status === 'ready' ? (
              <DataFreshness generatedAt={result.data.generatedAt} label="Project list as of" />
            ) : null}
            {report.status === 'ready' ? (
              <DataFreshness
                generatedAt={report.data.meta.generatedAt}
                label="Health as of"
                testId="report-freshness"
              />
            ) : null}
          </div>
        }
        onRefresh={reloadAll}
        refreshing={
          result.status === 'loading' ||
          result.refreshing ||
          report.refreshing ||
          refresh.active ||
          refresh.starting
        }
        disabled={result.status === 'loading' || refresh.active}
      />
      <RefreshNotices refresh={refresh} report={report} />
      {result.refreshError ? (
        <SectionMessage appearance="warning" title={errorTitle(result.refreshError.code)}>
          <p>Refreshing failed, so the figures below are from before. {result.refreshError.message}</p>
        </SectionMessage>
      ) : null}
      <CallState call={result} loading="Loading projects" what="load the portfolio" />
      {result.status === 'ready' ? (
        <div className="pmo-refreshable" aria-busy={report.refreshing} data-refreshing={report.refreshing}>
          <OverviewContent list={result.data} report={report} portfolioId={portfolioId} />
        </div>
      ) : null}
    </div>
  );
}
