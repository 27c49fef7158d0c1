import type { PmoConfig } from '../../domain/config/schema';
import { withMappedRiskFields } from '../../domain/settings';
import type { JiraClient } from '../../jira/client';
import type { JiraField } from '../../jira/schemas';
import type { LiveConfig } from '../settings/live-config';
import { discoverSite, type SiteDiscovery } from './discover';

/**
 * The engine settings and field mapping a report uses: discovered from the site until an admin has
 * saved settings (version 0); afterwards the saved engine settings, with the saved field mapping
 * over the discovered one (roles the admin left unmapped are still found by field name, after any
 * publish or restore), and the ROAM and risk owner fields that mapping resolves to.
 */
export async function siteSettingsFor(
  jira: JiraClient,
  live: LiveConfig,
  siteFields: Promise<JiraField[]> = jira.fields(),
): Promise<SiteDiscovery> {
  const discovered = await discoverSite(jira, siteFields);
  if (live.version === 0) return discovered;
  const mapping = mergedFieldMapping(discovered, live.config);
  return { settings: withMappedRiskFields(live.config.engine, mapping), mapping };
}

export function mergedFieldMapping(discovered: SiteDiscovery, config: PmoConfig): SiteDiscovery['mapping'] {
  return { ...discovered.mapping, ...config.fieldMapping };
}
