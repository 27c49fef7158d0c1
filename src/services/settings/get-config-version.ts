import type { ResolverOutput } from '../../contracts/resolver-contract';
import { diffConfigs, diffValues } from '../../domain/config/diff';
import type { Actor, AppDeps } from '../deps';
import { readVersionRecord } from './version-record';
import { authorizeEditor } from './versions';

/** One version and what restoring it would change compared with the live one (editors only). */
export async function getConfigVersion(
  deps: AppDeps,
  actor: Actor,
  version: number,
): Promise<ResolverOutput<'getConfigVersion'>> {
  const { live } = await authorizeEditor(deps, actor);
  const record = await readVersionRecord(deps.store, version);
  return {
    meta: record.meta,
    config: record.config,
    liveVersion: live.version,
    // A damaged live version: everything in this one reads as added.
    diffFromLive: live.config ? diffConfigs(live.config, record.config) : diffValues({}, record.config),
  };
}
