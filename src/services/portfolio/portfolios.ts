import { z } from 'zod';
import type { PortfolioSummary } from '../../contracts/portfolio';
import type { PortfolioDefinition } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import type { JiraClient } from '../../jira/client';
import type { JiraProject } from '../../jira/schemas';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import type { PortfolioScope } from './scope';

/**
 * Portfolios a viewer can pick: every project they can browse ("all"), the portfolios admins define
 * in settings (`p:<id>`: listed projects, a project category or a JQL scope), and one portfolio per
 * Jira project category (how many PMOs already group their projects).
 */

/** The id a configured portfolio is picked by. */
export const configuredPortfolioId = (definition: PortfolioDefinition) => `p:${definition.id}`;

/** The portfolios of the live configuration as the viewer sees them (project counts are theirs). */
export async function listViewerPortfolios(deps: AppDeps, actor: Actor): Promise<PortfolioSummary[]> {
  const live = await loadLiveConfig(deps.store);
  return listPortfolios(deps.jira.asUser(actor.accountId), live.config.portfolios);
}

export async function listPortfolios(
  jira: JiraClient,
  definitions: readonly PortfolioDefinition[] = [],
): Promise<PortfolioSummary[]> {
  const projects = await jira.searchProjects();
  const categories = new Map<string, { name: string; count: number }>();
  for (const project of projects) {
    const category = project.projectCategory;
    if (!category) continue;
    const entry = categories.get(category.id) ?? { name: category.name, count: 0 };
    entry.count++;
    categories.set(category.id, entry);
  }
  const configured = definitions.map((definition) => ({
    id: configuredPortfolioId(definition),
    name: definition.name,
    projectCount: countProjects(definition, projects),
  }));
  const byCategory = [...categories.entries()]
    .map(([id, { name, count }]) => ({ id: `category:${id}`, name, projectCount: count }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: 'all', name: 'All projects', projectCount: projects.length }, ...configured, ...byCategory];
}

/** Projects of a configured portfolio the viewer can see; a JQL scope may reach any of them. */
function countProjects(definition: PortfolioDefinition, visible: readonly JiraProject[]): number {
  const { scope } = definition;
  if (scope.kind === 'projects') {
    const keys = new Set(scope.projectKeys);
    return visible.filter((project) => keys.has(project.key)).length;
  }
  if (scope.kind === 'category') {
    return visible.filter((project) => project.projectCategory?.id === scope.categoryId).length;
  }
  return visible.length;
}

/**
 * The scope of a portfolio id. Configured portfolios come from `definitions` (the live
 * configuration); an id that names none is NOT_FOUND.
 */
export function scopeOfPortfolio(
  portfolioId: string,
  definitions: readonly PortfolioDefinition[] = [],
): PortfolioScope {
  if (portfolioId === 'all') return {};
  const categoryId = /^category:(\d+)$/.exec(portfolioId)?.[1];
  if (categoryId) return { categoryId };
  const definition = definitions.find((candidate) => configuredPortfolioId(candidate) === portfolioId);
  if (!definition) throw new AppError('NOT_FOUND', `There is no portfolio ${portfolioId}`);
  const { scope } = definition;
  if (scope.kind === 'projects') return { projectKeys: [...scope.projectKeys] };
  if (scope.kind === 'category') return { categoryId: scope.categoryId };
  return { jql: scope.jql };
}

/**
 * A configured list of projects narrowed to those the viewer can see, so that a team member sees
 * their share of a portfolio instead of an error. When they can see none, the scope is left as it
 * is and the report answers NOT_FOUND.
 */
export async function visibleScope(jira: JiraClient, scope: PortfolioScope): Promise<PortfolioScope> {
  if (!scope.projectKeys || scope.projectKeys.length === 0) return scope;
  const visible = new Set(
    (await jira.searchProjects({ keys: scope.projectKeys })).map((project) => project.key),
  );
  const keys = scope.projectKeys.filter((key) => visible.has(key));
  return keys.length > 0 ? { ...scope, projectKeys: keys } : scope;
}
