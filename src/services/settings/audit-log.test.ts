import { storeDeps } from '../../../test/support/store-deps';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { MemoryStore } from '../../storage/memory-store';
import { MAX_VALUE_BYTES } from '../../storage/store';
import {
  AUDIT_HEAD_KEY,
  type AuditLogOptions,
  auditPageKey,
  DEFAULT_AUDIT_OPTIONS,
  listAuditEntries,
  syncAuditLog,
} from './audit-log';
import formatZeroPage from './fixtures/audit-page-format-0.json';
import { configVersionKey } from './live-config';
import { AUDIT_PAGE_FORMAT_VERSION } from './stored-audit';

/** Writes versions 1..count, each changing every standard's description (big diffs). */
async function writeVersions(store: MemoryStore, count: number, text = (v: number) => `Description ${v}`) {
  for (let version = 1; version <= count; version++) {
    const config: PmoConfig = structuredClone(defaultPmoConfig);
    for (const standard of config.standards) standard.description = `${text(version)} ${standard.id}`;
    await store.set(configVersionKey(version), {
      version,
      basedOn: version - 1,
      author: `user-${version % 3}`,
      savedAt: new Date(Date.UTC(2026, 0, 1, 0, version)).toISOString(),
      comment: `change ${version}`,
      origin: { kind: 'save' },
      config,
    });
  }
}

async function allPages(store: MemoryStore) {
  const page = await store.query('audit:page:', { limit: 100 });
  return page.results.map((result) => result.value as { page: number; entries: { version: number }[] });
}

async function listAll(store: MemoryStore, limit: number) {
  const versions: number[] = [];
  let cursor: string | undefined;
  let calls = 0;
  do {
    const listing = await listAuditEntries(storeDeps(store), { cursor, limit });
    versions.push(...listing.entries.map((entry) => entry.version));
    cursor = listing.nextCursor ?? undefined;
    calls++;
  } while (cursor && calls < 1000);
  return versions;
}

