import { pack, unpack } from './packed';

describe('packed values', () => {
  it('give back the value packed, smaller when it repeats itself, and leave plain values as they are', () => {
    const month = Array.from({ length: 31 }, (_, day) => ({
      day,
      reason: '15 of 57 open issues are past due',
    }));
    const packed = pack(month);
    expect(unpack(packed)).toEqual(month);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(month).length / 4);
    expect(unpack({ version: 1, day: '2026-03-01' })).toEqual({ version: 1, day: '2026-03-01' });
  });
});
