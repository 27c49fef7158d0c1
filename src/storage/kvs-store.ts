import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { assertWithinLimits, type Store, type StorePage } from './store';

/**
 * What Forge answers when `keyPolicy: 'FAIL_IF_EXISTS'` meets an existing key: a 409 whose body
 * code is `KEY_CONFLICT`. Forge's error table does not list the code yet, so the HTTP status counts
 * too; the message text never does (it is for people and may change).
 */
const KEY_CONFLICT_CODE = 'KEY_CONFLICT';
const CONFLICT_STATUS = 409;

export function isKeyConflict(error: unknown): boolean {
  return (
    error instanceof ForgeKvsAPIError &&
    (error.code === KEY_CONFLICT_CODE || error.responseDetails.status === CONFLICT_STATUS)
  );
}

/** Forge's key-value store behind the Store port. */
export class KvsStore implements Store {
  async get(key: string): Promise<unknown | undefined> {
    return kvs.get<unknown>(key);
  }

  async set(key: string, value: unknown): Promise<void> {
    assertWithinLimits(key, value);
    await kvs.set(key, value);
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertWithinLimits(key, value);
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      if (isKeyConflict(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await kvs.delete(key);
  }

  async query(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<StorePage> {
    let builder = kvs
      .query()
      .where('key', WhereConditions.beginsWith(prefix))
      .limit(Math.max(1, Math.min(options.limit ?? 20, 100)));
    if (options.cursor) builder = builder.cursor(options.cursor);
    const page = await builder.getMany<unknown>();
    const results = page.results.map((result) => ({ key: result.key, value: result.value }));
    return page.nextCursor ? { results, nextCursor: page.nextCursor } : { results };
  }
}
