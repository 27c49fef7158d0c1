import { addDays, daysFrom, earlierDay, localDayOf } from './calendar';

describe('history calendar', () => {
  it('lists every calendar day of a range, so a day without a record is drawn as a gap', () => {
    expect(daysFrom('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it("takes the day on the time zone's wall clock", () => {
    const ms = Date.parse('2026-03-02T13:00:00Z');
    expect(localDayOf(ms, 'UTC')).toBe('2026-03-02');
    expect(localDayOf(ms, 'Pacific/Auckland')).toBe('2026-03-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(earlierDay('2026-03-02', '2026-02-28')).toBe('2026-02-28');
  });
});
