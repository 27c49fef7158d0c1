import type { VersionMeta } from '../../contracts/settings';
import { defaultPmoConfig, type PmoConfig } from '../../domain/config/schema';
import { AppError } from '../../domain/errors';
import type { Store } from '../../storage/store';
import { readConfigVersion } from './live-config';
import { DEFAULTS_META, metaOf } from './versions';

export interface VersionRecord {
  meta: VersionMeta;
  config: PmoConfig;
}

/** One version with its metadata (0: the built-in defaults); NOT_FOUND when there is no such version. */
export async function readVersionRecord(store: Store, version: number): Promise<VersionRecord> {
  if (version === 0) return { meta: DEFAULTS_META, config: defaultPmoConfig };
  const stored = await readConfigVersion(store, version);
  if (!stored) throw new AppError('NOT_FOUND', `There is no settings version ${version}`);
  return { meta: metaOf(stored), config: stored.config };
}
