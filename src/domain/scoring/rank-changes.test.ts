import { rankChanges, type Standing } from './rank-changes';

const ranking = (entries: [string, number | null, number | null][]) =>
  new Map<string, Standing>(entries.map(([id, rank, score]) => [id, { rank, score }]));

describe('rank changes between two rankings', () => {
  it('lists only candidates whose rank moves, biggest moves first, entering and leaving before any move', () => {
    const before = ranking([
      ['A', 1, 9],
      ['B', 2, 8],
      ['C', 3, 7],
      ['D', 4, 6],
      ['GONE', 5, 5],
    ]);
    const after = ranking([
      ['D', 1, 12],
      ['A', 2, 9],
      ['B', 3, 8],
      ['C', 4, 7],
      ['NEW', 5, 1],
    ]);
    const result = rankChanges(before, after, 10);
    expect(result.compared).toBe(6);
    expect(result.moved).toBe(6);
    expect(result.changes.map((change) => [change.id, change.rankBefore, change.rankAfter])).toEqual([
      ['NEW', null, 5],
      ['GONE', 5, null],
      ['D', 4, 1],
      ['A', 1, 2],
      ['B', 2, 3],
      ['C', 3, 4],
    ]);
    expect(result.changes[2]).toMatchObject({ scoreBefore: 6, scoreAfter: 12 });
  });

  it('cuts the list to the top N but counts every move', () => {
    const before = ranking([
      ['A', 1, 3],
      ['B', 2, 2],
      ['C', 3, 1],
    ]);
    const after = ranking([
      ['C', 1, 3],
      ['B', 2, 2],
      ['A', 3, 1],
    ]);
    const result = rankChanges(before, after, 1);
    expect(result.moved).toBe(2);
    expect(result.changes).toHaveLength(1);
  });

  it('a score change that keeps every rank is no change', () => {
    expect(rankChanges(ranking([['A', 1, 3]]), ranking([['A', 1, 30]]), 10)).toEqual({
      moved: 0,
      compared: 1,
      changes: [],
    });
  });
});
