import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';

/**
 * A JSON value stored deflated (Node's zlib, available on Forge's Node runtime) and base64-encoded:
 * for records whose text repeats itself (a project's month of history), which deflate shrinks to a
 * fraction. `packed: 1` tells a packed value from the plain JSON values stored before it.
 */
export const PackedSchema = z.object({ packed: z.literal(1), deflated: z.string() });
export type Packed = z.infer<typeof PackedSchema>;

export function pack(value: unknown): Packed {
  return { packed: 1, deflated: deflateRawSync(JSON.stringify(value)).toString('base64') };
}

/** The JSON value inside a packed value; a value that is not packed is returned as it is. */
export function unpack(stored: unknown): unknown {
  const packed = PackedSchema.safeParse(stored);
  if (!packed.success) return stored;
  return JSON.parse(inflateRawSync(Buffer.from(packed.data.deflated, 'base64')).toString('utf8')) as unknown;
}
