import { z } from 'zod';
import type { IssueOverview } from '../contracts/resolver-contract';
import { AppError } from '../domain/errors';
import { StatusCategoryKey } from '../domain/model';
import { toProject } from '../jira/mappers';
import type { Actor, AppDeps } from './deps';
import { countByStatusCategory } from './project-counts';
import { toProjectOverview } from './project-overview';

const IssueHeaderFields = z.object({
  summary: z.string(),
  issuetype: z.object({ name: z.string() }),
  status: z.object({ name: z.string(), statusCategory: z.object({ key: StatusCategoryKey }) }),
  project: z.object({ key: z.string() }),
});

/** The issue panel's header: the issue as the user sees it, and its project's counts. */
export async function getIssueOverview(
  deps: AppDeps,
  actor: Actor,
  issueKey: string,
): Promise<IssueOverview> {
  const jira = deps.jira.asUser(actor.accountId);
  const issue = await jira.getIssue(issueKey, ['summary', 'issuetype', 'status', 'project']);
  const fields = IssueHeaderFields.safeParse(issue.fields);
  if (!fields.success) {
    throw new AppError(
      'UPSTREAM_ERROR',
      `Jira returned issue ${issueKey} without its summary, type, status or project`,
    );
  }
  const [project] = await jira.searchProjects({ keys: [fields.data.project.key] });
  if (!project) throw new AppError('NOT_FOUND', `Project ${fields.data.project.key} is not visible to you`);
  const counts = await countByStatusCategory(jira, project.key);
  return {
    key: issue.key,
    summary: fields.data.summary,
    issueType: fields.data.issuetype.name,
    status: { name: fields.data.status.name, category: fields.data.status.statusCategory.key },
    project: toProjectOverview(toProject(project), counts),
  };
}
