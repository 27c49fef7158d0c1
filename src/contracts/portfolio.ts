import { z } from 'zod';

/**
 * Portfolios a viewer can pick: every project they can browse ("all"), the portfolios admins define
 * in settings (`p:<id>`), and one portfolio per Jira project category.
 */
export const PortfolioId = z
  .string()
  .regex(
    /^(all|category:\d{1,18}|p:[a-z0-9][a-z0-9-]{0,62})$/,
    'expected "all", "category:<id>" or "p:<portfolio id>"',
  )
  .default('all');

export const PortfolioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  projectCount: z.number().int().nonnegative(),
});
export type PortfolioSummary = z.infer<typeof PortfolioSummarySchema>;
