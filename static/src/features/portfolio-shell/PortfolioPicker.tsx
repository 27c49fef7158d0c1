import Spinner from '@atlaskit/spinner';
import { type ChangeEvent, useEffect } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { formatCount } from '../../shared/lib/format';
import { usePortfolioReport } from '../../shared/portfolio/portfolio-report-context';
import { availablePortfolio, rememberPortfolio } from './portfolio-choice';

const NO_PAYLOAD = {};

/**
 * Chooses the portfolio every view shows (a native select styled with tokens). The choice is
 * remembered across reloads; a remembered portfolio that is no longer offered falls back to all.
 */
export function PortfolioPicker() {
  const { portfolioId, selectPortfolio, report } = usePortfolioReport();
  const portfolios = useResolver('listPortfolios', NO_PAYLOAD);
  const list = portfolios.data?.portfolios;

  useEffect(() => {
    if (list === undefined) return;
    const available = availablePortfolio(portfolioId, list);
    if (available !== portfolioId) {
      selectPortfolio(available);
      rememberPortfolio(available);
    }
  }, [list, portfolioId, selectPortfolio]);

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = event.target.value;
    selectPortfolio(chosen);
    rememberPortfolio(chosen);
  };

  return (
    <div className="pmo-picker" data-testid="portfolio-picker-field">
      <label className="pmo-picker__label" htmlFor="pmo-portfolio-picker">
        Portfolio
      </label>
      <select
        id="pmo-portfolio-picker"
        className="pmo-native-select pmo-picker__select"
        data-testid="portfolio-picker"
        value={portfolioId}
        onChange={onChange}
        disabled={list === undefined}
        aria-describedby={portfolios.status === 'error' ? 'pmo-portfolio-picker-error' : undefined}
      >
        {list === undefined ? (
          <option value={portfolioId}>
            {portfolioId === 'all' ? 'All projects' : 'Loading portfolios…'}
          </option>
        ) : (
          list.map((portfolio) => (
            <option key={portfolio.id} value={portfolio.id}>
              {portfolio.name} ({formatCount(portfolio.projectCount)}{' '}
              {portfolio.projectCount === 1 ? 'project' : 'projects'})
            </option>
          ))
        )}
      </select>
      {report.refreshing || report.status === 'loading' ? (
        <span className="pmo-picker__busy">
          <Spinner size="small" label="Loading the portfolio" />
        </span>
      ) : null}
      {portfolios.status === 'error' ? (
        <span className="pmo-picker__error" id="pmo-portfolio-picker-error">
          Portfolios could not be loaded.{' '}
          <button type="button" className="pmo-picker__retry" onClick={portfolios.reload}>
            Retry
          </button>
        </span>
      ) : null}
    </div>
  );
}
