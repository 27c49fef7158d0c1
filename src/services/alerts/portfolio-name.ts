import type { PmoConfig } from '../../domain/config/schema';
import { configuredPortfolioId } from '../portfolio/portfolios';

/** How a portfolio is named in alerts and e-mails (a category portfolio by its category's name). */
export function portfolioName(
  config: PmoConfig,
  portfolioId: string,
  projects: readonly { category: string | null }[],
): string {
  if (portfolioId === 'all') return 'All projects';
  const configured = config.portfolios.find(
    (definition) => configuredPortfolioId(definition) === portfolioId,
  );
  if (configured) return configured.name;
  return projects.find((project) => project.category !== null)?.category ?? portfolioId;
}
