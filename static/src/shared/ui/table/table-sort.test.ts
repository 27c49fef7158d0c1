import { compareSortValues, sortLikeTable, tableSortFrom } from './table-sort';

describe('sortLikeTable (the order @atlaskit/dynamic-table shows)', () => {
  it('sorts issue keys numerically and text ignoring case, both directions', () => {
    const keys = ['ABC-10', 'abc-2', 'ABC-9', 'ABB-100'];
    expect(sortLikeTable(keys, (key) => key, 'ASC')).toEqual(['ABB-100', 'abc-2', 'ABC-9', 'ABC-10']);
    expect(sortLikeTable(keys, (key) => key, 'DESC')).toEqual(['ABC-10', 'ABC-9', 'abc-2', 'ABB-100']);
  });

  it('sorts numbers by value and keeps ties in their given order (stable)', () => {
    const rows = [
      { id: 'a', score: 9 },
      { id: 'b', score: 25 },
      { id: 'c', score: 9 },
      { id: 'd', score: 1 },
    ];
    expect(sortLikeTable(rows, (row) => row.score, 'ASC').map((row) => row.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortLikeTable(rows, (row) => row.score, 'DESC').map((row) => row.id)).toEqual([
      'b',
      'a',
      'c',
      'd',
    ]);
  });

  it('is idempotent: sorting its own output again changes nothing (the table re-sorts what we pass)', () => {
    const rows = ['b', '', 'a', 'B', 'a', ''];
    const once = sortLikeTable(rows, (row) => row, 'DESC');
    expect(sortLikeTable(once, (row) => row, 'DESC')).toEqual(once);
  });

  it('puts numbers before strings whatever the direction', () => {
    expect(compareSortValues(1, 'a', 'ASC')).toBeLessThan(0);
    expect(compareSortValues(1, 'a', 'DESC')).toBeLessThan(0);
    expect(compareSortValues('a', 1, 'DESC')).toBeGreaterThan(0);
  });
});

describe('tableSortFrom', () => {
  it('accepts a known column and order, and nothing else', () => {
    const columns = ['key', 'score'] as const;
    expect(tableSortFrom({ key: 'score', sortOrder: 'DESC', item: {} }, columns)).toEqual({
      key: 'score',
      order: 'DESC',
    });
    expect(tableSortFrom({ key: 'nope', sortOrder: 'ASC' }, columns)).toBeNull();
    expect(tableSortFrom({ key: 'key', sortOrder: 'UP' }, columns)).toBeNull();
    expect(tableSortFrom(null, columns)).toBeNull();
  });
});
