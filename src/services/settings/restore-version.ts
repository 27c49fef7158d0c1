import type { ResolverOutput, ResolverPayload } from '../../contracts/resolver-contract';
import { AppError } from '../../domain/errors';
import type { Actor, AppDeps } from '../deps';
import { readVersionRecord } from './version-record';
import { assertBase, authorizeEditor, commitVersion } from './versions';

/** Makes an earlier version (0: the built-in defaults) live again, as a new version. */
export async function restoreConfigVersion(
  deps: AppDeps,
  actor: Actor,
  input: ResolverPayload<'restoreConfigVersion'>,
): Promise<ResolverOutput<'restoreConfigVersion'>> {
  const context = await authorizeEditor(deps, actor);
  assertBase(context.live.version, input.baseVersion);
  if (input.version === context.live.version) {
    throw new AppError('BAD_REQUEST', `Version ${input.version} is already the live version`);
  }
  const record = await readVersionRecord(deps.store, input.version);
  const restoredName = input.version === 0 ? 'the built-in defaults' : `version ${input.version}`;
  return commitVersion(deps, actor, context, {
    baseVersion: input.baseVersion,
    config: record.config,
    comment: input.comment || `Restored ${restoredName}`,
    origin: { kind: 'restore', restoredFrom: input.version },
  });
}
