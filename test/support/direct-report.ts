import type { LocalApp } from '../../dev/local/local-app';
import { buildPortfolioReport } from '../../src/services/portfolio/build-report';
import { createPortfolioCompliance } from '../../src/services/portfolio/compliance';
import { siteSettingsFor } from '../../src/services/portfolio/site-settings';
import { loadLiveConfig } from '../../src/services/settings/live-config';
import { loadAllTicks } from '../../src/services/standards/checklist-store';
import { loadStandardsSite } from '../../src/services/standards/standards-site';

/**
 * The whole portfolio read straight from Jira as the app, with the live settings and the stored
 * ticks: what the CLI report computes, and what every page showed before snapshots. Tests compare
 * the pages' figures with it.
 */
export async function directPortfolioReport(local: LocalApp, now: Date) {
  const jira = local.deps.jira.asApp();
  const live = await loadLiveConfig(local.deps);
  return buildPortfolioReport(jira, {
    scope: {},
    now,
    concurrency: 4,
    site: await siteSettingsFor(jira, live),
    compliance: createPortfolioCompliance(
      live.config,
      await loadStandardsSite(jira, live.config),
      await loadAllTicks(local.deps.store),
    ),
  });
}
