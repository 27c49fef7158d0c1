import { ForgeKvsAPIError } from '@forge/kvs';
import { FakeForgePlatform } from '../../test/support/forge-platform';
import { readChecklist, recordChecklistEvent } from '../services/standards/checklist-store';
import { KvsStore } from './kvs-store';
import { MAX_VALUE_BYTES, queryAll, StoreLimitError } from './store';

/**
 * The KVS adapter on the real `@forge/kvs` client, against a fake of the platform underneath it
 * (test/support/forge-platform.ts): request shapes, error classes and codes are the package's own.
 */
describe('KvsStore on @forge/kvs', () => {
  let platform: FakeForgePlatform;
  const store = new KvsStore();

  beforeEach(() => {
    platform = new FakeForgePlatform().install();
  });
  afterEach(() => platform.uninstall());

  it('reads what it wrote, answers undefined for a missing key, and deletes', async () => {
    await expect(store.get('config:live')).resolves.toBeUndefined();
    await store.set('config:live', { version: 3 });
    await expect(store.get('config:live')).resolves.toEqual({ version: 3 });
    await store.delete('config:live');
    await expect(store.get('config:live')).resolves.toBeUndefined();
    expect(platform.kvsCalls.map((call) => call.path)).toEqual([
      '/api/v1/get',
      '/api/v1/set',
      '/api/v1/get',
      '/api/v1/delete',
      '/api/v1/get',
    ]);
  });

  it('creates only when absent, with keyPolicy FAIL_IF_EXISTS, and answers false on KEY_CONFLICT', async () => {
    await expect(store.setIfAbsent('checklist:1:00000001', { n: 1 })).resolves.toBe(true);
    await expect(store.setIfAbsent('checklist:1:00000001', { n: 2 })).resolves.toBe(false);
    await expect(store.get('checklist:1:00000001')).resolves.toEqual({ n: 1 });
    expect(platform.kvsCalls[0]?.body).toMatchObject({ options: { keyPolicy: 'FAIL_IF_EXISTS' } });
  });

  it('decides on the error code, not the message: other errors mentioning "exist" are thrown', async () => {
    platform.failNextKvs({
      path: '/api/v1/set',
      status: 404,
      code: 'KEY_NOT_FOUND',
      message: 'Provided key does not exist',
    });
    const error = await store.setIfAbsent('a:b', 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error).toMatchObject({ code: 'KEY_NOT_FOUND' });

    platform.failNextKvs({ path: '/api/v1/set', status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'x' });
    await expect(store.setIfAbsent('a:b', 1)).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    await expect(store.get('a:b')).resolves.toBeUndefined();
  });

  it('pages prefix queries with the opaque cursor Forge hands back, in key order', async () => {
    for (let index = 0; index < 130; index++) {
      await store.set(`audit:${String(index).padStart(4, '0')}`, { index });
    }
    await store.set('auditor', { other: true });
    const keys: string[] = [];
    // queryAll follows the cursor a page of 100 at a time.
    for await (const { key } of queryAll(store, 'audit:')) keys.push(key);
    expect(keys).toHaveLength(130);
    expect(keys).toEqual([...keys].sort());
    // Forge refuses pages over 100: the adapter never asks for more.
    await expect(store.query('audit:', { limit: 500 })).resolves.toMatchObject({
      results: expect.any(Array),
    });
  });

  it('checks key length and value size before calling Forge', async () => {
    await expect(store.set('k'.repeat(501), 1)).rejects.toBeInstanceOf(StoreLimitError);
    await expect(store.setIfAbsent('big', 'x'.repeat(MAX_VALUE_BYTES + 1))).rejects.toBeInstanceOf(
      StoreLimitError,
    );
    expect(platform.kvsCalls).toEqual([]);
  });

  it('keeps 20 concurrent checklist ticks on one issue on the real client (create-only records)', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    platform.withKvsLatency(() => new Promise((resolve) => setTimeout(resolve, 1 + random() * 15)));
    const items = Array.from({ length: 20 }, (_, index) => `item-${index}`);
    await Promise.all(
      items.map((itemId) =>
        recordChecklistEvent(store, '10042', (state) =>
          state.ticks.gate?.[itemId]
            ? null
            : { ruleId: 'gate', itemId, ticked: true, by: 'u1', at: '2026-11-01T00:00:00.000Z' },
        ),
      ),
    );
    const state = await readChecklist(store, '10042');
    expect(Object.keys(state.ticks.gate ?? {}).sort()).toEqual([...items].sort());
    expect(state.history).toHaveLength(20);
    // Some creates collided and were retried on the next number: the conflicts were real.
    const conflicts = platform.kvsCalls.filter((call) => call.path === '/api/v1/set').length - 20;
    expect(conflicts).toBeGreaterThan(0);
  });
});
