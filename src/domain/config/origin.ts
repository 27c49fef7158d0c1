import { z } from 'zod';

/** How a configuration version came to be. */
export const ConfigOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('save') }),
  z.object({ kind: z.literal('restore'), restoredFrom: z.number().int().min(0) }),
  z.object({ kind: z.literal('import') }),
  z.object({ kind: z.literal('override'), projectKey: z.string().min(1) }),
]);
export type ConfigOrigin = z.infer<typeof ConfigOriginSchema>;
