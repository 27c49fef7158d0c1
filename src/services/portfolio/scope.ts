import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { type Project, ProjectKey } from '../../domain/model';
import type { JiraClient } from '../../jira/client';
import { jqlString } from '../../jira/jql';
import { toProject } from '../../jira/mappers';

/** Which projects a portfolio covers: listed keys, a project category, or an admin's JQL. */
export const PortfolioScopeSchema = z
  .object({
    projectKeys: z.array(ProjectKey).max(500).optional(),
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

/**
 * The JQL that selects one project's share of a portfolio. The portfolio's JQL is a condition: its
 * own ordering (a configuration saved before ordering was refused, or a script's `--jql`) is dropped,
 * and it is parenthesised, so the composed query is always one valid query.
 */
export function projectJql(projectKey: string, scope: PortfolioScope): string {
  const base = `project = ${jqlString(projectKey)}`;
  const condition = scope.jql === undefined ? '' : jqlWithoutOrdering(scope.jql);
  return `${condition ? `${base} AND (${condition})` : base} ORDER BY key ASC`;
}

/**
 * Where a top-level `ORDER BY` clause starts in a JQL query (outside quotes and parentheses), or
 * undefined when it has none. Linear in the query's length.
 */
export function orderByPosition(jql: string): number | undefined {
  let depth = 0;
  let quote: string | null = null;
  for (let index = 0; index < jql.length; index++) {
    const char = jql[index];
    if (quote !== null) {
      if (char === '\\') index++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === 'o' || char === 'O') && /[\s)]/.test(jql[index - 1] ?? ' ')) {
      if (/^order\s+by\b/i.test(jql.slice(index, index + 40))) return index;
    }
  }
  return undefined;
}

/** The query's condition without a top-level `ORDER BY` (ordering is the app's to choose). */
export function jqlWithoutOrdering(jql: string): string {
  const position = orderByPosition(jql);
  return (position === undefined ? jql : jql.slice(0, position)).trim();
}
