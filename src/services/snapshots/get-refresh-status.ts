import type { RefreshStatus } from '../../contracts/snapshots';
import { readParsed } from '../../storage/store';
import type { Actor, AppDeps } from '../deps';
import { snapshotKeys } from './keys';
import { CurrentSnapshotSchema } from './records';
import { runHistory } from './refresh-status';
import { assertPortfolioViewer } from './viewer-access';

/** Progress of a portfolio's refresh runs (state, projects done, points) and its recent history. */
export async function getRefreshStatus(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<RefreshStatus> {
  await assertPortfolioViewer(deps, actor.accountId, portfolioId);
  const [history, current] = await Promise.all([
    runHistory(deps, portfolioId, 10),
    readParsed(deps.store, snapshotKeys(portfolioId).current, CurrentSnapshotSchema),
  ]);
  return { run: history[0] ?? null, asOf: current?.asOf ?? null, history };
}
