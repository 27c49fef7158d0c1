import { storeOnlyAppDeps } from '../../../test/support/store-deps';
import type { PublishedUpdate } from '../../domain/status/update';
import { MemoryStore } from '../../storage/memory-store';
import type { AppDeps } from '../deps';
import { statusKeys } from '../status/status-store';
import { lateStatusUpdates } from './late-updates';

/** Storage only: the site's time zone is already known (UTC), the settings are the defaults. */
async function depsAt(now: string): Promise<AppDeps> {
  const store = new MemoryStore();
  await store.set('site:time-zone', { at: new Date(now).getTime(), timeZone: 'UTC' });
  return storeOnlyAppDeps(store, new Date(now));
}

function published(projectKey: string, periodId: string): PublishedUpdate {
  return {
    portfolioId: 'all',
    projectKey,
    periodId,
    version: 1,
    status: 'on-track',
    commentary: 'On plan.',
    computedRag: 'green',
    facts: {
      asOf: '2026-12-04T09:00:00.000Z',
      health: { rag: 'green', computedRag: 'green', reasons: [] },
      changesSince: null,
      changes: [],
      topRisks: [],
      upcoming: [],
      upcomingTotal: 0,
      overdue: { count: 0, examples: [] },
      conflicts: [],
      suggested: 'on-track',
    },
    publishedBy: 'lead-1',
    publishedAt: '2026-12-04T10:00:00.000Z',
  };
}

describe('late status updates (for the "status update late" alert and the weekly digest)', () => {
  // Default cadence: weekly, Monday to Sunday, due by the end of Friday. 2026-11-30 is a Monday.
  const week = '2026-11-30';

  it('names the projects with nothing published once the due day is over, not those that published', async () => {
    const deps = await depsAt('2026-12-05T08:00:00Z'); // Saturday
    await deps.store.set(statusKeys.published('all', week, 'ALPHA', 1), published('ALPHA', week));

    const late = await lateStatusUpdates(deps, 'all', ['ALPHA', 'BETA', 'GAMMA'], deps.now());

    expect(late).toEqual([
      { projectKey: 'BETA', period: week },
      { projectKey: 'GAMMA', period: week },
    ]);
  });

  it('names none on the due day itself', async () => {
    const deps = await depsAt('2026-12-04T23:00:00Z'); // Friday evening
    expect(await lateStatusUpdates(deps, 'all', ['ALPHA', 'BETA'], deps.now())).toEqual([]);
  });
});
