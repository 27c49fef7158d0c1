import type { PortfolioReport } from '@domain/portfolio/schema';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { type UseResolver, useResolver } from '../api/use-resolver';
import { type RefreshRunState, useRefreshRun } from './use-refresh-run';

export interface PortfolioReportState {
  /** The portfolio being viewed (`all`, `category:<id>`, or an admin-defined one). */
  portfolioId: string;
  selectPortfolio: (portfolioId: string) => void;
  /** The report of the selected portfolio, fetched once and shared by every view. */
  report: UseResolver<PortfolioReport>;
  /** Refresh runs of the selected portfolio: "Refresh", and the progress of a run going on. */
  refresh: RefreshRunState;
}

const PortfolioReportContext = createContext<PortfolioReportState | null>(null);

/**
 * Holds the selected portfolio and its report for all sub-pages, so moving between views does not
 * recompute the report. Views read it with {@link usePortfolioReport}.
 */
export function PortfolioReportProvider({
  initialPortfolioId = 'all',
  children,
}: {
  initialPortfolioId?: string;
  children: ReactNode;
}) {
  const [portfolioId, selectPortfolio] = useState(initialPortfolioId);
  const payload = useMemo(() => ({ portfolioId }), [portfolioId]);
  const report = useResolver('getPortfolioReport', payload);
  // A portfolio's first snapshot may take longer than the first view waits (NOT_READY): follow its run.
  const notReady = report.status === 'error' && report.error.code === 'NOT_READY';
  const refresh = useRefreshRun(portfolioId, notReady, report.reload);
  const value = useMemo(
    () => ({ portfolioId, selectPortfolio, report, refresh }),
    [portfolioId, report, refresh],
  );
  return <PortfolioReportContext.Provider value={value}>{children}</PortfolioReportContext.Provider>;
}

export function usePortfolioReport(): PortfolioReportState {
  const state = useContext(PortfolioReportContext);
  if (state === null) throw new Error('usePortfolioReport must be used inside <PortfolioReportProvider>');
  return state;
}
