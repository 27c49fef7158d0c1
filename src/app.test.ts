import { storeOnlyAppDeps } from '../test/support/store-deps';
import { createApp } from './app';
import { AppError } from './domain/errors';
import { MemoryStore } from './storage/memory-store';

/** The app with no Jira: the consumer tests below run a job that only touches storage. */
function appWithStore(store: MemoryStore) {
  return createApp(storeOnlyAppDeps(store, new Date('2026-12-05T12:00:00Z')));
}

describe('queue consumer (as Forge invokes it with @forge/events 2 and later)', () => {
  it('runs the job carried in the async event body', async () => {
    const store = new MemoryStore();
    await store.set('pf:gone:snapshot:current', { id: 's1' });
    await store.set('pf:kept:snapshot:current', { id: 's2' });

    await appWithStore(store).consumer({
      body: { kind: 'delete-portfolio-data', portfolioId: 'gone' },
      queueName: 'pmo-jobs',
      jobId: 'job-1',
      eventId: 'event-1',
    });

    expect(await store.get('pf:gone:snapshot:current')).toBeUndefined();
    expect(await store.get('pf:kept:snapshot:current')).toEqual({ id: 's2' });
  });

  it('refuses an event without a body with a typed error (the job is not guessed from other fields)', async () => {
    const store = new MemoryStore();
    await store.set('pf:gone:snapshot:current', { id: 's1' });

    const run = appWithStore(store).consumer({
      payload: { kind: 'delete-portfolio-data', portfolioId: 'gone' },
    });

    await expect(run).rejects.toBeInstanceOf(AppError);
    expect(await store.get('pf:gone:snapshot:current')).toEqual({ id: 's1' });
  });
});
