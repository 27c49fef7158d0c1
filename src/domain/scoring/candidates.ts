import type { CandidateScope } from './schema';

/**
 * Whether an issue is a candidate, as far as its type and project tell: `no`, `yes`, or `askJira`
 * when the scope's JQL must also match. A scope with no condition at all has no candidates.
 */
export function candidateByFields(
  scope: CandidateScope,
  issue: { issueType: string; projectKey: string },
): 'no' | 'yes' | 'askJira' {
  if (scope.issueTypes.length === 0 && scope.projectKeys.length === 0 && scope.jql === null) return 'no';
  const type = issue.issueType.toLowerCase();
  if (scope.issueTypes.length > 0 && !scope.issueTypes.some((name) => name.toLowerCase() === type))
    return 'no';
  if (scope.projectKeys.length > 0 && !scope.projectKeys.includes(issue.projectKey)) return 'no';
  return scope.jql === null ? 'yes' : 'askJira';
}
