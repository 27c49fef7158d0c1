import { z } from 'zod';
import { RefreshRunSchema } from '../domain/portfolio/schema';
import { PortfolioId } from './portfolio';

/** Refresh runs of portfolio snapshots: start one ("Refresh"), follow its progress, see the history. */
export const RefreshStatusSchema = z.object({
  /** The newest run; null before the portfolio was ever refreshed. */
  run: RefreshRunSchema.nullable(),
  /** When the snapshot readers see was read from Jira; null before the first one completes. */
  asOf: z.string().nullable(),
  /** Recent runs, newest first. */
  history: z.array(RefreshRunSchema),
});
export type RefreshStatus = z.infer<typeof RefreshStatusSchema>;

export const snapshotsContract = {
  refreshPortfolio: {
    input: z.object({ portfolioId: PortfolioId }).strict(),
    output: RefreshRunSchema,
  },
  getRefreshStatus: {
    input: z.object({ portfolioId: PortfolioId }).strict(),
    output: RefreshStatusSchema,
  },
} as const;
