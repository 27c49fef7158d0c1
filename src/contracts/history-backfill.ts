import { z } from 'zod';
import { BackfillStatusSchema } from '../domain/history/backfill-status';
import { PortfolioId } from './portfolio';

/** The history backfill's progress, for the page that marks reconstructed days while they fill in. */
export const historyBackfillContract = {
  getHistoryBackfill: {
    input: z.object({ portfolioId: PortfolioId }).strict(),
    output: z.object({ backfill: BackfillStatusSchema.nullable() }),
  },
} as const;
