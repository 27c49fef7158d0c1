import type { PortfolioHistory } from '@contracts/history';
import { useEffect, useMemo, useRef } from 'react';
import { type UseResolver, useResolver } from '../api/use-resolver';
import { usePortfolioReport } from '../portfolio/portfolio-report-context';

/** Days of history the overview's sparklines and the trends page start with: twelve weeks. */
export const TREND_DAYS = 84;

/**
 * The selected portfolio's history over `days` days, read again whenever a refresh has produced a
 * newer snapshot (the report's "as of" moved), so a new day shows without a reload of the page.
 */
export function usePortfolioHistory(days = TREND_DAYS): UseResolver<PortfolioHistory> {
  const { portfolioId, report } = usePortfolioReport();
  const payload = useMemo(() => ({ portfolioId, days }), [portfolioId, days]);
  const history = useResolver('getPortfolioHistory', payload);
  const asOf = report.data?.meta.generatedAt;
  const seen = useRef(asOf);
  const { reload } = history;
  useEffect(() => {
    if (asOf !== undefined && seen.current !== undefined && asOf !== seen.current) reload();
    seen.current = asOf;
  }, [asOf, reload]);
  return history;
}
