import type { PmoConfig } from '../../domain/config/schema';
import type { Actor, AppDeps } from '../deps';
import { authorizeEditor, commitVersion } from './versions';

/** Saves an edited configuration as a new version (see `commitVersion` for every refusal). */
export async function saveSettings(
  deps: AppDeps,
  actor: Actor,
  input: { baseVersion: number; config: PmoConfig; comment: string },
): Promise<{ version: number }> {
  const context = await authorizeEditor(deps, actor);
  return commitVersion(deps, actor, context, {
    baseVersion: input.baseVersion,
    config: input.config,
    comment: input.comment,
    origin: { kind: 'save' },
  });
}