describe('audit log', () => {
  it('rolls to a new page when the next entry would pass the page budget, and lists newest first across pages', async () => {
    const store = new MemoryStore();
    await writeVersions(store, 12);
    const options: AuditLogOptions = { ...DEFAULT_AUDIT_OPTIONS, pageBudgetBytes: 6000 };
    await syncAuditLog(storeDeps(store), 12, options);
    const pages = await allPages(store);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(JSON.stringify(page).length).toBeLessThanOrEqual(6000);
    expect(pages.flatMap((page) => page.entries.map((entry) => entry.version))).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(await store.get(AUDIT_HEAD_KEY)).toEqual({ page: pages.length });
    expect(await listAll(store, 5)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await listAll(store, 1)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('keeps every page under the KVS value limit with real limits and large changes', async () => {
    const store = new MemoryStore();
    // Each version changes every standard's long description: entries of several KiB each.
    await writeVersions(store, 60, (v) => `${'long text '.repeat(150)}${v}`);
    await syncAuditLog(storeDeps(store), 60);
    const pages = await allPages(store);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThanOrEqual(
        DEFAULT_AUDIT_OPTIONS.pageBudgetBytes,
      );
      expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(MAX_VALUE_BYTES);
    }
    expect(await listAll(store, 20)).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
  });

  it('rolls by entry count as well', async () => {
    const store = new MemoryStore();
    await writeVersions(store, 7);
    await syncAuditLog(storeDeps(store), 7, { ...DEFAULT_AUDIT_OPTIONS, maxEntriesPerPage: 3 });
    expect((await allPages(store)).map((page) => page.entries.length)).toEqual([3, 3, 1]);
  });

  it('catches up on entries a failed write left out, and writes none twice', async () => {
    const store = new MemoryStore();
    await writeVersions(store, 5);
    await syncAuditLog(storeDeps(store), 2);
    await syncAuditLog(storeDeps(store), 5);
    await syncAuditLog(storeDeps(store), 5);
    expect(await listAll(store, 20)).toEqual([5, 4, 3, 2, 1]);
    // A head write lost after a page was added: readers roll forward over the newer page.
    const options = { ...DEFAULT_AUDIT_OPTIONS, maxEntriesPerPage: 2 };
    const other = new MemoryStore();
    await writeVersions(other, 3);
    await syncAuditLog(storeDeps(other), 3, options);
    await other.set(AUDIT_HEAD_KEY, { page: 1 });
    expect(await listAll(other, 20)).toEqual([3, 2, 1]);
    await writeVersions(other, 4);
    await syncAuditLog(storeDeps(other), 4, options);
    expect(await listAll(other, 20)).toEqual([4, 3, 2, 1]);
    expect(await other.get(auditPageKey(3))).toBeUndefined();
  });

  it('bounds an entry: at most 50 changes, the rest counted', async () => {
    const store = new MemoryStore();
    const config: PmoConfig = structuredClone(defaultPmoConfig);
    config.portfolios = Array.from({ length: 80 }, (_, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      ownerAccountId: null,
      scope: { kind: 'category' as const, categoryId: '1' },
    }));
    await store.set(configVersionKey(1), {
      version: 1,
      basedOn: 0,
      author: 'a',
      savedAt: '2026-01-01T00:00:00.000Z',
      comment: '',
      origin: { kind: 'import' },
      config,
    });
    await syncAuditLog(storeDeps(store), 1);
    const [entry] = (await listAuditEntries(storeDeps(store), { limit: 1 })).entries;
    expect(entry?.changes).toHaveLength(50);
    expect(entry?.omittedChanges).toBe(30);
    expect(entry?.action).toBe('import');
  });

  it('rejects a forged cursor', async () => {
    await expect(
      listAuditEntries(storeDeps(new MemoryStore()), { cursor: 'drop table', limit: 5 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('answers BAD_REQUEST for a cursor beyond the stored log, reading a bounded number of values', async () => {
    // Regression: `p99999999v99999999` made the listing walk 99,999,999 empty pages and froze the
    // process. The store refuses to be read more than a few hundred times, so a loop driven by the
    // cursor fails the test instead of hanging it.
    const store = new MemoryStore();
    await writeVersions(store, 7);
    await syncAuditLog(storeDeps(store), 7, { ...DEFAULT_AUDIT_OPTIONS, maxEntriesPerPage: 3 });
    const counted = readCountingStore(store, 200);
    for (const cursor of ['p99999999v99999999', 'p4v5', 'p3v99999999', 'p0v5', 'p2v1', 'p2v8']) {
      await expect(listAuditEntries(storeDeps(counted.store), { cursor, limit: 100 })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: 'Invalid cursor; start again from the first page',
      });
    }
    // A cursor the log handed out still works.
    const first = await listAuditEntries(storeDeps(counted.store), { limit: 2 });
    expect(first.nextCursor).toBe('p2v6');
    const next = await listAuditEntries(storeDeps(counted.store), {
      cursor: first.nextCursor ?? '',
      limit: 2,
    });
    expect(next.entries.map((entry) => entry.version)).toEqual([5, 4]);
    expect(counted.reads()).toBeLessThan(200);
  });

  it('reads pages written in the previous stored format (no formatVersion) and migrates them on write', async () => {
    const store = new MemoryStore();
    await store.set(auditPageKey(1), formatZeroPage);
    await store.set(AUDIT_HEAD_KEY, { page: 1 });
    const listing = await listAuditEntries(storeDeps(store), { limit: 10 });
    expect(listing.entries.map((entry) => [entry.version, entry.action, entry.actor])).toEqual([
      [3, 'restore', 'sim-admin'],
      [2, 'override', 'sim-pmo'],
      [1, 'save', 'sim-admin'],
    ]);
    expect(listing.entries[1]?.projectKey).toBe('ATLAS');
    expect(listing.entries[0]?.restoredFrom).toBe(1);
    // The next entry appended to that page rewrites it in the current format.
    const config: PmoConfig = structuredClone(defaultPmoConfig);
    await store.set(configVersionKey(3), {
      version: 3,
      basedOn: 2,
      author: 'sim-admin',
      savedAt: '2026-11-04T08:02:59.900Z',
      comment: 'Restored version 1',
      origin: { kind: 'restore', restoredFrom: 1 },
      config,
    });
    for (const standard of config.standards) standard.description = 'changed';
    await store.set(configVersionKey(4), {
      version: 4,
      basedOn: 3,
      author: 'sim-admin',
      savedAt: '2026-11-05T08:00:00.000Z',
      comment: 'after the upgrade',
      origin: { kind: 'save' },
      config,
    });
    await syncAuditLog(storeDeps(store), 4);
    const page = (await store.get(auditPageKey(1))) as { formatVersion: number; entries: unknown[] };
    expect(page.formatVersion).toBe(AUDIT_PAGE_FORMAT_VERSION);
    expect(page.entries).toHaveLength(4);
    expect(
      (await listAuditEntries(storeDeps(store), { limit: 10 })).entries.map((entry) => entry.version),
    ).toEqual([4, 3, 2, 1]);
  });

  it('refuses to guess at a page of an unknown (newer) stored format', async () => {
    const store = new MemoryStore();
    await store.set(auditPageKey(1), { ...formatZeroPage, formatVersion: 99 });
    await expect(listAuditEntries(storeDeps(store), { limit: 10 })).rejects.toMatchObject({
      code: 'CONFIG_UNREADABLE',
    });
  });
});

/** The store, with reads counted; reading more than `maxReads` values throws. */
function readCountingStore(store: MemoryStore, maxReads: number) {
  let reads = 0;
  const counted = Object.create(store) as MemoryStore;
  counted.get = async (key: string) => {
    reads++;
    if (reads > maxReads) throw new Error(`read more than ${maxReads} stored values`);
    return store.get(key);
  };
  return { store: counted, reads: () => reads };
}
