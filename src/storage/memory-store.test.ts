import { MemoryStore } from './memory-store';
import { queryAll, StoreLimitError } from './store';

describe('MemoryStore', () => {
  it('with latency, interleaves concurrent calls: naive read-modify-writes overwrite each other', async () => {
    const store = new MemoryStore({ latencyMs: [5, 60], seed: 3 });
    await store.set('counter', 0);
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const value = (await store.get('counter')) as number;
        await store.set('counter', value + 1);
      }),
    );
    // Ten increments, far fewer kept: what a remote store does to this code, shown locally.
    expect(await store.get('counter')).toBeLessThan(10);
  });

  it('with latency, setIfAbsent stays atomic: exactly one of ten concurrent creates wins', async () => {
    const store = new MemoryStore({ latencyMs: [5, 60], seed: 4 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, writer) => store.setIfAbsent('lock', { writer })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.get('lock')).toEqual({ writer: results.indexOf(true) });
  });

  it('refuses keys Forge refuses (length and characters), like the Forge adapter', async () => {
    const store = new MemoryStore();
    await expect(store.set('snapshot/2026-11-01', 1)).rejects.toBeInstanceOf(StoreLimitError);
    await expect(store.setIfAbsent('k'.repeat(501), 1)).rejects.toBeInstanceOf(StoreLimitError);
    await expect(store.set('validator:fail-open:2026-11-01T00:00:00.000Z:ABC-1', 1)).resolves.toBeUndefined();
  });

  it('refuses a latency range that is not [min, max]', () => {
    expect(() => new MemoryStore({ latencyMs: [60, 5] })).toThrow(RangeError);
  });
});

describe('MemoryStore prefix queries', () => {
  it('pages through exactly the keys under a prefix, in key order, whatever order they were written in', async () => {
    const store = new MemoryStore();
    const keys = Array.from({ length: 250 }, (_, index) => `h:${String(index).padStart(3, '0')}`);
    for (const key of [...keys].reverse()) await store.set(key, key);
    await store.set('h', 'not under the prefix');
    await store.set('i:000', 'after the prefix');
    await store.set('g:999', 'before the prefix');
    await store.set('h:100', 'written twice');
    await store.delete('h:101');
    const seen: string[] = [];
    // queryAll follows the cursor a page of 100 at a time.
    for await (const { key } of queryAll(store, 'h:')) seen.push(key);
    expect(seen).toEqual(keys.filter((key) => key !== 'h:101'));
    expect(await store.get('h:100')).toBe('written twice');
    expect((await store.query('h:24')).results.map((entry) => entry.key)).toEqual(
      Array.from({ length: 10 }, (_, index) => `h:24${index}`),
    );
  });
});
