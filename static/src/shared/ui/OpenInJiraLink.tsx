import { issueSearchUrl, jqlKeys } from '../lib/jira-url';
import { JiraLink } from './JiraLink';

/** Most keys one "Open in Jira" search names: the issue navigator's URL stays well inside what browsers send. */
export const OPEN_IN_JIRA_MAX_KEYS = 200;

/**
 * "Open in Jira" for an issue list: Jira's issue navigator with the JQL that defines the list, or,
 * when `jql` is not given, a `key in (...)` search for the listed issues (restricted ones left out,
 * the first {@link OPEN_IN_JIRA_MAX_KEYS} when there are more). Nothing when no issue can be searched.
 */
export function OpenInJiraLink({
  issueKeys,
  jql,
  testId,
}: {
  issueKeys: readonly string[];
  jql?: string;
  testId: string;
}) {
  const capped = issueKeys.length > OPEN_IN_JIRA_MAX_KEYS;
  const search = jql ?? jqlKeys(issueKeys.slice(0, OPEN_IN_JIRA_MAX_KEYS));
  if (search === null) return null;
  return (
    <span className="pmo-open-in-jira" title={capped ? `The first ${OPEN_IN_JIRA_MAX_KEYS} issues` : search}>
      <JiraLink url={issueSearchUrl(search)} testId={testId}>
        Open in Jira
      </JiraLink>
    </span>
  );
}
