import type { JiraClient } from '../../jira/client';
import type { AppDeps } from '../deps';
import { type LiveConfig, loadLiveConfig } from '../settings/live-config';
import {
  COMPLIANCE_PROPERTY_KEY,
  type ComplianceProperty,
  compliancePropertyOf,
} from './compliance-property';
import { readIssueFacts } from './issue-facts';
import { evaluatorFor } from './issue-standards';
import { loadStandardsSite, type StandardsSite } from './standards-site';

/**
 * Re-evaluates one issue as the app and mirrors the result into the `pmoCompliance` entity
 * property, so JQL can find non-compliant issues. Called after a tick and by issue triggers.
 */
export async function refreshIssueCompliance(
  deps: AppDeps,
  issueIdOrKey: string,
  known: { live?: LiveConfig; site?: StandardsSite } = {},
): Promise<ComplianceProperty> {
  const jira: JiraClient = deps.jira.asApp();
  const live = known.live ?? (await loadLiveConfig(deps));
  const site = known.site ?? (await loadStandardsSite(jira, live.config));
  const { issue, facts } = await readIssueFacts(
    jira,
    deps.store,
    issueIdOrKey,
    live.config.standards,
    site.mapping,
  );
  const evaluation = evaluatorFor(live.config, site).evaluate(facts);
  const property = compliancePropertyOf(evaluation, live.version, deps.now());
  await jira.setIssueProperty(issue.key, COMPLIANCE_PROPERTY_KEY, property);
  return property;
}
