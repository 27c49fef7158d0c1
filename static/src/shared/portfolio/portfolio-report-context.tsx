import type { PortfolioReport } from '@domain/portfolio/schema';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { type UseResolver, useResolver } from '../api/use-resolver';

export interface PortfolioReportState {
  /** The portfolio being viewed (`all`, `category:<id>`, or an admin-defined one). */
  portfolioId: string;
  selectPortfolio: (portfolioId: string) => void;
  /** The report of the selected portfolio, fetched once and shared by every view. */
  report: UseResolver<PortfolioReport>;
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
  const value = useMemo(() => ({ portfolioId, selectPortfolio, report }), [portfolioId, report]);
  return <PortfolioReportContext.Provider value={value}>{children}</PortfolioReportContext.Provider>;
}

export function usePortfolioReport(): PortfolioReportState {
  const state = useContext(PortfolioReportContext);
  if (state === null) throw new Error('usePortfolioReport must be used inside <PortfolioReportProvider>');
  return state;
}
