import type { PmoConfig } from '../../domain/config/schema';
import { suggestFieldMapping } from '../../domain/site-discovery';
import type { JiraClient } from '../../jira/client';
import type { JiraField, JiraStatus } from '../../jira/schemas';
import type { FieldMapping } from './issue-facts';

/** What evaluating standards on this site needs from Jira: field ids by role, field names, statuses. */
export interface StandardsSite {
  mapping: FieldMapping;
  fieldNames: Record<string, string>;
  statuses: JiraStatus[];
}

/** Reads the site's fields and statuses (two requests); the configured mapping wins over discovery. */
export async function loadStandardsSite(
  jira: JiraClient,
  config: PmoConfig,
  siteFields: Promise<JiraField[]> = jira.fields(),
): Promise<StandardsSite> {
  const [fields, statuses] = await Promise.all([siteFields, jira.statuses()]);
  return {
    mapping: { ...suggestFieldMapping(fields), ...config.fieldMapping },
    fieldNames: Object.fromEntries(fields.map((field) => [field.id, field.name])),
    statuses,
  };
}
