import type { ResolverOutput } from '../../contracts/resolver-contract';
import type { AuditEntry, VersionMeta } from '../../contracts/settings';
import type { Actor, AppDeps } from '../deps';
import { nameOf } from '../people/user-names';
import { readAuditPage } from './list-audit-log';
import { DEFAULTS_META } from './versions';

/**
 * Versions newest first (editors only), read from the audit log (one entry per version, so no
 * version document has to be loaded to list them); the last page ends with version 0, the
 * built-in defaults.
 */
export async function listConfigVersions(
  deps: AppDeps,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<ResolverOutput<'listConfigVersions'>> {
  const { live, listing, names } = await readAuditPage(deps, actor, input);
  const versions: VersionMeta[] = listing.entries.map((entry) => ({
    ...metaOfEntry(entry),
    authorName: nameOf(names, entry.actor),
  }));
  if (listing.nextCursor === null) versions.push(DEFAULTS_META);
  return { liveVersion: live.version, versions, nextCursor: listing.nextCursor };
}

function metaOfEntry(entry: AuditEntry): VersionMeta {
  const origin: VersionMeta['origin'] =
    entry.action === 'restore'
      ? { kind: 'restore', restoredFrom: entry.restoredFrom ?? 0 }
      : entry.action === 'override'
        ? { kind: 'override', projectKey: entry.projectKey ?? '' }
        : { kind: entry.action };
  return {
    version: entry.version,
    basedOn: entry.basedOn,
    author: entry.actor,
    savedAt: entry.at,
    comment: entry.comment,
    origin,
  };
}
