import { seededRandom } from '../domain/seeded-random';
import { assertWithinLimits, type Store, type StorePage } from './store';

export interface MemoryStoreOptions {
  /**
   * Round-trip time of every call, drawn per call from [min, max] milliseconds (Forge's KVS answers
   * in 5–60 ms). Each call takes effect at a random moment inside its round trip, so concurrent
   * calls interleave the way they do against a remote store: a read can miss a write that started
   * earlier, two read-modify-writes can overwrite each other. Absent: calls take effect at once.
   */
  latencyMs?: readonly [min: number, max: number];
  /** Seed of the latency draws, so an interleaving can be replayed. */
  seed?: number;
}

/**
 * In-process store for the local host, tests and benchmarks. Keeps values as JSON text so callers
 * never share mutable objects with the store (as with a real remote store).
 */
export class MemoryStore implements Store {
  private readonly data = new Map<string, string>();
  /** Every key, sorted: a prefix query seeks to its first key instead of scanning the whole store. */
  private readonly sortedKeys: string[] = [];
  private readonly latency: readonly [number, number] | null;
  private readonly random: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    const { latencyMs } = options;
    if (latencyMs !== undefined && !(latencyMs[0] >= 0 && latencyMs[1] >= latencyMs[0])) {
      throw new RangeError(
        `latencyMs must be [min, max] with 0 <= min <= max, not [${latencyMs.join(', ')}]`,
      );
    }
    this.latency = latencyMs ?? null;
    this.random = seededRandom(options.seed ?? 1);
  }

  async get(key: string): Promise<unknown | undefined> {
    return this.roundTrip(() => {
      const text = this.data.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    });
  }

  async set(key: string, value: unknown): Promise<void> {
    assertWithinLimits(key, value);
    const text = JSON.stringify(value);
    return this.roundTrip(() => {
      this.put(key, text);
    });
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertWithinLimits(key, value);
    const text = JSON.stringify(value);
    // Check and write happen in one step, as `keyPolicy: 'FAIL_IF_EXISTS'` does on Forge.
    return this.roundTrip(() => {
      if (this.data.has(key)) return false;
      this.put(key, text);
      return true;
    });
  }

  async delete(key: string): Promise<void> {
    return this.roundTrip(() => {
      if (!this.data.delete(key)) return;
      this.sortedKeys.splice(this.firstIndexAtOrAfter(key), 1);
    });
  }

  async query(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<StorePage> {
    return this.roundTrip(() => {
      const limit = Math.min(options.limit ?? 20, 100);
      const { cursor } = options;
      let index = this.firstIndexAtOrAfter(cursor !== undefined && cursor > prefix ? cursor : prefix);
      if (this.sortedKeys[index] === cursor) index++;
      const pageKeys: string[] = [];
      // One key past the page tells whether another page follows.
      while (pageKeys.length <= limit) {
        const key = this.sortedKeys[index++];
        if (key === undefined || !key.startsWith(prefix)) break;
        pageKeys.push(key);
      }
      const more = pageKeys.length > limit;
      if (more) pageKeys.pop();
      const results = pageKeys.map((key) => ({
        key,
        value: JSON.parse(this.data.get(key) as string) as unknown,
      }));
      const last = pageKeys.at(-1);
      return more && last !== undefined ? { results, nextCursor: last } : { results };
    });
  }

  private put(key: string, text: string): void {
    if (!this.data.has(key)) this.sortedKeys.splice(this.firstIndexAtOrAfter(key), 0, key);
    this.data.set(key, text);
  }

  /** Binary search: the index of the first key >= `key` in the sorted keys. */
  private firstIndexAtOrAfter(key: string): number {
    let low = 0;
    let high = this.sortedKeys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sortedKeys[middle] as string) < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Runs `effect` at a random moment inside one simulated round trip (at once without latency). */
  private async roundTrip<T>(effect: () => T): Promise<T> {
    if (this.latency === null) return effect();
    const [min, max] = this.latency;
    const total = min + this.random() * (max - min);
    const beforeEffect = this.random() * total;
    await sleep(beforeEffect);
    const result = effect();
    await sleep(total - beforeEffect);
    return result;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
