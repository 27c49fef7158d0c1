import { type Rankable, rankCandidates, rankProposals } from './ranking';

const c = (
  id: string,
  score: number | null,
  estimate: number | null = 5,
  override: Rankable['override'] = null,
): Rankable => ({ id, score, estimate, override });

describe('ranking candidates', () => {
  it('ranks by score, highest first, and leaves incomplete scores unranked at the end', () => {
    const ranked = rankCandidates([c('A', 1), c('B', 9), c('C', null), c('D', 4)], { periods: [] });
    expect(ranked.map((r) => [r.candidate.id, r.rank, r.computedRank])).toEqual([
      ['B', 1, 1],
      ['D', 2, 2],
      ['A', 3, 3],
      ['C', null, null],
    ]);
  });

  it('a manual rank moves the candidate there and keeps its computed rank beside it', () => {
    const ranked = rankCandidates(
      [c('A', 1, 5, { rank: 1, reason: 'Regulatory deadline' }), c('B', 9), c('D', 4)],
      { periods: [] },
    );
    expect(ranked.map((r) => [r.candidate.id, r.rank, r.computedRank])).toEqual([
      ['A', 1, 3],
      ['B', 2, 1],
      ['D', 3, 2],
    ]);
  });

  it('fills capacity periods in rank order; the cut line falls after the last that fits', () => {
    const ranked = rankCandidates(
      [c('A', 9, 8), c('B', 8, 5), c('C', 7, 3), c('D', 6, 20), c('E', 5, null)],
      {
        periods: [
          { label: 'Q1', capacity: 10 },
          { label: 'Q2', capacity: 6 },
        ],
      },
    );
    expect(ranked.map((r) => [r.candidate.id, r.period])).toEqual([
      ['A', 'Q1'],
      ['B', 'Q2'],
      ['C', null],
      ['D', null],
      ['E', null],
    ]);
    expect(ranked.map((r) => r.cumulativeEstimate)).toEqual([8, 13, 16, 36, 36]);
  });
});

describe('ranking proposals', () => {
  it('ranks only proposals; candidates past Inception follow unranked and take no capacity', () => {
    const ranked = rankProposals(
      [
        { ...c('LIVE', 99, 4), phase: 'authorised' as const },
        { ...c('A', 5, 4), phase: 'proposal' as const },
        { ...c('B', 7, 4), phase: 'proposal' as const },
        { ...c('DONE', 50, 4), phase: 'authorised' as const },
      ],
      { periods: [{ label: 'Q1', capacity: 8 }] },
    );
    expect(ranked.map((r) => [r.candidate.id, r.rank, r.period])).toEqual([
      ['B', 1, 'Q1'],
      ['A', 2, 'Q1'],
      ['LIVE', null, null],
      ['DONE', null, null],
    ]);
  });
});
