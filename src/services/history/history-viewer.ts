import { AppError } from '../../domain/errors';
import { localDayOf } from '../../domain/history/calendar';
import type { Actor, AppDeps } from '../deps';
import { configuredPortfolioId, scopeOfPortfolio } from '../portfolio/portfolios';
import { type LiveConfig, loadLiveConfig } from '../settings/live-config';
import { browsableProjects } from '../snapshots/viewer-access';
import { historyTimeZone } from './time-zone';

export interface HistoryViewer {
  live: LiveConfig;
  /** Projects the viewer can browse (asked of Jira as them, cached a few minutes). */
  browsable: ReadonlySet<string>;
  timeZone: string;
  /** Today in the history's time zone. */
  today: string;
}

/**
 * Who is reading a portfolio's history and what they may see of it: the portfolio must exist and
 * the viewer must browse some project (a configured portfolio none of whose projects they can see
 * does not exist for them, as on the portfolio page).
 */
export async function historyViewer(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<HistoryViewer> {
  const live = await loadLiveConfig(deps);
  scopeOfPortfolio(portfolioId, live.config.portfolios); // NOT_FOUND for a portfolio that does not exist
  const [projects, timeZone] = await Promise.all([
    browsableProjects(deps, actor.accountId),
    historyTimeZone(deps, live.config.history),
  ]);
  if (projects.keys.size === 0) {
    throw new AppError(
      'FORBIDDEN',
      'You cannot browse any project, so there is no portfolio history to show you.',
    );
  }
  return {
    live,
    browsable: projects.keys,
    timeZone,
    today: localDayOf(deps.now().getTime(), timeZone),
  };
}

/** NOT_FOUND for a configured portfolio whose history names no project the viewer can browse. */
export function assertSeesSomeProject(
  portfolioId: string,
  viewer: HistoryViewer,
  projectKeys: Iterable<string>,
  recordedAnything: boolean,
): void {
  if (!recordedAnything) return;
  const configured = viewer.live.config.portfolios.some(
    (definition) => configuredPortfolioId(definition) === portfolioId,
  );
  if (!configured) return;
  for (const key of projectKeys) if (viewer.browsable.has(key)) return;
  throw new AppError('NOT_FOUND', `There is no portfolio ${portfolioId}`);
}

/** The names of the projects the viewer can browse among `summaries`, the latest name of each. */
export function visibleProjectNames(
  viewer: HistoryViewer,
  summaries: readonly { names: Readonly<Record<string, string>> }[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const summary of summaries) {
    for (const [key, name] of Object.entries(summary.names))
      if (viewer.browsable.has(key)) names.set(key, name);
  }
  return names;
}
