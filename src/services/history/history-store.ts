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
import {
  decodeProjectMonth,
  encodeProjectMonth,
  type MonthDay,
  monthOfDay,
  ProjectMonthSchema,
  withMonthDay,
} from '../../domain/history/project-month';
import { pack, unpack } from '../../storage/packed';
import { queryAll, type Store, StoredDataError } from '../../storage/store';
import { snapshotKeys } from '../snapshots/keys';

/**
 * The history in storage (format 2): per portfolio and day, a small packed summary (every project's
 * RAG and indicator RAGs, high risks, conflicts), and per project and month one packed record of
 * its days (indicators, KPIs, reasons written only when they change).
 *
 * Why writing a month record (read, add the day, write it whole) is safe on Forge's KVS, which has
 * no conditional write for plain keys: each month record has exactly one writer at a time.
 * Recorded days are written only by a refresh run's assembly, and a portfolio runs one refresh at
 * a time (a run is claimed create-only and a second "Refresh" joins it; a new run starts only once
 * the last one has its result or is six hours dead). Reconstructed days are written only by the
 * backfill's day jobs, which run one after another, into their own records (`:b`, not `:r`), so a
 * backfill running beside a refresh never writes a record the refresh writes. Readers take a
 * recorded day over a reconstructed one. Every write is idempotent: the record is encoded from
 * complete days, so writing the same day again stores the same value.
 *
 * Format 1 (a plain summary and one record per project and day) still reads; its per-day records
 * are deleted when their day is written again, and pruned with the retention.
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
  const existing = await readSummary(store, keys.historyDay(record.day)).catch(() => undefined);
  if (existing && !supersedes(record, existing)) return 'kept-newer';
  const { summary, projects } = splitDayRecord(record);
  const month = monthOfDay(record.day);
  const writer = record.reconstructed ? 'reconstructed' : 'recorded';
  // Projects that were in the portfolio earlier that day but left it are marked absent that day.
  const left = Object.keys(existing?.rag ?? {}).filter((projectKey) => !projects.has(projectKey));
  const days: [string, MonthDay][] = [
    ...projects,
    ...left.map((projectKey): [string, MonthDay] => [projectKey, { day: record.day, absent: true }]),
  ];
  for (let start = 0; start < days.length; start += WRITE_BATCH) {
    await Promise.all(
      days
        .slice(start, start + WRITE_BATCH)
        .map(([projectKey, day]) =>
          putMonthDay(store, keys.historyMonth(month, projectKey, writer), projectKey, month, day),
        ),
    );
  }
  if (existing?.format === 1) {
    await Promise.all(
      Object.keys(existing.rag).map((projectKey) =>
        store.delete(keys.historyProject(projectKey, record.day)),
      ),
    );
  }
  // The summary last: a day is listed only once every project's record of it is stored.
  await store.set(keys.historyDay(record.day), pack(summary));
  if (!existing && !record.reconstructed)
    await pruneBefore(store, portfolioId, addDays(record.day, -retentionDays));
  return 'written';
}

/** Puts one day into a project's month record (its only writer: see the module comment). */
async function putMonthDay(
  store: Store,
  key: string,
  projectKey: string,
  month: string,
  day: MonthDay,
): Promise<void> {
  const days = await readMonthRecord(store, key);
  await store.set(key, pack(encodeProjectMonth(projectKey, month, withMonthDay(days, day))));
}

/** The days of one month record; none when it is absent or unreadable. */
async function readMonthRecord(store: Store, key: string, from?: string, to?: string): Promise<MonthDay[]> {
  const raw = await store.get(key);
  return raw === undefined ? [] : monthDaysOf(raw, from, to);
}

function monthDaysOf(raw: unknown, from?: string, to?: string): MonthDay[] {
  const parsed = ProjectMonthSchema.safeParse(unpack(raw));
  return parsed.success ? decodeProjectMonth(parsed.data, from, to) : [];
}

/** A stored day summary of either format. */
async function readSummary(store: Store, key: string): Promise<DaySummary | undefined> {
  const raw = await store.get(key);
  if (raw === undefined) return undefined;
  const parsed = DaySummarySchema.safeParse(unpack(raw));
  if (!parsed.success) throw new StoredDataError(key, parsed.error.message);
  return parsed.data;
}

/** A recorded day beats a reconstructed one; between two of a kind, the later reading wins. */
function supersedes(record: DayRecord, existing: DaySummary): boolean {
  if (record.reconstructed !== existing.reconstructed) return !record.reconstructed;
  return record.asOf >= existing.asOf;
}

