import { z } from 'zod';
import type { PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import type { FieldRole } from '../../domain/field-roles';
import { StatusCategoryKey } from '../../domain/model';
import type { EvaluationContext, IssueFacts, Ticks } from '../../domain/standards/evaluation';
import type { FieldRef, Standard } from '../../domain/standards/schema';
import type { JiraClient } from '../../jira/client';
import { type FieldProblem, toIssueLinks } from '../../jira/issue-mapper';
import type { JiraIssue } from '../../jira/schemas';
import type { Store } from '../../storage/store';
import { readChecklist } from './checklist-store';

/** Site field ids by role, as the live configuration and discovery give them. */
export type FieldMapping = Partial<Record<FieldRole, string>>;

/** Fields every evaluation reads, besides the ones the standards name. */
const BASE_FIELDS = ['summary', 'status', 'issuetype', 'project', 'issuelinks', 'duedate'] as const;

function fieldIdOf(ref: FieldRef, mapping: FieldMapping): string | undefined {
  return ref.kind === 'field' ? ref.id : mapping[ref.role];
}

/** The Jira fields to request so that `standards` can be evaluated: ask for nothing else. */
export function standardsFieldIds(standards: readonly Standard[], mapping: FieldMapping): string[] {
  const ids = new Set<string>(BASE_FIELDS);
  for (const standard of standards) {
    if (standard.mode === 'off') continue;
    for (const rule of standard.rules) {
      const refs =
        rule.kind === 'requiredFields' ? rule.fields : rule.kind === 'fieldCondition' ? [rule.field] : [];
      for (const ref of refs) {
        const id = fieldIdOf(ref, mapping);
        if (id !== undefined) ids.add(id);
      }
    }
  }
  return [...ids];
}

export function evaluationContextOf(
  config: PmoConfig,
  mapping: FieldMapping,
  fieldNames?: Record<string, string>,
): EvaluationContext {
  return {
    lifecycle: config.lifecycle,
    fieldMapping: mapping,
    blockingLinks: config.engine.blockingLinks,
    ...(fieldNames ? { fieldNames } : {}),
  };
}

const HeaderFields = z.object({
  status: z.object({ name: z.string(), statusCategory: z.object({ key: StatusCategoryKey }) }),
  issuetype: z.object({ name: z.string() }),
  project: z.object({ key: z.string(), projectCategory: z.object({ id: z.string() }).optional() }),
  summary: z.string().optional(),
});

/** An issue read from Jira as the standards engine sees it. Throws UPSTREAM_ERROR without status/type/project. */
export function toIssueFacts(issue: JiraIssue, ticks: Ticks, problems: FieldProblem[] = []): IssueFacts {
  const header = HeaderFields.safeParse(issue.fields);
  if (!header.success) {
    throw new AppError('UPSTREAM_ERROR', `Jira returned ${issue.key} without its status, type or project`);
  }
  const rawLinks = Array.isArray(issue.fields.issuelinks) ? issue.fields.issuelinks : [];
  return {
    key: issue.key,
    projectKey: header.data.project.key,
    projectCategoryId: header.data.project.projectCategory?.id ?? null,
    issueType: header.data.issuetype.name,
    status: { name: header.data.status.name, category: header.data.status.statusCategory.key },
    fields: issue.fields,
    links: toIssueLinks(issue.key, rawLinks, problems),
    ticks,
  };
}

/** Reads one issue with the fields `standards` need, and its stored ticks, as the facts to evaluate. */
export async function readIssueFacts(
  jira: JiraClient,
  store: Store,
  issueIdOrKey: string,
  standards: readonly Standard[],
  mapping: FieldMapping,
): Promise<{ issue: JiraIssue; facts: IssueFacts }> {
  const issue = await jira.getIssue(issueIdOrKey, standardsFieldIds(standards, mapping));
  const checklist = await readChecklist(store, issue.id);
  return { issue, facts: toIssueFacts(issue, checklist.ticks) };
}
