import type { LateStatusUpdate } from '../../domain/alerts/events';
import { lateUpdates } from '../../domain/status/board';
import { currentPeriod } from '../../domain/status/period';
import { DEFAULT_STATUS_SETTINGS } from '../../domain/status/settings';
import type { AppDeps } from '../deps';
import { historyTimeZone } from '../history/time-zone';
import { configuredPortfolioId } from '../portfolio/portfolios';
import { loadLiveConfig } from '../settings/live-config';
import { periodPublications } from '../status/status-store';

/**
 * The projects of a portfolio whose status update for the period `asOf` falls in is late at `asOf`
 * (its due day is over and nothing is published), by the portfolio's cadence and the history's time
 * zone. The alert "a status update late" and the weekly digest's "Late status updates" read it.
 * Storage only: the live settings and the period's publications.
 */
export async function lateStatusUpdates(
  deps: AppDeps,
  portfolioId: string,
  projectKeys: readonly string[],
  asOf: Date,
): Promise<LateStatusUpdate[]> {
  const live = await loadLiveConfig(deps);
  const definition = live.config.portfolios.find(
    (candidate) => configuredPortfolioId(candidate) === portfolioId,
  );
  const settings = definition?.status ?? DEFAULT_STATUS_SETTINGS;
  const timeZone = await historyTimeZone(deps, live.config.history);
  const period = currentPeriod(asOf.getTime(), timeZone, settings);
  const published = new Set(
    (await periodPublications(deps.store, portfolioId, period.id)).map((update) => update.projectKey),
  );
  const rows = projectKeys.map((projectKey) => ({
    projectKey,
    projectName: projectKey,
    published: published.has(projectKey) ? true : null,
  }));
  return lateUpdates({ period, timeZone, rows }, asOf).map((late) => ({
    projectKey: late.projectKey,
    period: late.periodId,
  }));
}
