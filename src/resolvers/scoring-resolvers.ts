import type { AppDeps } from '../services/deps';
import { saveCapacityPlan, setRankOverride } from '../services/scoring/change-prioritisation';
import { getIssueScoring } from '../services/scoring/get-issue-scoring';
import { getPrioritisation } from '../services/scoring/get-prioritisation';
import { saveIssueScore } from '../services/scoring/save-issue-score';
import { resolverDefiner } from './define';

/** The scoring and prioritisation resolvers, merged into the app's resolver handler in index.ts. */
export function createScoringResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getIssueScoring: defineResolver('getIssueScoring', (input, actor) =>
      getIssueScoring(deps, actor, input.issueKey),
    ),
    saveIssueScore: defineResolver('saveIssueScore', (input, actor) => saveIssueScore(deps, actor, input)),
    getPrioritisation: defineResolver('getPrioritisation', (_input, actor) => getPrioritisation(deps, actor)),
    setRankOverride: defineResolver('setRankOverride', (input, actor) => setRankOverride(deps, actor, input)),
    saveCapacityPlan: defineResolver('saveCapacityPlan', (input, actor) =>
      saveCapacityPlan(deps, actor, input),
    ),
  };
}
