import { useResolver } from '../../shared/api/use-resolver';
import { ReportPage } from '../../shared/portfolio/ReportPage';
import { useViewQuery } from '../../shared/portfolio/use-route-query';
import { LoadingState } from '../../shared/ui/LoadingState';
import { StatusBoardView } from './StatusBoardView';
import { type BoardQuery, formatBoardQuery, parseBoardQuery } from './status-model';
import './status.css';

const NO_PAYLOAD = {};

function StatusContent({ portfolioId }: { portfolioId: string }) {
  const query = useViewQuery<BoardQuery>('status', parseBoardQuery, formatBoardQuery);
  const portfolios = useResolver('listPortfolios', NO_PAYLOAD);
  const portfolioName =
    portfolios.data?.portfolios.find((portfolio) => portfolio.id === portfolioId)?.name ?? portfolioId;
  if (query.status === 'loading') return <LoadingState label="Loading the status board" />;
  return (
    <StatusBoardView
      portfolioId={portfolioId}
      portfolioName={portfolioName}
      query={query.query}
      setQuery={query.setQuery}
    />
  );
}

/**
 * Status: the PMO status board of a period (who published, who is late, stated status against the
 * data) and each project's update, drafted from the data, written and published from the board.
 */
export default function StatusPage() {
  return (
    <ReportPage
      title="Status"
      routeId="status"
      subject="the status board"
      staleSubject="the computed RAGs below are"
      pageTestId="status-page"
      contentTestId="status-content"
    >
      {(_report, portfolioId) => <StatusContent portfolioId={portfolioId} />}
    </ReportPage>
  );
}
