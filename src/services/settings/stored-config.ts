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
  const config = PmoConfigSchema.safeParse(withPercentThresholdsInRange(envelope.data.config));
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

/** Percentage indicators whose thresholds were stored before they were limited to 0..100. */
const PERCENT_HIGHER_IS_WORSE = ['schedule', 'blocked', 'staleness'] as const;

/**
 * Versions saved before percentage thresholds were limited to 100 may hold larger ones (which
 * never fired: no share exceeds 100%); they are read as 100 so the version stays readable.
 */
function withPercentThresholdsInRange(config: unknown): unknown {
  if (!isRecord(config) || !isRecord(config.engine) || !isRecord(config.engine.health)) return config;
  const health: Record<string, unknown> = { ...config.engine.health };
  for (const indicator of PERCENT_HIGHER_IS_WORSE) {
    const thresholds = health[indicator];
    if (!isRecord(thresholds)) continue;
    const clamped: Record<string, unknown> = { ...thresholds };
    for (const level of ['amber', 'red']) {
      const value = clamped[level];
      if (typeof value === 'number' && value > 100) clamped[level] = 100;
    }
    health[indicator] = clamped;
  }
  return { ...config, engine: { ...config.engine, health } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
