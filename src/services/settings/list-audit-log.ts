import type { ResolverOutput } from '../../contracts/resolver-contract';
import type { Actor, AppDeps } from '../deps';
import { nameOf, UNKNOWN_USER, userNames } from '../people/user-names';
import { listAuditEntries, syncAuditLog } from './audit-log';
import { authorizeEditor } from './versions';

/** The audit log, newest first (editors only). Entries a failed write left out are written first. */
export async function listAuditLog(
  deps: AppDeps,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<ResolverOutput<'listAuditLog'>> {
  const { live } = await authorizeEditor(deps, actor);
  await catchUp(deps, live.version, input.cursor);
  const listing = await listAuditEntries(deps, input);
  const names = await userNames(
    deps,
    actor.installation,
    listing.entries.map((entry) => entry.actor),
  );
  return {
    ...listing,
    entries: listing.entries.map((entry) => ({
      ...entry,
      actorName: nameOf(names, entry.actor) ?? UNKNOWN_USER,
    })),
  };
}

/** On the first page only: later pages hold older entries, which the first call completed. */
export async function catchUp(deps: AppDeps, liveVersion: number, cursor: string | undefined): Promise<void> {
  if (cursor !== undefined) return;
  try {
    await syncAuditLog(deps, liveVersion);
  } catch (error) {
    deps.logger.error('could not bring the audit log up to date', { liveVersion }, error);
  }
}
