import type { PortfolioSummary } from '../../contracts/portfolio';
import type { PortfolioDefinition } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import { type JiraClient, JiraError } from '../../jira/client';
import type { JiraProject } from '../../jira/schemas';
import type { Actor, AppDeps } from '../deps';
import { loadLiveConfig } from '../settings/live-config';
import { jqlWithoutOrdering, type PortfolioScope } from './scope';

/**
 * Portfolios a viewer can pick: every project they can browse ("all"), the portfolios admins define
 * in settings (`p:<id>`: listed projects, a project category or a JQL scope), and one portfolio per
 * Jira project category (how many PMOs already group their projects).
 */

const VISIBILITY_CHECKS_AT_ONCE = 5;

/** The id a configured portfolio is picked by. */
export const configuredPortfolioId = (definition: PortfolioDefinition) => `p:${definition.id}`;

/** The portfolios of the live configuration as the viewer sees them (project counts are theirs). */
export async function listViewerPortfolios(deps: AppDeps, actor: Actor): Promise<PortfolioSummary[]> {
  const live = await loadLiveConfig(deps);
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
  // A configured portfolio's name is the PMO's word for a set of projects ("Vendor exit DELTA"):
  // only viewers who can browse at least one of those projects learn it exists.
  // A JQL scope costs one request; a few at a time keeps a long list from bursting Jira.
  const shown: PortfolioDefinition[] = [];
  for (let start = 0; start < definitions.length; start += VISIBILITY_CHECKS_AT_ONCE) {
    const batch = definitions.slice(start, start + VISIBILITY_CHECKS_AT_ONCE);
    const seen = await Promise.all(
      batch.map((definition) => viewerSeesPortfolio(jira, definition, projects)),
    );
    shown.push(...batch.filter((_, index) => seen[index]));
  }
  const configured = shown.map((definition) => ({
    id: configuredPortfolioId(definition),
    name: definition.name,
    projectCount: countProjects(definition, projects),
  }));
  const byCategory = [...categories.entries()]
    .map(([id, { name, count }]) => ({ id: `category:${id}`, name, projectCount: count }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: 'all', name: 'All projects', projectCount: projects.length }, ...configured, ...byCategory];
}

/**
 * Whether the viewer can browse at least one project of a configured portfolio: listed keys or a
 * category among the projects Jira shows them; for a JQL scope, Jira finds an issue of it for them
 * (one approximate count, as the user; a query Jira refuses for them, e.g. one naming a project
 * they cannot see, counts as none).
 */
export async function viewerSeesPortfolio(
  jira: JiraClient,
  definition: PortfolioDefinition,
  visible: readonly JiraProject[],
): Promise<boolean> {
  if (definition.scope.kind !== 'jql') return countProjects(definition, visible) > 0;
  if (visible.length === 0) return false;
  try {
    return (await jira.approximateCount(jqlWithoutOrdering(definition.scope.jql))) > 0;
  } catch (error) {
    if (error instanceof JiraError && error.code === 'BAD_REQUEST') return false;
    throw error;
  }
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
