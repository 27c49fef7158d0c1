import { lateUpdates } from './board';
import { currentPeriod, isoWeekdayOf, periodOfDay, previousPeriod, updateState } from './period';

describe('status periods', () => {
  it('weekly periods run Monday to Sunday and are due on the chosen weekday', () => {
    // 2026-12-09 is a Wednesday.
    expect(isoWeekdayOf('2026-12-09')).toBe(3);
    const period = periodOfDay('2026-12-09', { cadence: 'weekly', dueWeekday: 5 });
    expect(period).toMatchObject({
      id: '2026-12-07',
      start: '2026-12-07',
      end: '2026-12-13',
      due: '2026-12-11',
    });
    expect(period.label).toBe('Week of 7 Dec 2026');
    expect(periodOfDay('2026-12-13', { cadence: 'weekly', dueWeekday: 1 }).due).toBe('2026-12-07');
    expect(previousPeriod(period, { cadence: 'weekly', dueWeekday: 5 }).id).toBe('2026-11-30');
  });

  it('fortnights are the same pairs of weeks whatever day they are asked on, due in their second week', () => {
    const settings = { cadence: 'fortnightly' as const, dueWeekday: 5 };
    const a = periodOfDay('2026-12-07', settings);
    const b = periodOfDay(a.end, settings);
    expect(b.id).toBe(a.id);
    expect(a.end).toBe(addDaysOf(a.start, 13));
    expect(a.due).toBe(addDaysOf(a.start, 11));
    expect(periodOfDay(addDaysOf(a.end, 1), settings).id).toBe(addDaysOf(a.start, 14));
  });

  it('monthly periods are calendar months due on their last chosen weekday', () => {
    const period = periodOfDay('2026-12-15', { cadence: 'monthly', dueWeekday: 5 });
    expect(period).toMatchObject({
      id: '2026-12-01',
      end: '2026-12-31',
      due: '2026-12-25',
      label: 'December 2026',
    });
    expect(periodOfDay('2026-02-03', { cadence: 'monthly', dueWeekday: 6 }).due).toBe('2026-02-28');
  });

  it('follows the wall clock of the time zone, not UTC', () => {
    // Sunday 23:30 UTC is already Monday in Sydney and still Sunday in New York.
    const instant = Date.parse('2026-12-13T23:30:00Z');
    const weekly = { cadence: 'weekly' as const, dueWeekday: 5 };
    expect(currentPeriod(instant, 'UTC', weekly).id).toBe('2026-12-07');
    expect(currentPeriod(instant, 'Australia/Sydney', weekly).id).toBe('2026-12-14');
    expect(currentPeriod(instant, 'America/New_York', weekly).id).toBe('2026-12-07');
  });

  it('an update is due until the end of its due day, then late until published', () => {
    const period = periodOfDay('2026-12-09', { cadence: 'weekly', dueWeekday: 5 });
    expect(updateState(period, false, '2026-12-11')).toBe('due');
    expect(updateState(period, false, '2026-12-12')).toBe('late');
    expect(updateState(period, true, '2026-12-12')).toBe('published');
  });

  it('lateUpdates names the unpublished projects once the due day has ended in the board time zone', () => {
    const period = periodOfDay('2026-12-09', { cadence: 'weekly', dueWeekday: 5 });
    const row = (projectKey: string, published: boolean) => ({
      projectKey,
      projectName: `${projectKey} name`,
      published: published
        ? {
            version: 1,
            status: 'on-track' as const,
            commentary: '',
            publishedBy: 'a',
            publishedByName: 'A',
            publishedAt: '2026-12-10T10:00:00Z',
          }
        : null,
      computedRag: 'green' as const,
      ragReason: null,
      state: 'due' as const,
      drafting: false,
      disagreement: null,
      disagreementText: null,
      canWrite: false,
    });
    const board = { period, timeZone: 'Australia/Sydney', rows: [row('ATLAS', false), row('BEACON', true)] };
    // Friday 14:00 UTC is Saturday 01:00 in Sydney: late there, not yet in UTC.
    const saturdayInSydney = new Date('2026-12-11T14:00:00Z');
    expect(lateUpdates(board, saturdayInSydney)).toEqual([
      { projectKey: 'ATLAS', projectName: 'ATLAS name', periodId: '2026-12-07', due: '2026-12-11' },
    ]);
    expect(lateUpdates({ ...board, timeZone: 'UTC' }, saturdayInSydney)).toEqual([]);
  });
});

function addDaysOf(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}
