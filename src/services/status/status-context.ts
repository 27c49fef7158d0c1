import { AppError } from '../../domain/errors';
import { localDayOf } from '../../domain/history/calendar';
import type { PortfolioReport } from '../../domain/portfolio';
import { currentPeriod, previousPeriod, type StatusPeriod } from '../../domain/status/period';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from '../../domain/status/settings';
import type { Actor, AppDeps } from '../deps';
import { historyTimeZone } from '../history/time-zone';
import { getPortfolioReport, viewerSnapshot } from '../portfolio/get-portfolio-report';
import { configuredPortfolioId } from '../portfolio/portfolios';
import type { LiveConfig } from '../settings/live-config';
import { loadLiveConfig } from '../settings/live-config';
import type { SnapshotData } from '../snapshots/records';
import type { ViewerAccess } from '../snapshots/viewer-access';

/** Periods a board offers: this one and the ones before it. */
const PERIODS_OFFERED = 6;

/** What every status use case reads first: the portfolio as the viewer may see it, and its calendar. */
export interface StatusContext {
  live: LiveConfig;
  settings: StatusSettings;
  timeZone: string;
  today: string;
  current: StatusPeriod;
  /** The viewer's report: only projects they can browse (asked of Jira as them, cached). */
  report: PortfolioReport;
  snapshot: { data: SnapshotData; access: ViewerAccess };
}

/**
 * The portfolio's report and snapshot as the viewer may see them (from storage: no Jira read beyond
 * the viewer's permission check), its status settings, time zone and current period.
 */
export async function statusContext(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<StatusContext> {
  const report = await getPortfolioReport(deps, actor, portfolioId);
  const [live, snapshot] = await Promise.all([
    loadLiveConfig(deps),
    viewerSnapshot(deps, actor, portfolioId),
  ]);
  if (!snapshot) throw new AppError('NOT_READY', 'The portfolio is being read from Jira for the first time.');
  const definition = live.config.portfolios.find(
    (candidate) => configuredPortfolioId(candidate) === portfolioId,
  );
  const settings = definition?.status ?? DEFAULT_STATUS_SETTINGS;
  const timeZone = await historyTimeZone(deps, live.config.history);
  const current = currentPeriod(deps.now().getTime(), timeZone, settings);
  return {
    live,
    settings,
    timeZone,
    today: localDayOf(deps.now().getTime(), timeZone),
    current,
    report,
    snapshot,
  };
}

/** This period and the ones before it, newest first. */
export function offeredPeriods(context: Pick<StatusContext, 'current' | 'settings'>): StatusPeriod[] {
  const periods = [context.current];
  while (periods.length < PERIODS_OFFERED) {
    periods.push(previousPeriod(periods.at(-1) as StatusPeriod, context.settings));
  }
  return periods;
}

/** The period `periodId` names among those offered (the current one when absent); BAD_REQUEST otherwise. */
export function periodFor(
  context: Pick<StatusContext, 'current' | 'settings'>,
  periodId: string | undefined,
  offered: readonly StatusPeriod[] = offeredPeriods(context),
): StatusPeriod {
  if (periodId === undefined) return context.current;
  const period = offered.find((candidate) => candidate.id === periodId);
  if (!period) {
    throw new AppError('BAD_REQUEST', `${periodId} does not start a status period this portfolio offers`, {
      periods: offered.map((candidate) => candidate.id),
    });
  }
  return period;
}

/** Updates may be written for this period and the one before (finished late). */
export function writablePeriod(
  context: Pick<StatusContext, 'current' | 'settings'>,
  periodId: string,
): StatusPeriod {
  return periodFor(context, periodId, offeredPeriods(context).slice(0, 2));
}

/** A project of the viewer's report, or NOT_FOUND (a project they cannot browse does not exist for them). */
export function reportProject(context: Pick<StatusContext, 'report'>, projectKey: string) {
  const project = context.report.projects.find((candidate) => candidate.key === projectKey);
  if (!project) throw new AppError('NOT_FOUND', `There is no project ${projectKey} in this portfolio`);
  return project;
}
