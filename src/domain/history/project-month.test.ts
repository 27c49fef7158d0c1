import type { ProjectDay, ProjectDayRow } from './day-record';
import { decodeProjectMonth, encodeProjectMonth, type MonthDay, withMonthDay } from './project-month';

const row = (indicators: ProjectDayRow[2]): ProjectDayRow => [
  'r',
  'r',
  indicators,
  [5, 1, 2, 1, 0],
  3,
  0,
  [0, 0],
  {},
  false,
];
const day = (
  date: string,
  reasons: ProjectDay['reasons'],
  indicators: ProjectDayRow[2] = [],
): ProjectDay => ({
  version: 1,
  day: date,
  asOf: `${date}T10:00:00.000Z`,
  settingsVersion: 1,
  reconstructed: false,
  row: row(indicators),
  reasons,
});

describe("a project's month record", () => {
  it('stores a reason only on the first day and when it changed, and reads every day back whole', () => {
    const days: MonthDay[] = [
      day('2026-03-01', { schedule: 'late 3 of 5', staleness: 'stale 2' }),
      day('2026-03-02', { schedule: 'late 3 of 5', staleness: 'stale 2' }),
      { day: '2026-03-03', absent: true },
      day('2026-03-04', { schedule: 'late 4 of 5' }),
    ];
    const stored = encodeProjectMonth('ABC', '2026-03', days);
    expect(stored.days.map((entry) => (entry[1] === null ? null : entry[5]))).toEqual([
      { schedule: 'late 3 of 5', staleness: 'stale 2' },
      {},
      null,
      { schedule: 'late 4 of 5', staleness: null },
    ]);
    expect(decodeProjectMonth(stored)).toEqual(days);
  });

  it('replacing a day in the middle keeps the days after it as they were', () => {
    const days: MonthDay[] = [
      day('2026-03-01', { schedule: 'a' }),
      day('2026-03-02', { schedule: 'a' }),
      day('2026-03-03', { schedule: 'a' }),
    ];
    const replaced = withMonthDay(
      decodeProjectMonth(encodeProjectMonth('ABC', '2026-03', days)),
      day('2026-03-02', { schedule: 'b' }),
    );
    const read = decodeProjectMonth(encodeProjectMonth('ABC', '2026-03', replaced));
    expect(read.map((entry) => ('absent' in entry ? null : entry.reasons.schedule))).toEqual(['a', 'b', 'a']);
  });

  it('reads rows written with fewer indicators than there are now', () => {
    const older = day('2026-03-01', {}, [[10, 'g']]);
    const newer = day('2026-03-02', {}, [[10, 'g'], [0, 'g'], null, [3, 'a'], [1, 'g'], [2, 'r'], [0, 'g']]);
    const read = decodeProjectMonth(encodeProjectMonth('ABC', '2026-03', [older, newer]));
    expect(read).toEqual([older, newer]);
  });
});
