import type { AppDeps } from '../services/deps';
import { listBaselines, setBaseline } from '../services/history/baselines';
import { exportPortfolioHistory } from '../services/history/export-portfolio-history';
import { getPortfolioChanges } from '../services/history/get-portfolio-changes';
import { getPortfolioHistory } from '../services/history/get-portfolio-history';
import { getProjectHistory } from '../services/history/get-project-history';
import { resolverDefiner } from './define';

/** The history resolvers (portfolio page: trends, what changed, export), merged in index.ts. */
export function createHistoryResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getPortfolioHistory: defineResolver('getPortfolioHistory', (input, actor) =>
      getPortfolioHistory(deps, actor, input),
    ),
    getProjectHistory: defineResolver('getProjectHistory', (input, actor) =>
      getProjectHistory(deps, actor, input),
    ),
    getPortfolioChanges: defineResolver('getPortfolioChanges', (input, actor) =>
      getPortfolioChanges(deps, actor, input),
    ),
    listBaselines: defineResolver('listBaselines', (input, actor) => listBaselines(deps, actor, input)),
    setBaseline: defineResolver('setBaseline', (input, actor) => setBaseline(deps, actor, input)),
    exportPortfolioHistory: defineResolver('exportPortfolioHistory', (input, actor) =>
      exportPortfolioHistory(deps, actor, input),
    ),
  };
}
