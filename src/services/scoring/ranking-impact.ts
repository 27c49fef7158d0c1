import type { DryRunResult } from '../../contracts/settings';
import type { PmoConfig } from '../../domain/config/schema';
import { activeModel, candidateScore } from '../../domain/scoring/candidate-score';
import { candidateByFields } from '../../domain/scoring/candidates';
import { rankChanges, type Standing } from '../../domain/scoring/rank-changes';
import { rankProposals } from '../../domain/scoring/ranking';
import type { Actor, AppDeps } from '../deps';
import { type CandidateSnapshot, candidateStanding, readCandidateSnapshot } from './candidate-snapshot';
import { readOverrides, type StoredOverride } from './prioritisation-store';
import { readVisibleScores, type ScoredCandidate } from './visible-scores';

type RankingImpact = NonNullable<DryRunResult['ranking']>;

/** How many moved candidates the dry run lists (it counts them all). */
export const RANKING_IMPACT_TOP = 10;

/**
 * What the draft settings would do to the Prioritise ranking: every visible scored candidate ranked
 * under the live scoring settings and under the draft's (model, weights, scales, candidates,
 * aggregation, lifecycle), from stored scores and the portfolio snapshot only: no Jira read beyond
 * the viewer checks the Prioritise view makes (cached). A candidate scope's JQL cannot be checked
 * without Jira, so candidates are kept as the types and projects allow. Null when scoring is off
 * under both.
 */
export async function rankingImpact(
  deps: AppDeps,
  actor: Actor,
  live: PmoConfig,
  draft: PmoConfig,
): Promise<RankingImpact | null> {
  const modelBefore = activeModel(live.scoring);
  const modelAfter = activeModel(draft.scoring);
  if (!modelBefore && !modelAfter) return null;
  const [scored, overrides, snapshot] = await Promise.all([
    readVisibleScores(deps, actor),
    readOverrides(deps.store),
    readCandidateSnapshot(deps, actor),
  ]);
  const context = { scored, overrides, snapshot };
  const before = standings(live, context);
  const after = standings(draft, context);
  const { moved, compared, changes } = rankChanges(before, after, RANKING_IMPACT_TOP);
  const byId = new Map(scored.map((candidate) => [candidate.issueId, candidate.latest]));
  return {
    modelBefore: modelBefore?.name ?? null,
    modelAfter: modelAfter?.name ?? null,
    compared,
    moved,
    changes: changes.flatMap((change) => {
      const latest = byId.get(change.id);
      if (!latest) return [];
      const { id: _id, ...movement } = change;
      return [{ issueKey: latest.issueKey, summary: latest.issue.summary, ...movement }];
    }),
    jqlNotChecked:
      draft.scoring.candidates.jql !== null && draft.scoring.candidates.jql !== live.scoring.candidates.jql,
  };
}

/** Each candidate's rank and score under one configuration (rank null: unranked or past Inception). */
function standings(
  config: PmoConfig,
  context: {
    scored: readonly ScoredCandidate[];
    overrides: ReadonlyMap<string, StoredOverride>;
    snapshot: CandidateSnapshot;
  },
): Map<string, Standing> {
  const model = activeModel(config.scoring);
  if (!model) return new Map();
  const candidates = context.scored
    .filter(
      ({ latest }) =>
        latest.modelId === model.id && candidateByFields(config.scoring.candidates, latest.issue) !== 'no',
    )
    .map(({ issueId, records, latest }) => {
      const standing = candidateStanding(config.lifecycle, context.snapshot, latest.issueKey, latest.issue);
      const override = context.overrides.get(issueId);
      return {
        id: issueId,
        score: candidateScore(config.scoring, model, records, latest.fieldValues).result.score,
        estimate: standing.estimate,
        override: override ? { rank: override.rank, reason: override.reason } : null,
        phase: standing.phase,
      };
    });
  return new Map(
    rankProposals(candidates, { periods: [] }).map((entry) => [
      entry.candidate.id,
      { rank: entry.rank, score: entry.candidate.score },
    ]),
  );
}
