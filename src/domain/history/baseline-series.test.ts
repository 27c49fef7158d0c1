import { baselineSeries } from './baseline-series';

describe('baseline against actual over time', () => {
  const first = { day: '2026-03-02', forecastFinish: '2026-05-31', scope: { issues: 40, storyPoints: 0 } };
  const second = { day: '2026-03-04', forecastFinish: '2026-06-15', scope: { issues: 20, storyPoints: 50 } };
  const day = (date: string, varianceDays: number | null, scopePercent: number | null, issues: number) => ({
    day: date,
    varianceDays,
    scopePercent,
    issues,
  });

  it('pairs each recorded day with the baseline in effect then and moves its finish by the day’s variance', () => {
    const series = baselineSeries(
      [
        day('2026-03-01', null, null, 38),
        day('2026-03-02', 0, 0, 40),
        day('2026-03-03', 12, 5, 42),
        day('2026-03-04', -3, 10, 44),
        day('2026-03-05', null, null, 44),
      ],
      [second, first],
    );
    expect(series.map((entry) => [entry.day, entry.baselineFinish, entry.forecastFinish])).toEqual([
      ['2026-03-01', null, null],
      ['2026-03-02', '2026-05-31', '2026-05-31'],
      ['2026-03-03', '2026-05-31', '2026-06-12'],
      ['2026-03-04', '2026-06-15', '2026-06-12'],
      // Not computed that day (an older record): a gap, never carried over.
      ['2026-03-05', '2026-06-15', null],
    ]);
    // Issue baselines take the day's issue count; point baselines their points moved by the change.
    expect(series.map((entry) => [entry.scopeUnit, entry.baselineScope, entry.actualScope])).toEqual([
      [null, null, null],
      ['issues', 40, 40],
      ['issues', 40, 42],
      ['points', 50, 55],
      ['points', 50, null],
    ]);
    expect(series[2]?.scheduleDays).toBe(12);
    expect(series[4]?.scheduleDays).toBeNull();
  });
});
