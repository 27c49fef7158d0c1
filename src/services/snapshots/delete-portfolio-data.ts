import type { PmoConfig } from '../../domain/config/schema';
import { baselineKey as alertBaselineKey } from '../alerts/keys';
import type { AppDeps } from '../deps';
import { configuredPortfolioId } from '../portfolio/portfolios';
import { statusKeys } from '../status/status-store';
import { portfolioPrefix, VIEWED_PORTFOLIOS_PREFIX } from './keys';

/** Every key prefix under which a portfolio's records are kept (each ends with a separator). */
function portfolioDataPrefixes(portfolioId: string): string[] {
  return [
    // snapshots, runs, parts, history, baselines
    portfolioPrefix(portfolioId),
    // status updates: drafts, conflict copies, publications and their index
    ...statusKeys.portfolioPrefixes(portfolioId),
  ];
}

/** Deletes every stored record of a portfolio: snapshots, runs, history, status updates, alert state. */
export async function deletePortfolioData(deps: AppDeps, portfolioId: string): Promise<number> {
  let deleted = 0;
  for (const prefix of portfolioDataPrefixes(portfolioId)) {
    for (;;) {
      const page = await deps.store.query(prefix, { limit: 100 });
      if (page.results.length === 0) break;
      await Promise.all(page.results.map((entry) => deps.store.delete(entry.key)));
      deleted += page.results.length;
    }
  }
  await deps.store.delete(`${VIEWED_PORTFOLIOS_PREFIX}${portfolioId}`);
  await deps.store.delete(alertBaselineKey(portfolioId));
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
