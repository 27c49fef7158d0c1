import { makeResolver } from '@forge/resolver';
import type { PmoDefinitions } from '../contracts/resolver-contract';
import type { AppDeps } from '../services/deps';
import { getIssueOverview } from '../services/get-issue-overview';
import { getSiteSetup } from '../services/get-site-setup';
import { getBackfillStatus } from '../services/history/get-backfill-status';
import { listProjects } from '../services/list-projects';
import { getPortfolioReport } from '../services/portfolio/get-portfolio-report';
import { listViewerPortfolios } from '../services/portfolio/portfolios';
import { getRefreshStatus } from '../services/snapshots/get-refresh-status';
import { refreshPortfolio } from '../services/snapshots/refresh-portfolio';
import { createAlertResolvers } from './alert-resolvers';
import { createAuthorisationResolvers } from './authorisation-resolvers';
import { resolverDefiner } from './define';
import { createHistoryResolvers } from './history-resolvers';
import { createSavedViewsResolvers } from './saved-views-resolvers';
import { createScoringResolvers } from './scoring-resolvers';
import { createSettingsResolvers } from './settings-resolvers';
import { createStandardsResolvers } from './standards-resolvers';
import { createStatusResolvers } from './status-resolvers';

/** Every resolver the Custom UI apps can invoke; thin: parse, identify, call one service. */
export function createResolverHandler(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return makeResolver<PmoDefinitions>({
    listProjects: defineResolver('listProjects', (_input, actor) => listProjects(deps, actor)),
    getIssueOverview: defineResolver('getIssueOverview', (input, actor) =>
      getIssueOverview(deps, actor, input.issueKey),
    ),
    getSiteSetup: defineResolver('getSiteSetup', (_input, actor) => getSiteSetup(deps, actor)),
    listPortfolios: defineResolver('listPortfolios', async (_input, actor) => ({
      portfolios: await listViewerPortfolios(deps, actor),
    })),
    getPortfolioReport: defineResolver('getPortfolioReport', (input, actor) =>
      getPortfolioReport(deps, actor, input.portfolioId),
    ),
    refreshPortfolio: defineResolver('refreshPortfolio', (input, actor) =>
      refreshPortfolio(deps, actor, input.portfolioId),
    ),
    getRefreshStatus: defineResolver('getRefreshStatus', (input, actor) =>
      getRefreshStatus(deps, actor, input.portfolioId),
    ),
    getHistoryBackfill: defineResolver('getHistoryBackfill', (input, actor) =>
      getBackfillStatus(deps, actor, input.portfolioId),
    ),
    ...createStandardsResolvers(deps),
    ...createHistoryResolvers(deps),
    ...createSettingsResolvers(deps),
    ...createSavedViewsResolvers(deps),
    ...createStatusResolvers(deps),
    ...createAlertResolvers(deps),
    ...createScoringResolvers(deps),
    ...createAuthorisationResolvers(deps),
  });
}
