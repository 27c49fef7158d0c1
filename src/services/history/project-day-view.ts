import type { ProjectHistoryDay } from '../../contracts/history';
import { projectOfKey } from '../../domain/dependencies/keys';
import { INDICATOR_ORDER, type ProjectDay, ragOfCode } from '../../domain/history/day-record';
import { redactIssueKeys } from '../../domain/snapshot/viewer-filter';
import type { Lifecycle } from '../../domain/standards/schema';

/** One stored project day as a viewer reads it: reasons never name an issue of a project they cannot browse. */
export function projectDayView(
  stored: ProjectDay,
  browsable: ReadonlySet<string>,
  lifecycle: Lifecycle,
): ProjectHistoryDay {
  const [
    rag,
    computedRag,
    indicators,
    kpis,
    averageOpenAgeDays,
    riskExposure,
    compliance,
    stages,
    overridden,
  ] = stored.row;
  const hidden = (key: string) => !browsable.has(projectOfKey(key));
  const stageName = new Map(lifecycle.stages.map((stage) => [stage.id, stage.name]));
  return {
    day: stored.day,
    asOf: stored.asOf,
    reconstructed: stored.reconstructed,
    settingsVersion: stored.settingsVersion,
    rag: ragOfCode(rag),
    computedRag: ragOfCode(computedRag),
    overridden,
    indicators: INDICATOR_ORDER.flatMap((name, index) => {
      const indicator = indicators[index];
      if (!indicator) return [];
      const reason = stored.reasons[name];
      return [
        {
          name,
          value: indicator[0],
          rag: ragOfCode(indicator[1]),
          reason: reason === undefined ? null : redactIssueKeys(reason, hidden),
        },
      ];
    }),
    kpis: {
      open: kpis[0],
      inProgress: kpis[1],
      done: kpis[2],
      overdue: kpis[3],
      resolvedLastWeek: kpis[4],
      averageOpenAgeDays,
    },
    riskExposure,
    compliance: { compliant: compliance[0], evaluated: compliance[1] },
    stages: Object.fromEntries(
      Object.entries(stages).map(([stageId, count]) => [stageName.get(stageId) ?? stageId, count]),
    ),
  };
}
