import { z } from 'zod';
import { parseOrThrow } from './domain/errors';
import { createResolverHandler } from './resolvers';
import { sendDailyDigests, sendWeeklyDigests } from './services/alerts/digests';
import type { AppDeps } from './services/deps';
import { recordIssueChange } from './services/record-issue-change';
import { runJob } from './services/run-job';
import { scheduleDailySnapshot } from './services/snapshot';
import { refreshDuePortfolios } from './services/snapshots/refresh-due-portfolios';
import { validateTransition } from './services/validate-transition';

/**
 * What Forge hands the queue consumer's function (@forge/events 2 and later: the consumer module names
 * a function, no resolver): the pushed event's body plus invocation fields (jobId, eventId, retryContext).
 */
const AsyncEventSchema = z.looseObject({ body: z.record(z.string(), z.unknown()) });

/**
 * Every entry point of the app, built from its dependencies. Forge (src/index.ts), the local host
 * and the tests all call this; only the adapters they pass differ.
 */
export function createApp(deps: AppDeps) {
  return {
    resolver: createResolverHandler(deps),
    validator: (event: unknown) => validateTransition(deps, event),
    issueTrigger: (event: unknown) => recordIssueChange(deps, event),
    dailySnapshot: () => scheduleDailySnapshot(deps, deps.queue),
    refreshTrigger: () => refreshDuePortfolios(deps),
    dailyDigestTrigger: () => sendDailyDigests(deps),
    weeklyDigestTrigger: () => sendWeeklyDigests(deps),
    consumer: async (event: unknown) => {
      await runJob(deps, parseOrThrow(AsyncEventSchema, event, 'queued event').body);
    },
  };
}
export type App = ReturnType<typeof createApp>;
