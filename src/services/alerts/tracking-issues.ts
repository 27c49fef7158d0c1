import type { SettingsProblem } from '../../contracts/settings';
import type { PmoConfig, TrackingIssue } from '../../domain/config/schema';
import type { JiraClient } from '../../jira/client';

const BULK_FETCH_KEYS = 100;

/**
 * Tracking issues that do not exist (or that the saving admin cannot see): errors, since every
 * e-mail sent on them would fail. One bulk fetch per 100 keys, as the acting user.
 */
export async function trackingIssueProblems(jira: JiraClient, config: PmoConfig): Promise<SettingsProblem[]> {
  const tracking = config.notifications.trackingIssues;
  if (tracking.length === 0) return [];
  const keys = [...new Set(tracking.map((entry) => entry.issueKey))];
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += BULK_FETCH_KEYS) {
    const issues = await jira.bulkFetch(keys.slice(start, start + BULK_FETCH_KEYS), ['summary']);
    for (const issue of issues) found.add(issue.key.toUpperCase());
  }
  const problems: SettingsProblem[] = [];
  const targets = new Set<string>();
  tracking.forEach((entry, index) => {
    const target = targetLabel(entry);
    if (targets.has(target)) {
      problems.push({
        path: `notifications.trackingIssues.${index}.target`,
        message: `${target} already has a tracking issue; keep one per portfolio or project`,
        severity: 'error',
      });
    }
    targets.add(target);
    if (!found.has(entry.issueKey.toUpperCase())) {
      problems.push({
        path: `notifications.trackingIssues.${index}.issueKey`,
        message: `Issue ${entry.issueKey} does not exist or you cannot see it: alerts for ${target} could not be e-mailed on it`,
        severity: 'error',
      });
    }
  });
  return problems;
}

export function targetLabel(entry: TrackingIssue): string {
  return entry.target.kind === 'project'
    ? `project ${entry.target.projectKey}`
    : `portfolio ${entry.target.portfolioId}`;
}

/**
 * The tracking issue for mail about `projectKey` in `portfolioId`: the project's own if the admin
 * picked one, else the portfolio's; null when neither has one.
 */
export function trackingIssueFor(
  config: PmoConfig,
  portfolioId: string,
  projectKey: string | null,
): string | null {
  const tracking = config.notifications.trackingIssues;
  const project =
    projectKey === null
      ? undefined
      : tracking.find((entry) => entry.target.kind === 'project' && entry.target.projectKey === projectKey);
  const portfolio = tracking.find(
    (entry) => entry.target.kind === 'portfolio' && entry.target.portfolioId === portfolioId,
  );
  return (project ?? portfolio)?.issueKey ?? null;
}
