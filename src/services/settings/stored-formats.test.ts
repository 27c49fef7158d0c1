import { storeDeps } from '../../../test/support/store-deps';
import { MemoryStore } from '../../storage/memory-store';
import { syncAuditLog } from './audit-log';
import formatZeroVersion from './fixtures/config-version-format-0.json';
import { configVersionKey, LIVE_CONFIG_KEY, loadLiveConfig, readConfigVersion } from './live-config';
import { CONFIG_VERSION_FORMAT, readStoredConfigVersion, storedConfigDocument } from './stored-config';

/**
 * Stored configuration versions have their own versioned format (#11): documents written by the
 * previous version of the app (no `formatVersion`) are read as they are, new ones carry the marker,
 * and a format this code does not know is reported instead of guessed at.
 */
describe('stored configuration versions', () => {
  it('reads a version written before stored formats were versioned', async () => {
    const store = new MemoryStore();
    await store.set(configVersionKey(1), formatZeroVersion);
    await store.set(LIVE_CONFIG_KEY, { version: 1 });
    const live = await loadLiveConfig(storeDeps(store));
    expect(live).toMatchObject({ version: 1, author: 'sim-admin', savedAt: '2026-11-02T09:14:03.512Z' });
    expect(live.config.overrides.DELTA).toMatchObject({ rag: 'red', by: 'sim-pmo' });
    expect(live.config.access.pmoGroupName).toBe('pmo-office');
    expect(live.config.portfolios.map((portfolio) => portfolio.id)).toEqual(['vendor-exit']);
    const stored = await readConfigVersion(store, 1);
    expect(stored?.origin).toEqual({ kind: 'save' });
    expect(stored?.comment).toBe('Enforce delivery readiness');
    // The audit log is built from it like from any other version.
    await syncAuditLog(storeDeps(store), 1);
    expect(await store.get('audit:page:00000001')).toMatchObject({
      entries: [{ version: 1, actor: 'sim-admin' }],
    });
  });

  it('writes the current format and reads it back to the same version', () => {
    const previous = readStoredConfigVersion(formatZeroVersion);
    if (!previous.success) throw new Error('the fixture does not read');
    const document = storedConfigDocument(previous.data);
    expect(document.formatVersion).toBe(CONFIG_VERSION_FORMAT);
    expect(readStoredConfigVersion(JSON.parse(JSON.stringify(document)))).toEqual(previous);
  });

  it('reports a version of an unknown (newer) format or a damaged one as unreadable, with paths', async () => {
    expect(readStoredConfigVersion({ ...formatZeroVersion, formatVersion: 2 })).toMatchObject({
      success: false,
      issues: [{ path: 'formatVersion' }],
    });
    const damaged = { ...formatZeroVersion, config: { ...formatZeroVersion.config, schemaVersion: 7 } };
    expect(readStoredConfigVersion(damaged)).toMatchObject({
      success: false,
      issues: [{ path: 'config.schemaVersion' }],
    });
    const store = new MemoryStore();
    await store.set(configVersionKey(1), { ...formatZeroVersion, formatVersion: 2 });
    await expect(readConfigVersion(store, 1)).rejects.toMatchObject({ code: 'CONFIG_UNREADABLE' });
  });
});
