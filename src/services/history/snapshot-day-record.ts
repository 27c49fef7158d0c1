import type { BaselineMark } from '../../domain/history/baseline';
import { localDayOf } from '../../domain/history/calendar';
import { type DayRecord, dayRecordOf } from '../../domain/history/day-record';
import { computeFromSnapshot } from '../portfolio/compute-from-snapshot';
import type { LiveConfig } from '../settings/live-config';
import type { SnapshotData } from '../snapshots/records';

/**
 * The day record of a completed snapshot, computed for the moment its data was read, on the
 * calendar day of `timeZone`. Issues with a security level count, but their keys are never named.
 */
export function snapshotDayRecord(
  snapshot: SnapshotData,
  live: LiveConfig,
  timeZone: string,
  baselines: Readonly<Record<string, BaselineMark>> = {},
): DayRecord {
  const asOf = new Date(snapshot.asOf);
  const report = computeFromSnapshot(snapshot, snapshot, live, asOf, baselines);
  return dayRecordOf({
    day: localDayOf(asOf.getTime(), timeZone),
    asOf: snapshot.asOf,
    settingsVersion: live.version,
    reconstructed: false,
    report,
    compliance: report.compliance,
    secured: (issueKey) => snapshot.facts[issueKey]?.restricted === true,
  });
}
