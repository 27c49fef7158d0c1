import type { RefreshStatus } from '../../contracts/snapshots';
import { AppError } from '../../domain/errors';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { scopeOfPortfolio } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { snapshotKeys } from './keys';
import { CurrentSnapshotSchema } from './records';
import { runHistory } from './refresh-status';
import { browsableProjects } from './viewer-access';

/** Progress of a portfolio's refresh runs (state, projects done, points) and its recent history. */
export async function getRefreshStatus(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<RefreshStatus> {
  const live = await loadLiveConfig(deps.store);
  scopeOfPortfolio(portfolioId, live.config.portfolios);
  if ((await browsableProjects(deps, actor.accountId)).keys.size === 0) {
    throw new AppError('FORBIDDEN', 'You cannot browse any project, so there is no portfolio to show you.');
  }
  const [history, current] = await Promise.all([
    runHistory(deps, portfolioId, 10),
    readParsed(deps.store, snapshotKeys(portfolioId).current, CurrentSnapshotSchema),
  ]);
  return { run: history[0] ?? null, asOf: current?.asOf ?? null, history };
}
