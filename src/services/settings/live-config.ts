import { z } from 'zod';
import { defaultPmoConfig, type PmoConfig, PmoConfigSchema } from '../../domain/config/schema';
import { AppError, describeZodIssues } from '../../domain/errors';
import type { Store } from '../../storage/store';

/**
 * Where the versioned configuration lives in app storage. Every save writes a new immutable
 * version document; `config:live` points at the one in force.
 */
export const LIVE_CONFIG_KEY = 'config:live';
/** Zero-padded so that prefix queries list versions in order. */
export const configVersionKey = (version: number) => `config:version:${String(version).padStart(8, '0')}`;
export const CONFIG_VERSION_PREFIX = 'config:version:';

export const LivePointerSchema = z.object({ version: z.number().int().min(1) });

export const ConfigVersionSchema = z.object({
  version: z.number().int().min(1),
  /** The live version this one was based on (0 for the first save over the defaults). */
  basedOn: z.number().int().min(0),
  /** Account id of who saved it. */
  author: z.string().min(1),
  /** ISO timestamp. */
  savedAt: z.string(),
  comment: z.string().max(1000),
  /** How it came to be: a save in the admin page, a restore of an earlier version, or an import. */
  origin: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('save') }),
    z.object({ kind: z.literal('restore'), restoredFrom: z.number().int().min(0) }),
    z.object({ kind: z.literal('import') }),
  ]),
  config: PmoConfigSchema,
});
export type ConfigVersion = z.infer<typeof ConfigVersionSchema>;

/** The configuration in force. Version 0 is the built-in defaults of a site nobody has configured. */
export interface LiveConfig {
  version: number;
  config: PmoConfig;
  savedAt: string | null;
  author: string | null;
}

export const DEFAULT_LIVE_CONFIG: LiveConfig = {
  version: 0,
  config: defaultPmoConfig,
  savedAt: null,
  author: null,
};

/**
 * Reads the live configuration. Stored data that does not parse is never replaced by defaults in
 * silence: it raises CONFIG_UNREADABLE, which the panel shows and the validator handles per
 * standard (fail open by default).
 */
export async function loadLiveConfig(store: Store): Promise<LiveConfig> {
  const rawPointer = await store.get(LIVE_CONFIG_KEY);
  if (rawPointer === undefined) return DEFAULT_LIVE_CONFIG;
  const pointer = LivePointerSchema.safeParse(rawPointer);
  if (!pointer.success) {
    throw new AppError('CONFIG_UNREADABLE', 'The pointer to the live PMO settings is damaged', {
      key: LIVE_CONFIG_KEY,
      issues: describeZodIssues(pointer.error),
    });
  }
  const key = configVersionKey(pointer.data.version);
  const raw = await store.get(key);
  if (raw === undefined) {
    throw new AppError(
      'CONFIG_UNREADABLE',
      `The live PMO settings (version ${pointer.data.version}) are missing`,
      {
        key,
      },
    );
  }
  const parsed = ConfigVersionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'CONFIG_UNREADABLE',
      `The live PMO settings (version ${pointer.data.version}) do not match the expected shape; an admin can restore an earlier version`,
      { key, issues: describeZodIssues(parsed.error).slice(0, 20) },
    );
  }
  const { version, config, savedAt, author } = parsed.data;
  return { version, config, savedAt, author };
}
