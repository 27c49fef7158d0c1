import type { Store } from '../../src/storage/store';

/** Every key and value in the store, to show that a refused call changed nothing. */
export async function dumpStore(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let cursor: string | undefined;
  do {
    const page = await store.query('', { cursor, limit: 100 });
    for (const { key, value } of page.results) out[key] = value;
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
