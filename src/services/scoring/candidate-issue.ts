import type { PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import { candidateByFields } from '../../domain/scoring/candidates';
import type { CriterionValues, ScoringModel } from '../../domain/scoring/schema';
import { suggestFieldMapping } from '../../domain/site-discovery';
import type { JiraClient } from '../../jira/client';
import type { JiraIssue } from '../../jira/schemas';
import { toIssueFacts } from '../standards/issue-facts';

/** A candidate as the acting user reads it in Jira: what scoring and the Prioritise view need. */
export interface CandidateIssue {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  issueType: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  estimate: number | null;
  /** The numeric field criteria's values now, by criterion id (absent: empty). */
  fieldValues: CriterionValues;
  candidate: boolean;
}

const numberIn = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * Reads the issue as the user (Jira applies their permissions; NOT_FOUND when they cannot browse
 * it) with the fields the model reads, and decides whether it is a candidate: its type and project
 * from the issue, the scope's JQL asked of Jira as the user.
 */
export async function readCandidateIssue(
  jira: JiraClient,
  config: PmoConfig,
  model: ScoringModel,
  issueKey: string,
): Promise<CandidateIssue> {
  const mapping = { ...suggestFieldMapping(await jira.fields()), ...config.fieldMapping };
  const fieldIdOf = (criterion: ScoringModel['criteria'][number]): string | undefined => {
    if (criterion.input.kind !== 'field') return undefined;
    const ref = criterion.input.field;
    return ref.kind === 'field' ? ref.id : mapping[ref.role];
  };
  const criterionFields = model.criteria.flatMap((criterion) => {
    const id = fieldIdOf(criterion);
    return id ? [[criterion.id, id] as const] : [];
  });
  const estimateField = mapping.storyPoints;
  const issue: JiraIssue = await jira.getIssue(issueKey, [
    'summary',
    'status',
    'issuetype',
    'project',
    ...(estimateField ? [estimateField] : []),
    ...criterionFields.map(([, id]) => id),
  ]);
  const facts = toIssueFacts(issue, {});
  const fieldValues: CriterionValues = {};
  for (const [criterionId, fieldId] of criterionFields) {
    const value = numberIn(issue.fields[fieldId]);
    if (value !== null) fieldValues[criterionId] = value;
  }
  let verdict = candidateByFields(config.scoring.candidates, facts);
  if (verdict === 'askJira') {
    const jql = `issue = ${issue.key} AND (${config.scoring.candidates.jql})`;
    try {
      const page = await jira.searchPage({ jql, fields: ['summary'], maxResults: 1 });
      verdict = page.issues.length > 0 ? 'yes' : 'no';
    } catch (error) {
      // The scope's JQL no longer parses (a field was deleted): the issue is not a candidate until it is fixed.
      if (error instanceof AppError && error.code === 'BAD_REQUEST') verdict = 'no';
      else throw error;
    }
  }
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : issue.key,
    projectKey: facts.projectKey,
    issueType: facts.issueType,
    status: facts.status,
    estimate: estimateField ? numberIn(issue.fields[estimateField]) : null,
    fieldValues,
    candidate: verdict === 'yes',
  };
}
