import { z } from 'zod';
import { MAX_VALUE_BYTES, parseStored, readParsed, type Store, StoredDataError } from './store';

/**
 * Values larger than one storage value (Forge KVS: 240 KiB), stored as a header and numbered
 * parts. The parts are written first and the header last, so a reader sees either the whole
 * blob or none of it; a crash between the two leaves unreferenced parts that `deleteBlob` removes.
 */

const BlobHeaderSchema = z.object({
  blob: z.literal(1),
  parts: z.number().int().min(0).max(100_000),
  chars: z.number().int().nonnegative(),
});

/** Room left in each part for the JSON quoting of the piece. */
const PART_BYTES = MAX_VALUE_BYTES - 16 * 1024;
const PART_CHARS = 120_000;

export const blobPartKey = (key: string, index: number) => `${key}:part:${index}`;

/** Splits `text` into pieces whose stored JSON form fits one storage value each. */
export function splitForStorage(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let size = Math.min(PART_CHARS, text.length - start);
    let piece = text.slice(start, start + size);
    // Multi-byte characters and escaped quotes make some pieces larger than their length.
    while (Buffer.byteLength(JSON.stringify(piece), 'utf8') > PART_BYTES) {
      size = Math.floor(size / 2);
      piece = text.slice(start, start + size);
    }
    pieces.push(piece);
    start += size;
  }
  return pieces;
}

export async function writeBlob(store: Store, key: string, value: unknown): Promise<{ parts: number }> {
  const text = JSON.stringify(value);
  const pieces = splitForStorage(text);
  await Promise.all(pieces.map((piece, index) => store.set(blobPartKey(key, index), piece)));
  await store.set(key, { blob: 1, parts: pieces.length, chars: text.length });
  return { parts: pieces.length };
}

/** The blob's value, parsed with `schema`; undefined when no blob is stored under `key`. */
export async function readBlob<S extends z.ZodType>(
  store: Store,
  key: string,
  schema: S,
): Promise<z.infer<S> | undefined> {
  const header = await readParsed(store, key, BlobHeaderSchema);
  if (header === undefined) return undefined;
  const pieces = await Promise.all(
    Array.from({ length: header.parts }, (_, index) => store.get(blobPartKey(key, index))),
  );
  if (pieces.some((piece) => typeof piece !== 'string')) {
    throw new StoredDataError(key, 'a part of the value is missing');
  }
  const text = (pieces as string[]).join('');
  if (text.length !== header.chars) throw new StoredDataError(key, 'the parts do not add up');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoredDataError(key, 'the value is not valid JSON');
  }
  return parseStored(key, json, schema);
}

/** Deletes the header first (readers then see no blob), then every part. */
export async function deleteBlob(store: Store, key: string): Promise<void> {
  const header = BlobHeaderSchema.safeParse(await store.get(key));
  await store.delete(key);
  const parts = header.success ? header.data.parts : 0;
  await Promise.all(Array.from({ length: parts }, (_, index) => store.delete(blobPartKey(key, index))));
}
