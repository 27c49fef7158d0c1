import type { PmoConfig } from '../../src/domain/config/schema';
import { configVersionKey, LIVE_CONFIG_KEY, loadLiveConfig } from '../../src/services/settings/live-config';
import { storedConfigDocument } from '../../src/services/settings/stored-config';
import { MemoryStore } from '../../src/storage/memory-store';
import type { Store } from '../../src/storage/store';
import { storeDeps } from './store-deps';

interface PublishOptions {
  version?: number;
  comment?: string;
  author?: string;
}

/** Stores `config` as the live settings version the way a settings save does, for tests that start from given settings. */
export async function publishConfig(
  store: Store,
  config: PmoConfig,
  options: PublishOptions = {},
): Promise<void> {
  const { version = 1, comment = 'test', author = 'sim-admin' } = options;
  const document = storedConfigDocument({
    version,
    basedOn: version - 1,
    author,
    savedAt: '2026-11-01T00:00:00.000Z',
    comment,
    origin: { kind: 'save' },
    config,
  });
  await store.set(configVersionKey(version), document);
  await store.set(LIVE_CONFIG_KEY, { version });
}

/** The live configuration as the app reads it when `document` is stored as version 1, the live one. */
export async function liveConfigFromStored(document: unknown) {
  const store = new MemoryStore();
  await store.set(configVersionKey(1), document);
  await store.set(LIVE_CONFIG_KEY, { version: 1 });
  return loadLiveConfig(storeDeps(store));
}
