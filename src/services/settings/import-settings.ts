import type { ResolverOutput, ResolverPayload } from '../../contracts/resolver-contract';
import type { Actor, AppDeps } from '../deps';
import { throwIfErrors } from './candidate';
import { parseImport } from './import-format';
import { authorizeEditor, commitVersion } from './versions';

/** Applies an import as one new version, or changes nothing. */
export async function importSettings(
  deps: AppDeps,
  actor: Actor,
  input: ResolverPayload<'importSettings'>,
): Promise<ResolverOutput<'importSettings'>> {
  const context = await authorizeEditor(deps, actor);
  const parsed = parseImport(input.json);
  throwIfErrors(parsed.problems, 'The file cannot be imported');
  if (parsed.config === null) throw new Error('unreachable: an import without problems has a config');
  return commitVersion(deps, actor, context, {
    baseVersion: input.baseVersion,
    config: parsed.config,
    comment: input.comment || 'Imported settings',
    origin: { kind: 'import' },
  });
}
