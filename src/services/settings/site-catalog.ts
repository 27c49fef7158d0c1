import type { SiteCatalog } from '../../contracts/settings';
import { StatusCategoryKey } from '../../domain/model';
import { suggestBlockingLinks, suggestFieldMapping } from '../../domain/site-discovery';
import type { JiraClient } from '../../jira/client';
import type { Actor, AppDeps } from '../deps';

/**
 * What the settings editor's pickers offer, read as the caller (so a user sees only the projects,
 * issue types and fields Jira lets them see): six requests in parallel.
 */
export async function getSiteCatalog(deps: AppDeps, actor: Actor): Promise<SiteCatalog> {
  return loadSiteCatalog(deps.jira.asUser(actor.accountId));
}

export async function loadSiteCatalog(jira: JiraClient): Promise<SiteCatalog> {
  const [projects, categories, issueTypes, statuses, fields, linkTypes] = await Promise.all([
    jira.searchProjects(),
    jira.projectCategories(),
    jira.issueTypes(),
    jira.statuses(),
    jira.fields(),
    jira.linkTypes(),
  ]);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    projects: projects
      .map((project) => ({
        key: project.key,
        name: project.name,
        categoryId: project.projectCategory?.id ?? null,
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    categories: categories.map(({ id, name }) => ({ id, name })).sort(byName),
    // Standards name issue types and statuses by name: one entry per name.
    issueTypes: uniqueByName(issueTypes.map(({ id, name }) => ({ id, name }))).sort(byName),
    statuses: uniqueByName(
      statuses.map(({ id, name, statusCategory }) => {
        const category = StatusCategoryKey.safeParse(statusCategory.key);
        return { id, name, category: category.success ? category.data : ('new' as const) };
      }),
    ).sort(byName),
    fields: fields
      .map((field) => ({
        id: field.id,
        name: field.name,
        custom: field.custom === true,
        type: field.schema?.type ?? null,
      }))
      .sort(byName),
    linkTypes: linkTypes.map(({ id, name, inward, outward }) => ({ id, name, inward, outward })).sort(byName),
    suggestedFieldMapping: suggestFieldMapping(fields),
    suggestedBlockingLinks: suggestBlockingLinks(linkTypes),
  };
}

function uniqueByName<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
