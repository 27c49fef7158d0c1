import { addDays } from '../../src/domain/history/calendar';
import type { DayRecord } from '../../src/domain/history/day-record';
import { readProjectDays, readSummaries, storeDay } from '../../src/services/history/history-store';
import type { Stack } from './stack';

/** How long the seeded days are kept: the default retention. */
const RETENTION_DAYS = 400;

/**
 * Gives the portfolio `all` a past, as the daily job would have recorded it: each of the `days` days
 * before `today` is a copy of today's record, which `change` then alters (`back` days before today).
 */
export async function seedPastDays(
  stack: Stack,
  today: string,
  days: number,
  change: (record: DayRecord, back: number) => void,
): Promise<void> {
  const store = stack.wiring.localApp.deps.store;
  const [summary] = await readSummaries(store, 'all', today, today);
  if (!summary) throw new Error('today was not recorded');
  const projects: DayRecord['projects'] = {};
  const reasons: DayRecord['reasons'] = {};
  for (const key of Object.keys(summary.rag)) {
    const [day] = await readProjectDays(store, 'all', key, today, today);
    if (!day) throw new Error(`no record of ${key}`);
    projects[key] = day.row;
    reasons[key] = day.reasons;
  }
  for (let back = 1; back <= days; back++) {
    const day = addDays(today, -back);
    const record: DayRecord = {
      version: 1,
      day,
      asOf: `${day}T12:00:00.000Z`,
      settingsVersion: summary.settingsVersion,
      reconstructed: false,
      names: summary.names,
      projects: structuredClone(projects),
      reasons,
      highRisks: summary.highRisks,
      conflicts: summary.conflicts,
      gated: summary.gated,
    };
    change(record, back);
    await storeDay(store, 'all', record, RETENTION_DAYS);
  }
}
