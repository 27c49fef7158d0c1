import type { AppDeps } from '../services/deps';
import { getIssueScoring } from '../services/scoring/get-issue-scoring';
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
  };
}
