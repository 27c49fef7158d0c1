import { AppError } from '../../domain/errors';
import type { RefreshRun } from '../../domain/portfolio';
import type { Actor, AppDeps } from '../deps';
import { scopeOfPortfolio } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { describeRun, latestRun } from './refresh-status';
import { startRefresh } from './start-refresh';
import { browsableProjects } from './viewer-access';

/** A run that ended this recently is answered instead of starting another: Refresh is not a quota drain. */
export const MIN_REFRESH_INTERVAL_MS = 60_000;

/**
 * "Refresh" on the portfolio page: starts a refresh run as the app, or joins the one already
 * running. Anyone who can browse a project of the portfolio may ask; the run reads only what
 * changed since the last one, and a run that ended a minute ago is answered as it is.
 */
export async function refreshPortfolio(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<RefreshRun> {
  const live = await loadLiveConfig(deps.store);
  scopeOfPortfolio(portfolioId, live.config.portfolios);
  const browsable = await browsableProjects(deps, actor.accountId);
  if (browsable.keys.size === 0) {
    throw new AppError('FORBIDDEN', 'You cannot browse any project, so there is nothing to refresh for you.');
  }
  const last = await latestRun(deps, portfolioId);
  const nowMs = deps.now().getTime();
  if (last?.status === 'done' && last.endedAt && nowMs - Date.parse(last.endedAt) < MIN_REFRESH_INTERVAL_MS) {
    return last;
  }
  const { seq } = await startRefresh(deps, deps.queue, portfolioId, 'user');
  const run = await describeRun(deps, portfolioId, seq);
  if (!run) throw new AppError('INTERNAL', 'The refresh run could not be found after it started.');
  return run;
}
