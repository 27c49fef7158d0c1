import { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { Project } from '../../domain/model';
import type { JiraClient } from '../../jira/client';
import { jqlString } from '../../jira/jql';
import { toProject } from '../../jira/mappers';

/** Which projects a portfolio covers: listed keys, a project category, or an admin's JQL. */
export const PortfolioScopeSchema = z
  .object({
    projectKeys: z
      .array(z.string().regex(/^[A-Z][A-Z0-9_]{0,30}$/, 'expected a project key like ABC'))
      .max(500)
      .optional(),
    categoryId: z.string().min(1).optional(),
    /** Extra JQL every issue must match, e.g. `labels = portfolio-2027`. */
    jql: z.string().min(1).max(4000).optional(),
  })
  .strict();
export type PortfolioScope = z.infer<typeof PortfolioScopeSchema>;

/** The projects of a scope that the given principal can see, sorted by key. */
export async function resolveScopeProjects(jira: JiraClient, scope: PortfolioScope): Promise<Project[]> {
  const projects = (
    await jira.searchProjects({
      ...(scope.projectKeys ? { keys: scope.projectKeys } : {}),
      ...(scope.categoryId ? { categoryId: scope.categoryId } : {}),
    })
  ).map(toProject);
  if (scope.projectKeys) {
    const found = new Set(projects.map((project) => project.key));
    const missing = scope.projectKeys.filter((key) => !found.has(key));
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `No access to project${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        {
          missing,
        },
      );
    }
  }
  return projects.sort((a, b) => a.key.localeCompare(b.key));
}

/** The JQL that selects one project's share of a portfolio. */
export function projectJql(projectKey: string, scope: PortfolioScope): string {
  const base = `project = ${jqlString(projectKey)}`;
  return `${scope.jql ? `${base} AND (${scope.jql})` : base} ORDER BY key ASC`;
}
