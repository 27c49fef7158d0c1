import { parseTimestamp } from '../../domain/kpis/time';
import { compactFieldValue, type StoredFactsMap } from '../../domain/snapshot/stored-facts';
import type { JiraIssue } from '../../jira/schemas';
import type { ComplianceCollector } from '../portfolio/collect';
import { toIssueFacts } from '../standards/issue-facts';

/** Keeps, for every issue a refresh job reads, what the standards engine needs at assembly. */
export function createFactsCollector(standardsFields: readonly string[]): ComplianceCollector & {
  facts: StoredFactsMap;
} {
  const facts: StoredFactsMap = Object.create(null);
  const kept = standardsFields.filter((field) => field !== 'issuelinks');
  return {
    fields: [...standardsFields, 'security', 'updated'],
    facts,
    observe(issue: JiraIssue) {
      let evaluated: ReturnType<typeof toIssueFacts>;
      try {
        evaluated = toIssueFacts(issue, {});
      } catch {
        return; // without status, type or project the engine reports a field problem instead
      }
      const restricted = issue.fields.security !== undefined && issue.fields.security !== null;
      const fields: Record<string, unknown> = {};
      for (const field of kept) {
        if (!Object.hasOwn(issue.fields, field)) continue;
        const value = compactFieldValue(issue.fields[field]);
        // The text of an issue with a security level never goes into a snapshot; whether it is filled in does.
        fields[field] =
          restricted && typeof value === 'string' ? (value.trim() === '' ? '' : '(restricted)') : value;
      }
      facts[issue.key] = {
        id: issue.id,
        projectKey: evaluated.projectKey,
        categoryId: evaluated.projectCategoryId,
        issueType: evaluated.issueType,
        status: evaluated.status,
        fields,
        links: evaluated.links,
        summary: !restricted && typeof issue.fields.summary === 'string' ? issue.fields.summary : null,
        restricted,
        updated: parseTimestamp(typeof issue.fields.updated === 'string' ? issue.fields.updated : null),
      };
    },
  };
}
