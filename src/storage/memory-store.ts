import { assertWithinLimits, type Store, type StorePage } from './store';

/**
 * In-process store for the local host, tests and benchmarks. Keeps values as JSON text so callers
 * never share mutable objects with the store (as with a real remote store).
 */
export class MemoryStore implements Store {
  private readonly data = new Map<string, string>();

  async get(key: string): Promise<unknown | undefined> {
    const text = this.data.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  async set(key: string, value: unknown): Promise<void> {
    assertWithinLimits(key, value);
    this.data.set(key, JSON.stringify(value));
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    if (this.data.has(key)) return false;
    await this.set(key, value);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }

  async query(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<StorePage> {
    const limit = Math.min(options.limit ?? 20, 100);
    const keys = [...this.data.keys()]
      .filter((key) => key.startsWith(prefix) && (!options.cursor || key > options.cursor))
      .sort();
    const pageKeys = keys.slice(0, limit);
    const results = pageKeys.map((key) => ({
      key,
      value: JSON.parse(this.data.get(key) as string) as unknown,
    }));
    const last = pageKeys[pageKeys.length - 1];
    return keys.length > limit && last !== undefined ? { results, nextCursor: last } : { results };
  }
}
