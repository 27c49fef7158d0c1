import type { StoreDeps } from '../../src/services/deps';
import { createRecordingLogger } from '../../src/services/logger';
import type { Store } from '../../src/storage/store';

/** What store-level readers need, for a bare store in a test: a logger that records and writes nothing. */
export function storeDeps(store: Store): StoreDeps {
  return { store, logger: createRecordingLogger() };
}
