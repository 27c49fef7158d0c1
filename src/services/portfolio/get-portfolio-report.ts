import type { PortfolioReport } from '../../domain/portfolio';
import type { Actor, AppDeps } from '../deps';
import { buildPortfolioReport } from './build-report';
import { scopeOfPortfolio } from './portfolios';

/**
 * The portfolio report as the viewer may see it: collected as the user, so Jira applies their
 * project permissions and issue security levels to every number. Until admins define portfolios
 * (settings), portfolios are "all projects" and the project categories (see portfolios.ts).
 */
export async function getPortfolioReport(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<PortfolioReport> {
  const { report } = await buildPortfolioReport(deps.jira.asUser(actor.accountId), {
    scope: scopeOfPortfolio(portfolioId),
    now: deps.now(),
    concurrency: deps.jiraConcurrency,
  });
  return report;
}
