import { KpiAccumulator } from './kpis';

const NOW = Date.parse('2025-06-02T12:00:00Z');
const DAY = 86_400_000;

describe('KpiAccumulator', () => {
  it('counts throughput in the last four seven-day windows ending today', () => {
    const kpis = new KpiAccumulator(NOW);
    const resolvedDaysAgo = [0, 6, 7, 13, 14, 27, 28, 40];
    for (const days of resolvedDaysAgo) {
      kpis.add({ open: false, inProgress: false, overdue: false, created: null, resolved: NOW - days * DAY });
    }
    const result = kpis.result();
    expect(result.throughput).toEqual([
      { from: '2025-05-06', to: '2025-05-12', resolved: 1 },
      { from: '2025-05-13', to: '2025-05-19', resolved: 1 },
      { from: '2025-05-20', to: '2025-05-26', resolved: 2 },
      { from: '2025-05-27', to: '2025-06-02', resolved: 2 },
    ]);
    expect(result).toMatchObject({ total: 8, open: 0, done: 8, averageOpenAgeDays: null });
  });

  it('counts open, in-progress, overdue and the average age of open issues', () => {
    const kpis = new KpiAccumulator(NOW);
    kpis.add({ open: true, inProgress: true, overdue: true, created: NOW - 10 * DAY, resolved: null });
    kpis.add({ open: true, inProgress: false, overdue: false, created: NOW - 3 * DAY, resolved: null });
    kpis.add({ open: true, inProgress: false, overdue: false, created: null, resolved: null });
    kpis.add({ open: false, inProgress: false, overdue: false, created: NOW - 100 * DAY, resolved: null });
    expect(kpis.result()).toMatchObject({
      total: 4,
      open: 3,
      inProgress: 1,
      done: 1,
      overdue: 1,
      averageOpenAgeDays: 6.5,
    });
  });
});
