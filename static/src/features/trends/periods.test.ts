import { sinceDay, windowsOf } from './periods';

describe('trend periods', () => {
  it('counts a week and a calendar month back from today', () => {
    expect(sinceDay({ kind: 'week' }, '2026-03-02')).toBe('2026-02-23');
    expect(sinceDay({ kind: 'month' }, '2026-03-31')).toBe('2026-02-28');
    expect(sinceDay({ kind: 'month' }, '2026-01-15')).toBe('2025-12-15');
    expect(sinceDay({ kind: 'date', day: '2025-11-01' }, '2026-03-02')).toBe('2025-11-01');
  });

  it('cuts a range into export windows that cover it exactly once', () => {
    expect(windowsOf('2026-01-01', '2026-01-10', 4)).toEqual([
      { from: '2026-01-01', to: '2026-01-04' },
      { from: '2026-01-05', to: '2026-01-08' },
      { from: '2026-01-09', to: '2026-01-10' },
    ]);
    expect(windowsOf('2026-01-01', '2026-01-01', 92)).toEqual([{ from: '2026-01-01', to: '2026-01-01' }]);
    expect(windowsOf('2026-01-02', '2026-01-01', 92)).toEqual([]);
  });
});
