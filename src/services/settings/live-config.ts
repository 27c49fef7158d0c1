import { z } from 'zod';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import type { Store } from '../../storage/store';
import { queryAll } from '../../storage/store';
import type { StoreDeps } from '../deps';
import type { Logger } from '../logger';
import { readStoredConfigVersion, type StoredConfigVersion } from './stored-config';

/**
 * Where the versioned configuration lives in app storage. Every save writes a new immutable
 * version document; `config:live` points at the one in force.
 */
export const LIVE_CONFIG_KEY = 'config:live';
/** Zero-padded so that prefix queries list versions in order. */
export const configVersionKey = (version: number) => `config:version:${String(version).padStart(8, '0')}`;
export const CONFIG_VERSION_PREFIX = 'config:version:';

export const LivePointerSchema = z.object({ version: z.number().int().min(1) });

/** One configuration version; stored in its own versioned format (stored-config.ts). */
export type ConfigVersion = StoredConfigVersion;

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
export async function loadLiveConfig(deps: StoreDeps): Promise<LiveConfig> {
  const { version, raw } = await findLiveVersion(deps);
  if (version === 0) return DEFAULT_LIVE_CONFIG;
  const key = configVersionKey(version);
  if (raw === undefined) {
    throw new AppError('CONFIG_UNREADABLE', `The live PMO settings (version ${version}) are missing`, {
      key,
    });
  }
  const parsed = readStoredConfigVersion(raw);
  if (!parsed.success) {
    throw new AppError(
      'CONFIG_UNREADABLE',
      `The live PMO settings (version ${version}) do not match the expected shape; an admin can restore an earlier version`,
      { key, issues: parsed.issues.slice(0, 20) },
    );
  }
  const { config, savedAt, author } = parsed.data;
  return { version, config, savedAt, author };
}

/**
 * How a save becomes live, and why a failure half-way leaves storage consistent:
 *
 * 1. The new version document is written with `setIfAbsent(config:version:<base+1>)`. This is the
 *    commit point: of two racing saves on the same base exactly one succeeds; the other gets
 *    CONFLICT and writes nothing.
 * 2. The `config:live` pointer is moved to the new version. It is only a hint: versions only ever
 *    grow (a restore is a new version), so the live version is the highest version document. Readers
 *    start at the pointer and roll forward over any version written after it, so a save whose
 *    pointer write failed (or has not happened yet) is still live for every reader, and a damaged
 *    pointer is recovered by scanning the version keys.
 * 3. The audit log is brought up to date from the version documents (see audit-log.ts); an entry
 *    missed by a failure is written by the next change or listing.
 */
export async function findLiveVersion({
  store,
  logger,
}: StoreDeps): Promise<{ version: number; raw: unknown | undefined }> {
  const start = await readPointer(store, logger);
  let version = start;
  let [raw, next] = await Promise.all([
    version > 0 ? store.get(configVersionKey(version)) : Promise.resolve(undefined),
    store.get(configVersionKey(version + 1)),
  ]);
  for (let step = 0; next !== undefined && step < MAX_ROLL_FORWARD; step++) {
    version++;
    raw = next;
    next = await store.get(configVersionKey(version + 1));
  }
  return { version, raw };
}

const MAX_ROLL_FORWARD = 1000;

async function readPointer(store: Store, logger: Logger): Promise<number> {
  const raw = await store.get(LIVE_CONFIG_KEY);
  if (raw === undefined) return 0;
  const pointer = LivePointerSchema.safeParse(raw);
  if (pointer.success) return pointer.data.version;
  logger.warn('the live settings pointer is damaged; finding the last version by its keys', {
    key: LIVE_CONFIG_KEY,
  });
  return lastVersionByScan(store);
}

async function lastVersionByScan(store: Store): Promise<number> {
  let last = 0;
  for await (const { key } of queryAll(store, CONFIG_VERSION_PREFIX)) {
    const version = Number(key.slice(CONFIG_VERSION_PREFIX.length));
    if (Number.isInteger(version) && version > last) last = version;
  }
  return last;
}

/**
 * One stored version (1 and up), parsed; undefined when it does not exist. A stored version that
 * does not parse raises CONFIG_UNREADABLE naming it.
 */
export async function readConfigVersion(store: Store, version: number): Promise<ConfigVersion | undefined> {
  const key = configVersionKey(version);
  const raw = await store.get(key);
  if (raw === undefined) return undefined;
  const parsed = readStoredConfigVersion(raw);
  if (!parsed.success) {
    throw new AppError('CONFIG_UNREADABLE', `Settings version ${version} does not match the expected shape`, {
      key,
      issues: parsed.issues.slice(0, 20),
    });
  }
  return parsed.data;
}
