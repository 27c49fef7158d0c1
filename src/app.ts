import { makeResolver } from '@forge/resolver';
import { createResolverHandler } from './resolvers';
import { sendDailyDigests, sendWeeklyDigests } from './services/alerts/digests';
import type { AppDeps } from './services/deps';
import { recordIssueChange } from './services/record-issue-change';
import { runJob } from './services/run-job';
import { scheduleDailySnapshot } from './services/snapshot';
import { refreshDuePortfolios } from './services/snapshots/refresh-due-portfolios';
import { validateTransition } from './services/validate-transition';

/** The queue consumer's resolver method, named in manifest.yml. */
export const CONSUMER_METHOD = 'run-job';

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
    consumer: makeResolver({
      [CONSUMER_METHOD]: async ({ payload }) => {
        await runJob(deps, payload);
      },
    }),
  };
}
export type App = ReturnType<typeof createApp>;