/** Deletes the days before `cutoff` ("YYYY-MM-DD"): summaries, format-1 project days, and month records of months before it. */
export async function pruneBefore(store: Store, portfolioId: string, cutoff: string): Promise<number> {
  const keys = snapshotKeys(portfolioId);
  const legacyProjects = new Set<string>();
  const oldDays: string[] = [];
  for await (const entry of queryAll(store, keys.historyDayPrefix)) {
    const day = entry.key.slice(keys.historyDayPrefix.length);
    const summary = DaySummarySchema.safeParse(unpack(entry.value));
    if (summary.success && summary.data.format === 1)
      for (const key of Object.keys(summary.data.rag)) legacyProjects.add(key);
    if (day >= cutoff) break;
    oldDays.push(day);
  }
  let deleted = 0;
  for (const projectKey of legacyProjects) {
    const prefix = keys.historyProjectPrefix(projectKey);
    const stale: string[] = [];
    for await (const entry of queryAll(store, prefix)) {
      if (entry.key.slice(prefix.length) >= cutoff) break;
      stale.push(entry.key);
    }
    await Promise.all(stale.map((key) => store.delete(key)));
    deleted += stale.length;
  }
  // Month records go once their whole month is before the cutoff (retention is "at least").
  const cutoffMonth = monthOfDay(cutoff);
  const oldMonths: string[] = [];
  for await (const entry of queryAll(store, keys.historyMonthsPrefix)) {
    if (monthOfDay(`${entry.key.slice(keys.historyMonthsPrefix.length)}`) >= cutoffMonth) break;
    oldMonths.push(entry.key);
  }
  await Promise.all([
    ...oldMonths.map((key) => store.delete(key)),
    ...oldDays.map((day) => store.delete(keys.historyDay(day))),
  ]);
  return deleted + oldMonths.length + oldDays.length;
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
        const parsed = schema.safeParse(unpack(entry.value));
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
export async function readProjectDays(
  store: Store,
  portfolioId: string,
  projectKey: string,
  from: string,
  to: string,
): Promise<ProjectDay[]> {
  const keys = snapshotKeys(portfolioId);
  const months = await Promise.all(
    monthsBetween(from, to).map(async (prefix) => {
      const month = prefix.slice(0, 7);
      const [recorded, reconstructed, legacy] = await Promise.all([
        readMonthRecord(store, keys.historyMonth(month, projectKey, 'recorded'), from, to),
        readMonthRecord(store, keys.historyMonth(month, projectKey, 'reconstructed'), from, to),
        readDays(
          store,
          keys.historyProjectPrefix(projectKey),
          `${month}-01`,
          `${month}-31`,
          ProjectDaySchema,
        ),
      ]);
      return mergedDays(legacy, reconstructed, recorded);
    }),
  );
  return months.flat().filter((day) => day.day >= from && day.day <= to);
}

/**
 * Every project's days from `from` to `to`, by project key, read a month of all projects at a time
 * (one prefix query per month, not one read per project and day). `summaries` are the window's days:
 * those of format 1 have their project days read from that format's records.
 */
export async function readAllProjectDays(
  store: Store,
  portfolioId: string,
  from: string,
  to: string,
  summaries: readonly DaySummary[],
): Promise<Map<string, ProjectDay[]>> {
  const keys = snapshotKeys(portfolioId);
  const legacyReads = summaries
    .filter((summary) => summary.format === 1)
    .flatMap((summary) => Object.keys(summary.rag).map((projectKey) => [projectKey, summary.day] as const));
  const [monthRecords, legacy] = await Promise.all([
    Promise.all(
      monthsBetween(from, to).map(async (prefix) => {
        const records: { key: string; days: MonthDay[] }[] = [];
        for await (const entry of queryAll(store, keys.historyMonthPrefix(prefix.slice(0, 7)))) {
          records.push({ key: entry.key, days: monthDaysOf(entry.value, from, to) });
        }
        return records;
      }),
    ),
    Promise.all(
      legacyReads.map(async ([projectKey, day]) => {
        const parsed = ProjectDaySchema.safeParse(await store.get(keys.historyProject(projectKey, day)));
        return parsed.success ? [{ projectKey, day: parsed.data }] : [];
      }),
    ),
  ]);
  const byProject = new Map<
    string,
    { legacy: ProjectDay[]; recorded: MonthDay[]; reconstructed: MonthDay[] }
  >();
  const of = (projectKey: string) => {
    const entry = byProject.get(projectKey) ?? { legacy: [], recorded: [], reconstructed: [] };
    byProject.set(projectKey, entry);
    return entry;
  };
  for (const { projectKey, day } of legacy.flat()) of(projectKey).legacy.push(day);
  for (const { key, days } of monthRecords.flat()) {
    const [projectKey = '', writer] = key.slice(keys.historyMonthsPrefix.length + 8).split(':');
    of(projectKey)[writer === 'r' ? 'recorded' : 'reconstructed'].push(...days);
  }
  return new Map(
    [...byProject].map(([projectKey, days]) => [
      projectKey,
      mergedDays(days.legacy, days.reconstructed, days.recorded).filter(
        (day) => day.day >= from && day.day <= to,
      ),
    ]),
  );
}

/** A project's days, oldest first: a recorded day (or its absence) over a reconstructed one over format 1. */
function mergedDays(
  legacy: readonly ProjectDay[],
  reconstructed: readonly MonthDay[],
  recorded: readonly MonthDay[],
): ProjectDay[] {
  const byDay = new Map<string, MonthDay>();
  for (const day of [...legacy, ...reconstructed, ...recorded]) byDay.set(day.day, day);
  return [...byDay.values()]
    .filter((day): day is ProjectDay => !('absent' in day))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
