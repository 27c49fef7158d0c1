import { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { JiraClient } from '../../jira/client';
import type { PortfolioScope } from './scope';

/**
 * Portfolios before an admin defines any: every project the viewer can browse, and one portfolio
 * per Jira project category (how many PMOs already group their projects).
 */
export const PortfolioId = z
  .string()
  .regex(/^(all|category:\d{1,18})$/, 'expected "all" or "category:<id>"')
  .default('all');

export const PortfolioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  projectCount: z.number().int().nonnegative(),
});
export type PortfolioSummary = z.infer<typeof PortfolioSummarySchema>;

export async function listPortfolios(jira: JiraClient): Promise<PortfolioSummary[]> {
  const projects = await jira.searchProjects();
  const categories = new Map<string, { name: string; count: number }>();
  for (const project of projects) {
    const category = project.projectCategory;
    if (!category) continue;
    const entry = categories.get(category.id) ?? { name: category.name, count: 0 };
    entry.count++;
    categories.set(category.id, entry);
  }
  const byCategory = [...categories.entries()]
    .map(([id, { name, count }]) => ({ id: `category:${id}`, name, projectCount: count }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ id: 'all', name: 'All projects', projectCount: projects.length }, ...byCategory];
}

export function scopeOfPortfolio(portfolioId: string): PortfolioScope {
  if (portfolioId === 'all') return {};
  const categoryId = /^category:(\d+)$/.exec(portfolioId)?.[1];
  if (!categoryId) throw new AppError('NOT_FOUND', `There is no portfolio ${portfolioId}`);
  return { categoryId };
}
