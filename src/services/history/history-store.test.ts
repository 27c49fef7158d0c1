import { addDays } from '../../domain/history/calendar';
import { type DayRecord, dayRecordOf } from '../../domain/history/day-record';
import { MemoryStore } from '../../storage/memory-store';
import { snapshotKeys } from '../snapshots/keys';
import formatOne from './fixtures/history-v1.json';
import { readAllProjectDays, readProjectDays, readSummaries, storeDay } from './history-store';

/** A day of one project whose schedule reason names `late` late issues. */
const record = (day: string, late: number, reconstructed = false, projectKeys = ['ABC']): DayRecord =>
  dayRecordOf({
    day,
    asOf: `${day}T10:00:00.000Z`,
    settingsVersion: 1,
    reconstructed,
    secured: () => false,
    compliance: null,
    report: {
      risks: [],
      dependencies: { conflicts: [] } as never,
      projects: projectKeys.map((key) => ({
        key,
        name: `Project ${key}`,
        category: null,
        health: {
          rag: 'red',
          computedRag: 'red',
          override: null,
          indicators: [
            { name: 'schedule', value: late, rag: 'red', reason: `${late} of 10 open issues are past due.` },
            { name: 'blockers', value: 0, rag: 'green', reason: 'Nothing blocked.' },
          ],
        },
        kpis: {
          total: 10,
          open: 10,
          inProgress: 2,
          done: 0,
          overdue: late,
          averageOpenAgeDays: 4,
          throughput: [],
        },
      })),
    },
  });

async function storeWithFormatOne(): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (const entry of formatOne) await store.set(entry.key, entry.value);
  return store;
}

describe('history storage formats', () => {
  it('reads days stored in format 1 (one record per project and day) as they were written', async () => {
    const store = await storeWithFormatOne();
    const summaries = await readSummaries(store, 'all', '2026-02-01', '2026-03-31');
    const stored = formatOne.filter((entry) => entry.key.includes(':h:day:'));
    expect(summaries).toEqual(stored.map((entry) => ({ ...entry.value, indicators: {}, format: 1 })));
    const projectDays = formatOne.filter((entry) => entry.key.includes(':h:project:P1:'));
    const expected = projectDays.map((entry) => entry.value);
    expect(await readProjectDays(store, 'all', 'P1', '2026-02-01', '2026-03-31')).toEqual(expected);
    const all = await readAllProjectDays(store, 'all', '2026-02-01', '2026-03-31', summaries);
    expect(all.get('P1')).toEqual(expected);
    expect([...all.keys()].sort()).toEqual(['P0', 'P1', 'P2']);
  });

  it('replaces a format-1 day with a later reading in the current format, and drops the old records', async () => {
    const store = await storeWithFormatOne();
    await storeDay(store, 'all', record('2026-03-01', 4, false, ['P0', 'P1']), 400);
    const days = await readProjectDays(store, 'all', 'P1', '2026-02-27', '2026-03-01');
    const formatOneDay = (day: string) => formatOne.find((entry) => entry.key.endsWith(`P1:${day}`))?.value;
    expect(days).toEqual([formatOneDay('2026-02-27'), formatOneDay('2026-02-28'), expect.anything()]);
    expect(days[2]?.row[3][3]).toBe(4);
    // P2 left the portfolio in the later reading of 1 March: it has no day there any more.
    expect((await readProjectDays(store, 'all', 'P2', '2026-03-01', '2026-03-01')).length).toBe(0);
    expect(await store.get(snapshotKeys('all').historyProject('P1', '2026-03-01'))).toBeUndefined();
    const [summary] = await readSummaries(store, 'all', '2026-03-01', '2026-03-01');
    expect(summary).toMatchObject({
      format: 2,
      rag: { P0: 'r', P1: 'r' },
      indicators: { P0: expect.stringMatching(/^rgn+$/) },
    });
  });
});

describe('history month records', () => {
  it('keep every day and its reasons while storing a reason only when it changed', async () => {
    const store = new MemoryStore();
    const lates = [3, 3, 3, 5, 5, 2];
    for (const [index, late] of lates.entries())
      await storeDay(store, 'all', record(addDays('2026-03-01', index), late), 400);
    const days = await readProjectDays(store, 'all', 'ABC', '2026-03-01', '2026-03-31');
    expect(days.map((day) => day.reasons.schedule)).toEqual(
      lates.map((late) => `${late} of 10 open issues are past due.`),
    );
    const raw = JSON.stringify(
      await store.get(snapshotKeys('all').historyMonth('2026-03', 'ABC', 'recorded')),
    );
    // Packed: the reason text is not stored once per day.
    expect(raw).not.toContain('past due');
  });

  it('lose no day when the backfill reconstructs days of a month a refresh is recording (store latency on)', async () => {
    const store = new MemoryStore({ latencyMs: [5, 40], seed: 9 });
    const recorded = ['2026-03-10', '2026-03-11', '2026-03-12'];
    const reconstructed = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
    await Promise.all([
      (async () => {
        for (const day of recorded) await storeDay(store, 'all', record(day, 1, false, ['ABC', 'DEF']), 400);
      })(),
      (async () => {
        for (const day of reconstructed)
          await storeDay(store, 'all', record(day, 2, true, ['ABC', 'DEF']), 400);
      })(),
    ]);
    for (const projectKey of ['ABC', 'DEF']) {
      const days = await readProjectDays(store, 'all', projectKey, '2026-03-01', '2026-03-31');
      expect(days.map((day) => [day.day, day.reconstructed])).toEqual([
        ...reconstructed.map((day) => [day, true]),
        ...recorded.map((day) => [day, false]),
      ]);
    }
  });

  it('keep a recorded day over a reconstructed one written after it', async () => {
    const store = new MemoryStore();
    await storeDay(store, 'all', record('2026-03-02', 1), 400);
    expect(await storeDay(store, 'all', record('2026-03-02', 7, true), 400)).toBe('kept-newer');
    const [day] = await readProjectDays(store, 'all', 'ABC', '2026-03-02', '2026-03-02');
    expect(day?.row[3][3]).toBe(1);
  });
});
