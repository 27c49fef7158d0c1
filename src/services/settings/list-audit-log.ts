import type { ResolverOutput } from '../../contracts/resolver-contract';
import type { Actor, AppDeps } from '../deps';
import { nameOf, UNKNOWN_USER, userNames } from '../people/user-names';
import { type AuditListing, listAuditEntries, syncAuditLog } from './audit-log';
import { authorizeEditor, type LiveState } from './versions';

/** The audit log, newest first (editors only). Entries a failed write left out are written first. */
export async function listAuditLog(
  deps: AppDeps,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<ResolverOutput<'listAuditLog'>> {
  const { listing, names } = await readAuditPage(deps, actor, input);
  return {
    ...listing,
    entries: listing.entries.map((entry) => ({
      ...entry,
      actorName: nameOf(names, entry.actor) ?? UNKNOWN_USER,
    })),
  };
}

/**
 * One page of the audit log for an editor (the audit log and the version list read the same
 * pages), with the names Jira gives the entries' authors. The first page is brought up to date first.
 */
export async function readAuditPage(
  deps: AppDeps,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ live: LiveState; listing: AuditListing; names: Map<string, string> }> {
  const { live } = await authorizeEditor(deps, actor);
  await catchUp(deps, live.version, input.cursor);
  const listing = await listAuditEntries(deps, input);
  const names = await userNames(
    deps,
    actor.installation,
    listing.entries.map((entry) => entry.actor),
  );
  return { live, listing, names };
}

/** On the first page only: later pages hold older entries, which the first call completed. */
async function catchUp(deps: AppDeps, liveVersion: number, cursor: string | undefined): Promise<void> {
  if (cursor !== undefined) return;
  try {
    await syncAuditLog(deps, liveVersion);
  } catch (error) {
    deps.logger.error('could not bring the audit log up to date', { liveVersion }, error);
  }
}
