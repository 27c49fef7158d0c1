import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import type { PortfolioReport } from '@domain/portfolio/schema';
import type { ReactNode } from 'react';
import { errorTitle } from '../api/invoke-error';
import { DataFreshness } from '../ui/DataFreshness';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { usePortfolioReport } from './portfolio-report-context';
import { RefreshNotices } from './RefreshStatusBanner';
import type { PortfolioRouteId } from './routes';
import { SavedViews } from './SavedViews';
import './report-page.css';

/** The header every portfolio view shares: its title, how fresh the data is, and Refresh. */
export function ReportPageHeader(props: {
  title: string;
  freshness: ReactNode;
  onRefresh: () => void;
  refreshing: boolean;
  disabled: boolean;
  /** The view whose filters and sorting can be saved under a name. */
  routeId?: PortfolioRouteId;
}) {
  return (
    <div className="pmo-toolbar pmo-spread">
      <div className="pmo-stack--tight">
        <Heading size="large" as="h1">
          {props.title}
        </Heading>
        {props.freshness}
      </div>
      <div className="pmo-page-header__actions">
        {props.routeId ? <SavedViews routeId={props.routeId} /> : null}
        <Button
          onClick={props.onRefresh}
          isLoading={props.refreshing}
          isDisabled={props.disabled}
          testId="refresh"
        >
          Refresh
        </Button>
      </div>
    </div>
  );
}

/**
 * A portfolio view drawn from the shared report: header, refresh failure, loading and error states,
 * and the content once the report is ready (dimmed while a refresh runs when `contentTestId` is set).
 */
export function ReportPage(props: {
  title: string;
  /** The view whose filters and sorting can be saved under a name. */
  routeId?: PortfolioRouteId;
  /** What the page shows, for "Loading …" and "load …": "the RAID log". */
  subject: string;
  /** Said when a refresh fails over shown data: "the RAID log below is". */
  staleSubject: string;
  pageTestId?: string;
  contentTestId?: string;
  /** Warnings shown above the content once the report is ready. */
  notices?: (report: PortfolioReport) => ReactNode;
  /** False while the view still prepares something of its own (shown as loading). */
  viewReady?: boolean;
  children: (report: PortfolioReport, portfolioId: string) => ReactNode;
}) {
  const { report, portfolioId, refresh } = usePortfolioReport();
  const notReady = report.status === 'error' && report.error.code === 'NOT_READY';
  const viewReady = props.viewReady ?? true;
  const content = report.status === 'ready' && viewReady ? props.children(report.data, portfolioId) : null;
  return (
    <div className="pmo-stack" data-testid={props.pageTestId}>
      <ReportPageHeader
        title={props.title}
        routeId={props.routeId}
        freshness={
          report.status === 'ready' ? <DataFreshness generatedAt={report.data.meta.generatedAt} /> : null
        }
        onRefresh={refresh.start}
        refreshing={report.status === 'loading' || report.refreshing || refresh.active || refresh.starting}
        disabled={report.status === 'loading' || refresh.active}
      />
      <RefreshNotices refresh={refresh} report={report} />
      {notReady && !refresh.run ? (
        <LoadingState label="Reading the portfolio from Jira for the first time" />
      ) : null}
      {report.refreshError ? (
        <SectionMessage appearance="warning" title={errorTitle(report.refreshError.code)}>
          <p>
            Refreshing failed, so {props.staleSubject} from before. {report.refreshError.message}
          </p>
        </SectionMessage>
      ) : null}
      {report.status === 'ready' ? props.notices?.(report.data) : null}
      {report.status === 'loading' || (report.status === 'ready' && !viewReady) ? (
        <LoadingState label={`Loading ${props.subject}`} />
      ) : null}
      {report.status === 'error' && !notReady ? (
        <ErrorState error={report.error} what={`load ${props.subject}`} onRetry={report.reload} />
      ) : null}
      {content !== null && props.contentTestId !== undefined ? (
        <div
          className="pmo-refreshable"
          aria-busy={report.refreshing}
          data-refreshing={report.refreshing}
          data-testid={props.contentTestId}
        >
          {content}
        </div>
      ) : (
        content
      )}
    </div>
  );
}
