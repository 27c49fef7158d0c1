import { queryAll, readParsed } from '../../storage/store';
import type { AppDeps } from '../deps';
import { refreshMinutesOf } from '../portfolio/get-portfolio-report';
import { configuredPortfolioId } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { snapshotKeys, VIEWED_PORTFOLIOS_PREFIX } from './keys';
import { CurrentSnapshotSchema } from './records';
import { latestRun } from './refresh-status';
import { resumeStalledRun } from './resume-stalled-run';
import { startRefresh } from './start-refresh';

/**
 * The scheduled trigger (every hour): starts a refresh for every portfolio whose cadence has
 * passed since its last run started, and resumes a run that stalled. Configured portfolios are
 * always kept; the built-in ones ("all", per category) once someone has opened them.
 */
export async function refreshDuePortfolios(deps: AppDeps): Promise<string[]> {
  const live = await loadLiveConfig(deps);
  const ids = new Set(live.config.portfolios.map(configuredPortfolioId));
  for await (const { key } of queryAll(deps.store, VIEWED_PORTFOLIOS_PREFIX)) {
    ids.add(key.slice(VIEWED_PORTFOLIOS_PREFIX.length));
  }
  const started: string[] = [];
  const nowMs = deps.now().getTime();
  for (const portfolioId of [...ids].sort()) {
    const current = await readParsed(deps.store, snapshotKeys(portfolioId).current, CurrentSnapshotSchema);
    const run = await latestRun(deps, portfolioId);
    if (run && (await resumeStalledRun(deps, portfolioId, run))) continue;
    const lastStart = run ? Date.parse(run.startedAt) : current ? current.startedAtMs : 0;
    const dueMs = refreshMinutesOf(portfolioId, live.config) * 60_000;
    // A little slack so an hourly trigger does not skip an hourly portfolio by seconds.
    if (nowMs - lastStart < dueMs - 5 * 60_000) continue;
    try {
      const result = await startRefresh(deps, deps.queue, portfolioId, 'schedule');
      if (!result.joined) started.push(portfolioId);
    } catch {
      // One portfolio that cannot be planned (scope gone, Jira down) must not stop the others.
    }
  }
  return started;
}
