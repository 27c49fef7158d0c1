import type { z } from 'zod';
import { addDays } from '../../domain/history/calendar';
import {
  type DayRecord,
  type DaySummary,
  DaySummarySchema,
  type ProjectDay,
  ProjectDaySchema,
  splitDayRecord,
} from '../../domain/history/day-record';
import { queryAll, readParsed, type Store } from '../../storage/store';
import { snapshotKeys } from '../snapshots/keys';

/**
 * The history in storage: per portfolio and day, a small summary (every project's RAG, high risks,
 * conflicts) and one record per project (its indicators, KPIs and reasons). Each record is written
 * whole and only ever replaced by a later reading of the same day, so there is no read-modify-write
 * of a shared record: two writers of one day both write complete, valid days, and the later reading
 * is kept. A reconstructed day never replaces a recorded one.
 */

/** Writes in flight at once when storing a day's project records. */
const WRITE_BATCH = 20;

export type RecordOutcome = 'written' | 'kept-newer';

export async function storeDay(
  store: Store,
  portfolioId: string,
  record: DayRecord,
  retentionDays: number,
): Promise<RecordOutcome> {
  const keys = snapshotKeys(portfolioId);
  const existing = await readParsed(store, keys.historyDay(record.day), DaySummarySchema).catch(
    () => undefined,
  );
  if (existing && !supersedes(record, existing)) return 'kept-newer';
  const { summary, projects } = splitDayRecord(record);
  const entries = [...projects];
  for (let start = 0; start < entries.length; start += WRITE_BATCH) {
    await Promise.all(
      entries
        .slice(start, start + WRITE_BATCH)
        .map(([projectKey, day]) => store.set(keys.historyProject(projectKey, record.day), day)),
    );
  }
  // Projects that were in the portfolio earlier that day but left it: their row for the day goes.
  const left = Object.keys(existing?.rag ?? {}).filter((projectKey) => !projects.has(projectKey));
  await Promise.all(left.map((projectKey) => store.delete(keys.historyProject(projectKey, record.day))));
  // The summary last: a day is listed only once every project's record of it is stored.
  await store.set(keys.historyDay(record.day), summary);
  if (!existing && !record.reconstructed)
    await pruneBefore(store, portfolioId, addDays(record.day, -retentionDays));
  return 'written';
}

/** A recorded day beats a reconstructed one; between two of a kind, the later reading wins. */
function supersedes(record: DayRecord, existing: DaySummary): boolean {
  if (record.reconstructed !== existing.reconstructed) return !record.reconstructed;
  return record.asOf >= existing.asOf;
}

/** Deletes the days before `cutoff` ("YYYY-MM-DD"), summaries and project records. */
export async function pruneBefore(store: Store, portfolioId: string, cutoff: string): Promise<number> {
  const keys = snapshotKeys(portfolioId);
  const projectKeys = new Set<string>();
  const oldDays: string[] = [];
  for await (const entry of queryAll(store, keys.historyDayPrefix)) {
    const day = entry.key.slice(keys.historyDayPrefix.length);
    if (day >= cutoff) {
      const summary = DaySummarySchema.safeParse(entry.value);
      if (summary.success) for (const key of Object.keys(summary.data.rag)) projectKeys.add(key);
      break;
    }
    oldDays.push(day);
    const summary = DaySummarySchema.safeParse(entry.value);
    if (summary.success) for (const key of Object.keys(summary.data.rag)) projectKeys.add(key);
  }
  let deleted = 0;
  for (const projectKey of projectKeys) {
    const prefix = keys.historyProjectPrefix(projectKey);
    const stale: string[] = [];
    for await (const entry of queryAll(store, prefix)) {
      if (entry.key.slice(prefix.length) >= cutoff) break;
      stale.push(entry.key);
    }
    await Promise.all(stale.map((key) => store.delete(key)));
    deleted += stale.length;
  }
  await Promise.all(oldDays.map((day) => store.delete(keys.historyDay(day))));
  return deleted + oldDays.length;
}

/** Month prefixes ("YYYY-MM-") covering `from`..`to`, so a window is read without paging the whole year. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}-`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Records under `prefix` + day for the days `from`..`to` (inclusive), oldest first; unreadable ones skipped. */
async function readDays<T extends { day: string }>(
  store: Store,
  prefix: string,
  from: string,
  to: string,
  schema: z.ZodType<T>,
): Promise<T[]> {
  const pages = await Promise.all(
    monthsBetween(from, to).map(async (month) => {
      const days: T[] = [];
      for await (const entry of queryAll(store, `${prefix}${month}`)) {
        const parsed = schema.safeParse(entry.value);
        if (parsed.success && parsed.data.day >= from && parsed.data.day <= to) days.push(parsed.data);
      }
      return days;
    }),
  );
  return pages.flat();
}

/** Day summaries from `from` to `to` (inclusive), oldest first; unreadable records are skipped. */
export function readSummaries(
  store: Store,
  portfolioId: string,
  from: string,
  to: string,
): Promise<DaySummary[]> {
  return readDays(store, snapshotKeys(portfolioId).historyDayPrefix, from, to, DaySummarySchema);
}

/** One project's days from `from` to `to` (inclusive), oldest first. */
export function readProjectDays(
  store: Store,
  portfolioId: string,
  projectKey: string,
  from: string,
  to: string,
): Promise<ProjectDay[]> {
  return readDays(
    store,
    snapshotKeys(portfolioId).historyProjectPrefix(projectKey),
    from,
    to,
    ProjectDaySchema,
  );
}
