import { HISTORY_EXPORT_DAYS, type HistoryExport } from '../../contracts/history';
import { AppError } from '../../domain/errors';
import { daysFrom } from '../../domain/history/calendar';
import type { Actor, AppDeps } from '../deps';
import { readAllProjectDays, readSummaries } from './history-store';
import { assertSeesSomeProject, historyViewer, visibleProjectNames } from './history-viewer';
import { projectDayView } from './project-day-view';

/**
 * The history's rows for a CSV, one per project per recorded day, for the projects the viewer can
 * browse. A call covers at most {@link HISTORY_EXPORT_DAYS} days; the page asks window by window.
 */
export async function exportPortfolioHistory(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; from: string; to: string },
): Promise<HistoryExport> {
  const span = daysFrom(input.from, input.to).length;
  if (span === 0) throw new AppError('BAD_REQUEST', 'The export range ends before it starts.');
  if (span > HISTORY_EXPORT_DAYS) {
    throw new AppError(
      'BAD_REQUEST',
      `One export call covers at most ${HISTORY_EXPORT_DAYS} days; ask window by window.`,
    );
  }
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  const summaries = await readSummaries(deps.store, input.portfolioId, input.from, input.to);
  const names = visibleProjectNames(viewer, summaries);
  assertSeesSomeProject(input.portfolioId, viewer, names.keys(), summaries.length > 0);
  const keys = [...names.keys()].sort();
  const perProject = await readAllProjectDays(deps.store, input.portfolioId, input.from, input.to, summaries);
  const rows = keys.flatMap((projectKey) =>
    (perProject.get(projectKey) ?? []).map((day) => ({
      projectKey,
      name: names.get(projectKey) ?? projectKey,
      ...projectDayView(day, viewer.browsable, viewer.live.config.lifecycle),
    })),
  );
  rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.projectKey.localeCompare(b.projectKey)));
  return { from: input.from, to: input.to, rows };
}
