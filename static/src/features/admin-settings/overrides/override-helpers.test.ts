import { ManualOverrideSchema } from '@domain/health/health';
import { endOfLocalDay, isoDate, overrideRows } from './override-helpers';

describe('override helpers', () => {
  it('lists active overrides first', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const rows = overrideRows(
      {
        ZED: { rag: 'red', reason: 'x', expiresAt: '2026-04-01T00:00:00Z', by: 'a' },
        ABC: { rag: 'amber', reason: 'y', expiresAt: '2026-02-01T00:00:00Z', by: 'a' },
        BEE: { rag: 'green', reason: 'z', expiresAt: '2026-05-01T00:00:00Z', by: 'a' },
      },
      now,
    );
    expect(rows.map((row) => [row.projectKey, row.active])).toEqual([
      ['BEE', true],
      ['ZED', true],
      ['ABC', false],
    ]);
  });

  it('turns a date input into the end of that local day, which the schema accepts', () => {
    const iso = endOfLocalDay('2026-07-15');
    const back = new Date(iso);
    expect(isoDate(back)).toBe('2026-07-15');
    expect(back.getHours()).toBe(23);
    expect(ManualOverrideSchema.shape.expiresAt.safeParse(iso).success).toBe(true);
    expect(endOfLocalDay('')).toBe('');
  });
});
