import type { HistoryMarker, ProjectHistory, ProjectHistoryDay } from '../../contracts/history';
import { AppError } from '../../domain/errors';
import { addDays, localDayOf } from '../../domain/history/calendar';
import type { Actor, AppDeps } from '../deps';
import { readBaselines } from './baselines';
import { readProjectDays, readSummaries } from './history-store';
import { historyViewer } from './history-viewer';
import { projectDayView } from './project-day-view';

/**
 * One project's days (RAG, every indicator with the reasons as computed then, KPIs, risk exposure,
 * compliance, stages) and the markers of what happened on the way. A project the viewer cannot
 * browse does not exist for them.
 */
export async function getProjectHistory(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; projectKey: string; days: number },
): Promise<ProjectHistory> {
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  const notFound = new AppError(
    'NOT_FOUND',
    `There is no project ${input.projectKey} in this portfolio's history`,
  );
  if (!viewer.browsable.has(input.projectKey)) throw notFound;
  const from = addDays(viewer.today, -(input.days - 1));
  const [stored, latest, baselines] = await Promise.all([
    readProjectDays(deps.store, input.portfolioId, input.projectKey, from, viewer.today),
    readSummaries(deps.store, input.portfolioId, addDays(viewer.today, -31), viewer.today),
    readBaselines(deps, input.portfolioId, input.projectKey),
  ]);
  if (stored.length === 0 && !latest.some((summary) => input.projectKey in summary.rag)) throw notFound;
  const days = stored.map((day) => projectDayView(day, viewer.browsable, viewer.live.config.lifecycle));
  const name =
    [...latest].reverse().find((summary) => summary.names[input.projectKey])?.names[input.projectKey] ??
    input.projectKey;
  return {
    projectKey: input.projectKey,
    name,
    timeZone: viewer.timeZone,
    from,
    to: viewer.today,
    days,
    markers: [
      ...markersOf(days),
      ...baselines
        .map((baseline) => ({
          day: localDayOf(Date.parse(baseline.capturedAt), viewer.timeZone),
          kind: 'baseline' as const,
          text: `${baseline.trigger === 'gate' ? 'Baseline captured at a gate' : 'Baseline set'}${baseline.note ? `: ${baseline.note}` : ''}`,
        }))
        .filter((marker) => marker.day >= from),
    ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
  };
}

const RAG_WORDS = { green: 'green', amber: 'amber', red: 'red', none: 'no RAG' } as const;

/** Settings published, overrides set or lifted, and issues entering a stage, from one day to the next. */
export function markersOf(days: readonly ProjectHistoryDay[]): HistoryMarker[] {
  const markers: HistoryMarker[] = [];
  for (let index = 1; index < days.length; index++) {
    const before = days[index - 1] as ProjectHistoryDay;
    const day = days[index] as ProjectHistoryDay;
    if (day.settingsVersion !== before.settingsVersion) {
      markers.push({
        day: day.day,
        kind: 'settings',
        text: `Settings version ${day.settingsVersion} in effect`,
      });
    }
    if (day.overridden && (!before.overridden || before.rag !== day.rag)) {
      markers.push({ day: day.day, kind: 'override', text: `Manual override: ${RAG_WORDS[day.rag]}` });
    } else if (!day.overridden && before.overridden) {
      markers.push({ day: day.day, kind: 'override', text: 'Manual override ended' });
    }
    for (const [stage, count] of Object.entries(day.stages)) {
      const entered = count - (before.stages[stage] ?? 0);
      if (entered > 0) {
        markers.push({
          day: day.day,
          kind: 'gate',
          text: `${entered} gated issue${entered === 1 ? '' : 's'} entered ${stage}`,
        });
      }
    }
  }
  return markers;
}
