import { z } from 'zod';
import type { ConfigOrigin } from '../../domain/config/origin';
import { type PmoConfig, PmoConfigSchema } from '../../domain/config/schema';

/**
 * How configuration versions are stored (`config:version:<n>`), independent of the API: the
 * envelope (who, when, how, comment) has its own schemas here, one per stored format ever written,
 * each migrated to the current one on read; writers write only the current format.
 *
 * - format 0: the envelope without a marker, written before stored formats were versioned;
 * - format 1: the same fields with `formatVersion: 1`.
 *
 * The configuration inside is the domain's `PmoConfigSchema`, which carries its own `schemaVersion`
 * (1 today): a change to it that old documents would not pass needs a new `schemaVersion` and a
 * migration from the previous one here, before `PmoConfigSchema` parses it.
 */

export const CONFIG_VERSION_FORMAT = 1;

/** How a version came to be, as stored (a frozen copy: the domain's origin type may grow). */
const StoredOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('save') }),
  z.object({ kind: z.literal('restore'), restoredFrom: z.number().int().min(0) }),
  z.object({ kind: z.literal('import') }),
  z.object({ kind: z.literal('override'), projectKey: z.string().min(1) }),
]);

const EnvelopeV0Schema = z.object({
  version: z.number().int().min(1),
  basedOn: z.number().int().min(0),
  author: z.string().min(1),
  savedAt: z.string(),
  comment: z.string().max(1000),
  origin: StoredOriginSchema,
  config: z.unknown(),
});

const EnvelopeV1Schema = EnvelopeV0Schema.extend({ formatVersion: z.literal(CONFIG_VERSION_FORMAT) });

/** A configuration version as the services use it. */
export interface StoredConfigVersion {
  version: number;
  basedOn: number;
  author: string;
  savedAt: string;
  comment: string;
  origin: ConfigOrigin;
  config: PmoConfig;
}

export type StoredReadResult =
  | { success: true; data: StoredConfigVersion }
  | { success: false; issues: { path: string; message: string }[] };

/** Reads a stored version of any known format; the problems, with paths, when it matches none. */
export function readStoredConfigVersion(raw: unknown): StoredReadResult {
  const hasMarker = typeof raw === 'object' && raw !== null && 'formatVersion' in raw;
  const envelope = hasMarker ? EnvelopeV1Schema.safeParse(raw) : EnvelopeV0Schema.safeParse(raw);
  if (!envelope.success) return { success: false, issues: issuesOf(envelope.error) };
  const config = PmoConfigSchema.safeParse(envelope.data.config);
  if (!config.success) return { success: false, issues: issuesOf(config.error, 'config') };
  const { version, basedOn, author, savedAt, comment, origin } = envelope.data;
  return { success: true, data: { version, basedOn, author, savedAt, comment, origin, config: config.data } };
}

/** The document a writer stores for `version` (always the current format). */
export function storedConfigDocument(version: StoredConfigVersion): z.infer<typeof EnvelopeV1Schema> {
  return EnvelopeV1Schema.parse({ formatVersion: CONFIG_VERSION_FORMAT, ...version });
}

function issuesOf(error: z.ZodError, prefix?: string): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    return { path: path.length === 0 ? '(root)' : path.join('.'), message: issue.message };
  });
}
