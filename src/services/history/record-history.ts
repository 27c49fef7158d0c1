import { addDays } from '../../domain/history/calendar';
import { gatesPassedBetween } from '../../domain/history/gates-passed';
import type { AppDeps } from '../deps';
import type { LiveConfig } from '../settings/live-config';
import type { SnapshotData } from '../snapshots/records';
import { captureGateBaselines } from './baselines';
import { type RecordOutcome, readSummaries, storeDay } from './history-store';
import { readLatestBaselines } from './latest-baselines';
import { snapshotDayRecord } from './snapshot-day-record';
import { historyTimeZone } from './time-zone';

/**
 * Records the day of a completed snapshot in the portfolio's history: every project as the app saw
 * it, computed for the moment the data was read. Issues with a security level still count, but
 * their keys are never written into the history's lists or reasons.
 */
export async function recordHistoryDay(
  deps: AppDeps,
  snapshot: SnapshotData,
  live: LiveConfig,
): Promise<RecordOutcome> {
  const [timeZone, baselines] = await Promise.all([
    historyTimeZone(deps, live.config.history),
    readLatestBaselines(deps, snapshot.portfolioId),
  ]);
  const record = snapshotDayRecord(snapshot, live, timeZone, baselines);
  const [previous] = (
    await readSummaries(deps.store, snapshot.portfolioId, addDays(record.day, -31), record.day)
  ).slice(-1);
  const outcome = await storeDay(deps.store, snapshot.portfolioId, record, live.config.history.retentionDays);
  if (outcome === 'written' && previous) {
    const advanced = gatesPassedBetween(previous.gated, record.gated, live.config.lifecycle.stages);
    if (advanced.length > 0) {
      await captureGateBaselines(
        deps,
        snapshot,
        record.day,
        advanced,
        (projectKey) => record.projects[projectKey]?.[5] ?? 0,
      );
    }
  }
  return outcome;
}
