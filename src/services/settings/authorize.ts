import { AppError } from '../../domain/errors';
import type { Actor, AppDeps } from '../deps';

/**
 * Who may change PMO settings: Jira admins (global ADMINISTER), and, when an admin has named one in
 * `access.pmoGroupName`, members of that Jira group. Checked on the server, as the acting user, on
 * every write; nothing the client sends can claim it.
 *
 * Jira's answers are cached per installation and account for {@link EDITOR_CACHE_TTL_MS} so that
 * an editing session does not ask Jira on every keystroke-driven call; a revoked admin keeps access
 * at most that long. Failures (Jira unreachable) are not cached. The cache lives in module memory,
 * which Forge shares between the customer sites a warm process serves: keyed by account alone, an
 * admin of one site would be an admin on every site where the same account id calls.
 */

export const EDITOR_CACHE_TTL_MS = 60_000;
const MAX_CACHED_ACCOUNTS = 1000;

export interface EditorStatus {
  /** May change settings. */
  canEdit: boolean;
  /** May change `access` (who else may edit): Jira admins only. */
  canEditAccess: boolean;
  via: 'admin' | 'pmoGroup' | null;
  /** Why not, when `canEdit` is false. */
  reason: string | null;
}

interface CachedAnswer {
  admin: boolean;
  /** Group names, read only when a PMO group is configured and the user is not an admin. */
  groups?: string[];
  expiresAt: number;
}

/** Keyed by {@link cacheKey}: installation and account, never the account alone. */
const cache = new Map<string, CachedAnswer>();

function cacheKey(actor: Actor): string {
  return JSON.stringify([actor.installation, actor.accountId]);
}

/** Forgets every cached answer (tests; and after a change a user expects to see at once). */
export function clearSettingsEditorCache(): void {
  cache.clear();
}

/**
 * Whether `actor` may edit settings, given the live configuration's PMO group (null: admins only).
 * Never throws for "no"; Jira failures propagate as typed errors.
 */
export async function settingsEditorStatus(
  deps: AppDeps,
  actor: Actor,
  pmoGroupName: string | null,
): Promise<EditorStatus> {
  const now = deps.now().getTime();
  const key = cacheKey(actor);
  let entry = cache.get(key);
  if (!entry || entry.expiresAt <= now) {
    const permissions = await deps.jira.asUser(actor.accountId).myPermissions(['ADMINISTER']);
    entry = { admin: permissions.ADMINISTER === true, expiresAt: now + EDITOR_CACHE_TTL_MS };
    remember(key, entry, now);
  }
  if (entry.admin) return { canEdit: true, canEditAccess: true, via: 'admin', reason: null };
  if (pmoGroupName === null) {
    return {
      canEdit: false,
      canEditAccess: false,
      via: null,
      reason: 'Only Jira administrators can change PMO settings.',
    };
  }
  if (entry.groups === undefined) {
    entry.groups = await deps.jira.asUser(actor.accountId).myGroups();
  }
  const wanted = pmoGroupName.toLowerCase();
  if (entry.groups.some((group) => group.toLowerCase() === wanted)) {
    return { canEdit: true, canEditAccess: false, via: 'pmoGroup', reason: null };
  }
  return {
    canEdit: false,
    canEditAccess: false,
    via: null,
    reason: `Only Jira administrators and members of the group "${pmoGroupName}" can change PMO settings.`,
  };
}

/** Throws FORBIDDEN unless `actor` may edit settings; answers how they may. */
export async function requireSettingsEditor(
  deps: AppDeps,
  actor: Actor,
  pmoGroupName: string | null,
): Promise<EditorStatus> {
  const status = await settingsEditorStatus(deps, actor, pmoGroupName);
  if (!status.canEdit) {
    throw new AppError('FORBIDDEN', status.reason ?? 'You may not change PMO settings.', {
      required: pmoGroupName === null ? 'ADMINISTER' : `ADMINISTER or group ${pmoGroupName}`,
    });
  }
  return status;
}

function remember(key: string, entry: CachedAnswer, now: number): void {
  if (cache.size >= MAX_CACHED_ACCOUNTS && !cache.has(key)) {
    for (const [key, cached] of cache) {
      if (cached.expiresAt <= now) cache.delete(key);
    }
    // Still full: drop the oldest insertion.
    if (cache.size >= MAX_CACHED_ACCOUNTS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(key, entry);
}
