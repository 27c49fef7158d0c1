import type { BackfillStatus } from '../../domain/history/backfill-status';
import { BackfillStatusSchema } from '../../domain/history/backfill-status';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { assertPortfolioViewer } from '../snapshots/viewer-access';
import { backfillKeys } from './backfill-records';

/** Where the portfolio's history backfill stands (null before its first recorded day). */
export async function getBackfillStatus(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<{ backfill: BackfillStatus | null }> {
  await assertPortfolioViewer(deps, actor.accountId, portfolioId);
  const backfill = await readParsed(deps.store, backfillKeys(portfolioId).status, BackfillStatusSchema);
  return { backfill: backfill ?? null };
}
