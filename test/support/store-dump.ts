import { queryAll, type Store } from '../../src/storage/store';

/** Every key and value in the store, to show that a refused call changed nothing. */
export async function dumpStore(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for await (const { key, value } of queryAll(store, '')) out[key] = value;
  return out;
}
