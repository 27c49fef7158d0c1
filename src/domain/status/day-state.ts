import type { IndicatorName, Rag } from '../health/health';
import { type DaySummary, INDICATOR_ORDER, type ProjectDay, ragOfCode } from '../history/day-record';
import type { ProjectDayState } from './draft';

/** The project of an issue key ("ATLAS-12" → "ATLAS"). */
function projectOfKey(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}

/**
 * One project's state on a recorded day, from its day record and the day's summary (high risks and
 * conflicts; none when the summary is missing). The RAG is the computed one: the data, not an override.
 */
export function dayStateOf(
  projectKey: string,
  day: Pick<ProjectDay, 'day' | 'row'>,
  summary: Pick<DaySummary, 'highRisks' | 'conflicts'> | undefined,
): ProjectDayState {
  const { row } = day;
  const indicators: Partial<Record<IndicatorName, Rag>> = {};
  INDICATOR_ORDER.forEach((name, index) => {
    const cell = row[2][index];
    if (cell) indicators[name] = ragOfCode(cell[1]);
  });
  const [open, inProgress, done, overdue] = row[3];
  return {
    day: day.day,
    rag: ragOfCode(row[1]),
    indicators,
    kpis: { open, inProgress, done, overdue },
    highRisks: Object.entries(summary?.highRisks ?? {})
      .filter(([, project]) => project === projectKey)
      .map(([key]) => key)
      .sort(),
    conflicts: (summary?.conflicts ?? []).filter((pair) =>
      pair.split('>').some((key) => projectOfKey(key) === projectKey),
    ),
  };
}
