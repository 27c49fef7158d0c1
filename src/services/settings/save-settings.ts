import type { ResolverOutput, ResolverPayload } from '../../contracts/resolver-contract';
import type { Actor, AppDeps } from '../deps';
import { authorizeEditor, commitVersion } from './versions';

/** Saves an edited configuration as a new version (see `commitVersion` for every refusal). */
export async function saveSettings(
  deps: AppDeps,
  actor: Actor,
  input: ResolverPayload<'saveSettings'>,
): Promise<ResolverOutput<'saveSettings'>> {
  const context = await authorizeEditor(deps, actor);
  return commitVersion(deps, actor, context, { ...input, origin: { kind: 'save' } });
}
