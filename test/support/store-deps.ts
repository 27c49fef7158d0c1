import { createInlineJobQueue } from '../../src/jobs/inline-queue';
import type { AppDeps, StoreDeps } from '../../src/services/deps';
import { createRecordingLogger } from '../../src/services/logger';
import type { Store } from '../../src/storage/store';

/** What store-level readers need, for a bare store in a test: a logger that records and writes nothing. */
export function storeDeps(store: Store): StoreDeps {
  return { store, logger: createRecordingLogger() };
}

/** The app's dependencies for code that touches storage only: any Jira call fails the test; queued jobs are dropped. */
export function storeOnlyAppDeps(store: Store, now: Date): AppDeps {
  const noJira = (): never => {
    throw new Error('this test reads no Jira');
  };
  return {
    jira: { asApp: noJira, asUser: noJira },
    store,
    now: () => now,
    jiraConcurrency: 1,
    queue: createInlineJobQueue(async () => {}),
    logger: createRecordingLogger(),
  };
}
