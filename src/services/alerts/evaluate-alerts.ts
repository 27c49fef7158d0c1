import { z } from 'zod';
import { type Alert, alertId } from '../../domain/alerts/alert';
import { detectAlertEvents } from '../../domain/alerts/events';
import { wantsEvent } from '../../domain/alerts/subscriptions';
import { addDays } from '../../domain/history/calendar';
import { type DayRecord, DayRecordSchema } from '../../domain/history/day-record';
import { readBlob, writeBlob } from '../../storage/blob';
import type { AppDeps } from '../deps';
import { snapshotDayRecord } from '../history/snapshot-day-record';
import { historyTimeZone } from '../history/time-zone';
import type { LiveConfig } from '../settings/live-config';
import type { SnapshotData } from '../snapshots/records';
import { readGateBlocks } from './gate-blocks';
import { baselineKey, inboxKey, pendingMailKey } from './keys';
import { lateStatusUpdates } from './late-updates';
import { portfolioName } from './portfolio-name';
import { allSubscriptions } from './subscriptions';

const BaselineSchema = z.object({
  /** The run last evaluated. */
  seq: z.number().int(),
  record: DayRecordSchema,
  /** What that run was compared with: a run evaluated again compares with the same record. */
  previous: DayRecordSchema.nullable(),
});

/** Gate blocks older than this are not alerted the first time a portfolio is evaluated. */
const FIRST_LOOK_BACK_DAYS = 1;

/**
 * After a completed refresh: finds what changed since the previous evaluated run of the portfolio
 * (one stored record, read once) and puts an alert in the inbox of every subscriber who asked for
 * it, and in their daily e-mail digest when they opted in. Idempotent: an alert's id comes from the
 * run and the event, and writes are create-only, so a job delivered twice alerts once. Nothing is
 * computed when nobody subscribed to the portfolio.
 */
export async function evaluateAlerts(
  deps: AppDeps,
  snapshot: SnapshotData,
  live: LiveConfig,
): Promise<{ alerts: number }> {
  const subscribers = [...(await allSubscriptions(deps))].filter(([, subscriptions]) =>
    subscriptions.subscriptions.some((subscription) => subscription.portfolioId === snapshot.portfolioId),
  );
  if (subscribers.length === 0) return { alerts: 0 };
  const key = baselineKey(snapshot.portfolioId);
  const baseline = await readBlob(deps.store, key, BaselineSchema).catch((error: unknown) => {
    deps.logger.warn(
      'the alert baseline is unreadable; starting again',
      { portfolioId: snapshot.portfolioId },
      error,
    );
    return undefined;
  });
  if (baseline && baseline.seq > snapshot.seq) return { alerts: 0 };
  const next = await dayRecordOfSnapshot(deps, snapshot, live);
  const previous = baseline ? (baseline.seq === snapshot.seq ? baseline.previous : baseline.record) : null;
  const since = previous?.asOf ?? addDays(snapshot.asOf.slice(0, 10), -FIRST_LOOK_BACK_DAYS);
  const [gateBlocks, lateUpdates] = await Promise.all([
    readGateBlocks(deps, since, snapshot.asOf),
    lateStatusUpdates(deps, snapshot.portfolioId, Object.keys(next.projects), new Date(snapshot.asOf)),
  ]);
  const events = detectAlertEvents({ previous, next, gateBlocks, lateUpdates });
  const name = portfolioName(live.config, snapshot.portfolioId, snapshot.projects);
  let written = 0;
  for (const [accountId, subscriptions] of subscribers) {
    for (const event of events) {
      if (!wantsEvent(subscriptions, snapshot.portfolioId, event.projectKey, event.kind)) continue;
      const alert: Alert = {
        ...event,
        id: alertId(snapshot.portfolioId, snapshot.seq, event),
        portfolioId: snapshot.portfolioId,
        portfolioName: name,
        runSeq: snapshot.seq,
        at: snapshot.asOf,
        read: false,
      };
      if (await deps.store.setIfAbsent(inboxKey(accountId, alert.id), alert)) written++;
      if (subscriptions.emailDigest) await deps.store.setIfAbsent(pendingMailKey(accountId, alert.id), alert);
    }
  }
  // Moved last: a run that fails before this point is evaluated again against the same record.
  await writeBlob(deps.store, key, { seq: snapshot.seq, record: next, previous });
  return { alerts: written };
}

/** The run's day record, computed as the history records it. */
async function dayRecordOfSnapshot(
  deps: AppDeps,
  snapshot: SnapshotData,
  live: LiveConfig,
): Promise<DayRecord> {
  return snapshotDayRecord(snapshot, live, await historyTimeZone(deps, live.config.history));
}
