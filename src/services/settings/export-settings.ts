import type { ResolverOutput } from '../../contracts/resolver-contract';
import { AppError } from '../../domain/errors';
import type { Actor, AppDeps } from '../deps';
import { exportDocument } from './import-format';
import { authorizeEditor } from './versions';

/** The live configuration as a JSON file (editors only). */
export async function exportSettings(deps: AppDeps, actor: Actor): Promise<ResolverOutput<'exportSettings'>> {
  const { live } = await authorizeEditor(deps, actor);
  if (live.config === null) {
    throw new AppError(
      'CONFIG_UNREADABLE',
      `The live settings (version ${live.version}) cannot be read; restore a version first`,
    );
  }
  const now = deps.now();
  return {
    fileName: `pmo-settings-v${live.version}-${now.toISOString().slice(0, 10)}.json`,
    json: exportDocument(live.config, live.version, live.savedAt, now),
    version: live.version,
  };
}
