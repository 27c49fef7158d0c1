import type { PmoConfig } from '../../domain/config/schema';
import type { AppDeps } from '../deps';
import { configuredPortfolioId } from '../portfolio/portfolios';
import { portfolioPrefix, VIEWED_PORTFOLIOS_PREFIX } from './keys';

/** Deletes every stored record of a portfolio: snapshots, runs and their parts. */
export async function deletePortfolioData(deps: AppDeps, portfolioId: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await deps.store.query(portfolioPrefix(portfolioId), { limit: 100 });
    if (page.results.length === 0) break;
    await Promise.all(page.results.map((entry) => deps.store.delete(entry.key)));
    deleted += page.results.length;
  }
  await deps.store.delete(`${VIEWED_PORTFOLIOS_PREFIX}${portfolioId}`);
  return deleted;
}

/** Queues the deletion of the data of portfolios a new configuration no longer has. */
export async function forgetRemovedPortfolios(
  deps: AppDeps,
  before: PmoConfig | null,
  after: PmoConfig,
): Promise<void> {
  if (!before) return;
  const kept = new Set(after.portfolios.map(configuredPortfolioId));
  const removed = before.portfolios.map(configuredPortfolioId).filter((id) => !kept.has(id));
  if (removed.length > 0) {
    await deps.queue.push(
      removed.map((portfolioId) => ({ kind: 'delete-portfolio-data' as const, portfolioId })),
    );
  }
}
