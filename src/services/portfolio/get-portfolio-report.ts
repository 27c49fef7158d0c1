import type { PortfolioReport } from '../../domain/portfolio';
import type { Actor, AppDeps } from '../deps';
import { buildPortfolioReport } from './build-report';
import type { PortfolioScope } from './scope';

/**
 * The portfolio report as the viewer may see it: collected as the user, so Jira applies their
 * project permissions and issue security levels to every number. Until admins define portfolios
 * (settings), the portfolio is every project the viewer can browse.
 */
export async function getPortfolioReport(
  deps: AppDeps,
  actor: Actor,
  scope: PortfolioScope = {},
): Promise<PortfolioReport> {
  const { report } = await buildPortfolioReport(deps.jira.asUser(actor.accountId), {
    scope,
    now: deps.now(),
    concurrency: deps.jiraConcurrency,
  });
  return report;
}
