import type { PrioritisedCandidate } from '@contracts/scoring';
import { computeScore } from '@domain/scoring/compute';
import { scoringPresets } from '@domain/scoring/presets';
import { projectPriorities } from './project-priorities';

const model = scoringPresets.wsjf;
const rating = (businessValue: number) => ({
  'business-value': businessValue,
  'time-criticality': 1,
  'risk-reduction': 1,
  'job-size': 1,
});

function candidate(
  key: string,
  businessValue: number,
  extra: Partial<PrioritisedCandidate> = {},
): PrioritisedCandidate {
  return {
    issueId: key,
    issueKey: key,
    summary: key,
    projectKey: key.split('-')[0] ?? key,
    issueType: 'Epic',
    status: { name: 'Backlog', category: 'new' },
    stage: 'Inception',
    estimate: 3,
    result: computeScore(model, rating(businessValue), 'unranked'),
    scorerCount: 1,
    earlierModelVersion: false,
    values: rating(businessValue),
    override: null,
    source: 'snapshot',
    phase: 'proposal',
    ...extra,
  };
}

const view = (candidates: PrioritisedCandidate[]) => ({
  status: 'ready' as const,
  model,
  modelVersion: 'v',
  missingValues: 'unranked' as const,
  candidates,
  plan: { periods: [] },
  snapshotAsOf: null,
  canEdit: false,
});

describe("a project's priority rank", () => {
  it('is the best rank among its proposals, with how many it has', () => {
    const ranks = projectPriorities(view([candidate('A-1', 2), candidate('B-1', 5), candidate('A-2', 4)]));
    expect(ranks.get('B')).toEqual({ rank: 1, computedRank: 1, issueKey: 'B-1', proposals: 1 });
    expect(ranks.get('A')).toEqual({ rank: 2, computedRank: 2, issueKey: 'A-2', proposals: 2 });
  });

  it('follows a rank set by hand, keeping the computed one beside it', () => {
    const byHand = { rank: 1, reason: 'Regulator', byName: 'Pat', at: '2026-01-01T00:00:00Z' };
    const ranks = projectPriorities(view([candidate('A-1', 2, { override: byHand }), candidate('B-1', 5)]));
    expect(ranks.get('A')).toMatchObject({ rank: 1, computedRank: 2 });
    expect(ranks.get('B')).toMatchObject({ rank: 2, computedRank: 1 });
  });

  it('leaves out projects whose candidates are past Inception or unranked', () => {
    const ranks = projectPriorities(
      view([
        candidate('A-1', 5, { phase: 'authorised' }),
        candidate('B-1', 1, { result: { ...computeScore(model, {}, 'unranked') } }),
      ]),
    );
    expect(ranks.size).toBe(0);
  });
});
