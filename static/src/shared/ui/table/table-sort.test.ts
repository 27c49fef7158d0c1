import { compareSortValues, sortByColumn, sortLikeTable, tableSortFrom } from './table-sort';

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

describe('sortByColumn', () => {
  const rows = [
    { key: 'B-2', score: 3 },
    { key: 'A-10', score: 9 },
    { key: 'A-9', score: 3 },
  ];
  const value = (row: (typeof rows)[number], column: 'key' | 'score') => row[column];

  it('orders by the sorted column, as the table does', () => {
    expect(sortByColumn(rows, { key: 'key', order: 'ASC' }, value).map((row) => row.key)).toEqual([
      'A-9',
      'A-10',
      'B-2',
    ]);
    expect(sortByColumn(rows, { key: 'score', order: 'DESC' }, value).map((row) => row.key)).toEqual([
      'A-10',
      'B-2',
      'A-9',
    ]);
  });

  it('keeps the given order until a column is sorted', () => {
    expect(sortByColumn(rows, null, value)).toEqual(rows);
  });
});
