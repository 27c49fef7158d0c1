import type { z } from 'zod';

/**
 * The storage port: a key-value store with prefix queries, shaped after Forge's `@forge/kvs`
 * (values up to 240 KiB, keys up to 500 characters, prefix queries that page). Values are JSON.
 * Adapters: kvs-store.ts (Forge) and memory-store.ts (local host, tests, benchmarks).
 */
export interface Store {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Sets only when the key is absent; answers false when it already exists. */
  setIfAbsent(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Keys and values whose key starts with `prefix`, in key order, a page at a time. */
  query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<StorePage>;
}

export interface StorePage {
  results: { key: string; value: unknown }[];
  nextCursor?: string;
}

export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_KEY_LENGTH = 500;

/** The keys Forge's KVS accepts (its INVALID_KEY rule); anything else fails there, so it fails here. */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export class StoreLimitError extends Error {}

/** Checks Forge's limits so that what works locally also works on Forge. */
export function assertWithinLimits(key: string, value: unknown): void {
  if (key.length > MAX_KEY_LENGTH)
    throw new StoreLimitError(`Storage key longer than ${MAX_KEY_LENGTH} characters`);
  if (!KEY_PATTERN.test(key))
    throw new StoreLimitError(`Storage key ${JSON.stringify(key)} has characters Forge refuses`);
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new StoreLimitError(`Storage value for ${key} is ${bytes} bytes; the limit is ${MAX_VALUE_BYTES}`);
  }
}

/** Reads a value and parses it; a stored value of the wrong shape is reported, never used. */
export async function readParsed<S extends z.ZodType>(
  store: Store,
  key: string,
  schema: S,
): Promise<z.infer<S> | undefined> {
  const raw = await store.get(key);
  return raw === undefined ? undefined : parseStored(key, raw, schema);
}

/** `raw`, read from `key`, parsed with `schema`; a value of the wrong shape is reported, never used. */
export function parseStored<S extends z.ZodType>(key: string, raw: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new StoredDataError(key, parsed.error.message);
  return parsed.data;
}

export class StoredDataError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`Stored value ${key} is not in the expected shape: ${detail}`);
  }
}

/** Every entry whose key starts with `prefix`, in key order, fetched a page at a time. */
export async function* queryAll(
  store: Store,
  prefix: string,
): AsyncGenerator<{ key: string; value: unknown }> {
  let cursor: string | undefined;
  do {
    const page = await store.query(prefix, cursor ? { cursor, limit: 100 } : { limit: 100 });
    yield* page.results;
    cursor = page.nextCursor;
  } while (cursor);
}
