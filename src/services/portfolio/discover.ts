import { defaultEngineSettings, type EngineSettings, EngineSettingsSchema } from '../../domain/settings';
import { suggestBlockingLinks, suggestFieldMapping } from '../../domain/site-discovery';
import type { JiraClient } from '../../jira/client';
import type { FieldMapping } from '../../jira/issue-mapper';
import type { JiraField } from '../../jira/schemas';

export interface SiteDiscovery {
  mapping: FieldMapping;
  settings: EngineSettings;
}

/**
 * Engine settings for a site nobody has configured yet: custom fields found by name, "blocks"
 * link types found by their texts (falling back to the defaults when none fit).
 */
export async function discoverSite(
  jira: JiraClient,
  siteFields: Promise<JiraField[]> = jira.fields(),
): Promise<SiteDiscovery> {
  const [fields, linkTypes] = await Promise.all([siteFields, jira.linkTypes()]);
  const mapping = suggestFieldMapping(fields);
  const blockingLinks = suggestBlockingLinks(linkTypes);
  const settings = EngineSettingsSchema.parse({
    blockingLinks: blockingLinks.length > 0 ? blockingLinks : defaultEngineSettings.blockingLinks,
    riskRoamFieldId: mapping.roam ?? null,
    riskOwnerFieldId: mapping.riskOwner ?? null,
  });
  return { mapping, settings };
}
