import { formatRaidQuery, parseRaidQuery } from './raid-query';

describe('RAID query', () => {
  it('round-trips the heat-map cell and the register sort, and drops what it does not know', () => {
    const query = { filter: { probability: 4, impact: 5 }, sort: { key: 'score', order: 'DESC' } } as const;
    expect(formatRaidQuery(query)).toBe('?p=4&i=5&sort=score&order=desc');
    expect(parseRaidQuery(formatRaidQuery(query))).toEqual(query);
    expect(parseRaidQuery('?p=9&i=1&sort=nope')).toEqual({ filter: null, sort: null });
    expect(formatRaidQuery({ filter: null, sort: null })).toBe('');
  });
});
