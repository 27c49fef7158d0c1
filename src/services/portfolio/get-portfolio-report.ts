import type { PortfolioReport } from '../../domain/portfolio';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import { loadAllTicks } from '../standards/checklist-store';
import { loadStandardsSite } from '../standards/standards-site';
import { buildPortfolioReport } from './build-report';
import { createPortfolioCompliance } from './compliance';
import { viewerScopeOfPortfolio } from './portfolios';
import { siteSettingsFor } from './site-settings';

/**
 * The portfolio report as the viewer may see it: collected as the user, so Jira applies their
 * project permissions and issue security levels to every number. The live configuration supplies
 * the engine settings, manual overrides and the standards evaluated on the same pages.
 */
export async function getPortfolioReport(
  deps: AppDeps,
  actor: Actor,
  portfolioId: string,
): Promise<PortfolioReport> {
  const live = await loadLiveConfig(deps.store);
  const jira = deps.jira.asUser(actor.accountId);
  // Discovery and the standards both read the site's fields: ask Jira once.
  const siteFields = jira.fields();
  const [site, standardsSite, ticks] = await Promise.all([
    siteSettingsFor(jira, live, siteFields),
    loadStandardsSite(jira, live.config, siteFields),
    loadAllTicks(deps.store),
  ]);
  const scope = await viewerScopeOfPortfolio(jira, portfolioId, live.config.portfolios);
  const { report } = await buildPortfolioReport(jira, {
    scope,
    now: deps.now(),
    concurrency: deps.jiraConcurrency,
    site,
    overrides: live.config.overrides,
    compliance: createPortfolioCompliance(live.config, standardsSite, ticks),
  });
  return report;
}
