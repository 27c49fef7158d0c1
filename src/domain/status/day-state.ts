import type { IndicatorName } from '../health/health';
import { type DayRecord, INDICATOR_ORDER, ragOfCode } from '../history/day-record';
import type { ProjectDayState } from './draft';

/** The project of an issue key ("ATLAS-12" → "ATLAS"). */
function projectOfKey(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}

/** One project's state on a recorded day (its computed RAG: the data, not an override); null when absent. */
export function dayStateOf(record: DayRecord, projectKey: string): ProjectDayState | null {
  const row = record.projects[projectKey];
  if (!row) return null;
  const indicators: Partial<Record<IndicatorName, ReturnType<typeof ragOfCode>>> = {};
  INDICATOR_ORDER.forEach((name, index) => {
    const cell = row[2][index];
    if (cell) indicators[name] = ragOfCode(cell[1]);
  });
  const [open, inProgress, done, overdue] = row[3];
  return {
    day: record.day,
    rag: ragOfCode(row[1]),
    indicators,
    kpis: { open, inProgress, done, overdue },
    highRisks: Object.entries(record.highRisks)
      .filter(([, project]) => project === projectKey)
      .map(([key]) => key)
      .sort(),
    conflicts: record.conflicts.filter((pair) =>
      pair.split('>').some((key) => projectOfKey(key) === projectKey),
    ),
  };
}
