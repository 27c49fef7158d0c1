/**
 * Parsed snapshots and computed views kept in this process for the next page view. Forge serves
 * several sites from one warm process, so every key starts with the installation: nothing cached
 * for one site is ever found for another. Snapshots are immutable once written (a refresh writes
 * a new sequence number), so an entry never goes stale; the view key also holds everything the
 * view depends on.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

export function cacheKey(installation: string, ...parts: readonly (string | number)[]): string {
  return JSON.stringify([installation, ...parts]);
}
