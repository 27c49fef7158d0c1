import type { PrioritisedCandidate } from '@contracts/scoring';
import { computeScore } from '@domain/scoring/compute';
import { scoringPresets } from '@domain/scoring/presets';
import {
  cutLineIndex,
  filterRows,
  initialWhatIf,
  type ReadyPrioritisation,
  savedRanking,
  whatIfChanged,
  whatIfProblem,
  whatIfRanking,
} from './prioritise-model';

const model = scoringPresets.wsjf;

function candidate(
  key: string,
  values: Record<string, number>,
  estimate: number,
  phase: PrioritisedCandidate['phase'] = 'proposal',
): PrioritisedCandidate {
  const result = computeScore(model, values, 'unranked');
  return {
    issueId: key,
    issueKey: key,
    summary: key,
    projectKey: 'A',
    issueType: 'Epic',
    status: { name: 'Backlog', category: 'new' },
    stage: 'Inception',
    estimate,
    result,
    scorerCount: 1,
    earlierModelVersion: false,
    values,
    override: null,
    source: 'snapshot',
    phase,
  };
}

// BIG: business value 8, little else, job size 3 (WSJF 3.33); SMALL: urgent and risky, job size 2 (3.5).
const view: ReadyPrioritisation = {
  status: 'ready',
  model,
  modelVersion: 'x',
  missingValues: 'unranked',
  candidates: [
    candidate('BIG', { 'business-value': 5, 'time-criticality': 1, 'risk-reduction': 1, 'job-size': 3 }, 20),
    candidate('SMALL', { 'business-value': 1, 'time-criticality': 3, 'risk-reduction': 3, 'job-size': 2 }, 3),
  ],
  plan: { periods: [{ label: 'Q1', capacity: 10 }] },
  snapshotAsOf: '2026-01-05T00:00:00.000Z',
  canEdit: false,
};

describe('what-if', () => {
  it('re-ranks with other weights without touching the saved ranking', () => {
    expect(savedRanking(view).map((row) => row.candidate.issueKey)).toEqual(['SMALL', 'BIG']);
    const whatIf = {
      ...initialWhatIf(view),
      weights: { 'business-value': 10, 'time-criticality': 1, 'risk-reduction': 1, 'job-size': 1 },
    };
    expect(whatIfRanking(view, whatIf).map((row) => row.candidate.issueKey)).toEqual(['BIG', 'SMALL']);
    expect(savedRanking(view).map((row) => row.candidate.issueKey)).toEqual(['SMALL', 'BIG']);
    expect(whatIfChanged(view, whatIf)).toBe(true);
    expect(whatIfChanged(view, initialWhatIf(view))).toBe(false);
  });

  it('moves the cut line with the capacity', () => {
    const saved = savedRanking(view);
    expect(cutLineIndex(saved, view.plan)).toBe(1);
    const more = whatIfRanking(view, {
      ...initialWhatIf(view),
      plan: { periods: [{ label: 'Q1', capacity: 30 }] },
    });
    expect(cutLineIndex(more, { periods: [{ label: 'Q1', capacity: 30 }] })).toBeNull();
  });

  it('refuses weights that sum to 0', () => {
    expect(
      whatIfProblem({
        ...initialWhatIf(view),
        weights: { 'business-value': 0, 'time-criticality': 0, 'risk-reduction': 0, 'job-size': 0 },
      }),
    ).toMatch(/sum to 0/);
  });
});

describe('candidates past Inception', () => {
  const withDelivered: ReadyPrioritisation = {
    ...view,
    candidates: [
      ...view.candidates,
      candidate(
        'LIVE',
        { 'business-value': 5, 'time-criticality': 5, 'risk-reduction': 5, 'job-size': 1 },
        2,
        'authorised',
      ),
    ],
  };
  const filter = { project: '', text: '', showUnranked: true, showAuthorised: false };

  it('are not ranked and take no capacity, however high their score', () => {
    const rows = savedRanking(withDelivered);
    expect(rows.map((row) => [row.candidate.issueKey, row.rank])).toEqual([
      ['SMALL', 1],
      ['BIG', 2],
      ['LIVE', null],
    ]);
    expect(rows.find((row) => row.candidate.issueKey === 'LIVE')?.period).toBeNull();
    expect(whatIfRanking(withDelivered, initialWhatIf(withDelivered)).at(-1)?.rank).toBeNull();
  });

  it('are hidden by default and shown when the filter includes them', () => {
    const rows = savedRanking(withDelivered);
    expect(filterRows(rows, filter).map((row) => row.candidate.issueKey)).toEqual(['SMALL', 'BIG']);
    expect(filterRows(rows, { ...filter, showAuthorised: true, showUnranked: false }).length).toBe(3);
  });
});
