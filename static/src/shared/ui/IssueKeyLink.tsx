import { isRestrictedKey } from '@domain/snapshot/viewer-filter';
import { issueUrl } from '../lib/jira-url';
import { JiraLink } from './JiraLink';

/**
 * An issue key that opens the issue in Jira. An issue the viewer may not see (in a project they
 * cannot browse, or with a security level) is shown without its key and without a link.
 */
export function IssueKeyLink({
  issueKey,
  testId,
  className = '',
}: {
  issueKey: string;
  testId?: string;
  className?: string;
}) {
  if (isRestrictedKey(issueKey)) {
    return (
      <span
        className={`pmo-key pmo-subtle ${className}`.trim()}
        title="An issue you cannot see in Jira"
        data-testid={testId}
      >
        restricted issue
      </span>
    );
  }
  return (
    <JiraLink
      url={issueUrl(issueKey)}
      className={`pmo-key ${className}`.trim()}
      {...(testId ? { testId } : {})}
    >
      {issueKey}
    </JiraLink>
  );
}
