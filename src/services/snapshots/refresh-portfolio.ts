import { AppError } from '../../domain/errors';
import type { RefreshRun } from '../../domain/portfolio';
import type { Actor, AppDeps } from '../deps';
import { describeRun } from './refresh-status';
import { startRefresh } from './start-refresh';
import { assertPortfolioViewer } from './viewer-access';

/**
 * "Refresh" on the portfolio page: starts a refresh run as the app, or joins the one already
 * running. Anyone who can browse a project of the portfolio may ask. After the first read a run
 * reads only what changed since the last one (a few points), so it always runs: someone who just
 * changed an issue expects to see it.
 */
export async function refreshPortfolio(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<RefreshRun> {
  await assertPortfolioViewer(deps, actor.accountId, portfolioId);
  const { seq } = await startRefresh(deps, deps.queue, portfolioId, 'user');
  const run = await describeRun(deps, portfolioId, seq);
  if (!run) throw new AppError('INTERNAL', 'The refresh run could not be found after it started.');
  return run;
}
