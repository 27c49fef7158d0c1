import type { PortfolioHistory } from '../../contracts/history';
import { addDays, daysFrom } from '../../domain/history/calendar';
import { type DaySummary, INDICATOR_ORDER, ragOfCode } from '../../domain/history/day-record';
import type { Actor, AppDeps } from '../deps';
import { readSummaries } from './history-store';
import { assertSeesSomeProject, historyViewer, visibleProjectNames } from './history-viewer';

/**
 * The portfolio's RAG per project and day over the last `days` days, and the red / amber / green
 * counts per day, of the projects the viewer can browse: what sparklines and the trend chart draw.
 */
export async function getPortfolioHistory(
  deps: AppDeps,
  actor: Actor,
  input: { portfolioId: string; days: number },
): Promise<PortfolioHistory> {
  const viewer = await historyViewer(deps, actor, input.portfolioId);
  const from = addDays(viewer.today, -(input.days - 1));
  const summaries = await readSummaries(deps.store, input.portfolioId, from, viewer.today);
  const byDay = new Map(summaries.map((summary) => [summary.day, summary]));
  const names = visibleProjectNames(viewer, summaries);
  assertSeesSomeProject(input.portfolioId, viewer, names.keys(), summaries.length > 0);
  const calendar = daysFrom(from, viewer.today);
  const keys = [...names.keys()].sort();
  return {
    timeZone: viewer.timeZone,
    from,
    to: viewer.today,
    days: calendar.map((day) => dayOf(day, byDay.get(day), keys)),
    projects: keys.map((key) => ({
      key,
      name: names.get(key) ?? key,
      rag: calendar.map((day) => byDay.get(day)?.rag[key] ?? '-').join(''),
      indicators: INDICATOR_ORDER.map((name, index) => ({
        name,
        rag: calendar.map((day) => byDay.get(day)?.indicators[key]?.[index] ?? '-').join(''),
      })),
    })),
  };
}

function dayOf(
  day: string,
  summary: DaySummary | undefined,
  keys: readonly string[],
): PortfolioHistory['days'][number] {
  const counts = { green: 0, amber: 0, red: 0, none: 0 };
  if (summary) {
    for (const key of keys) {
      const code = summary.rag[key];
      if (code) counts[ragOfCode(code)] += 1;
    }
  }
  return {
    day,
    recorded: summary !== undefined,
    reconstructed: summary?.reconstructed ?? false,
    settingsVersion: summary?.settingsVersion ?? null,
    counts,
  };
}
