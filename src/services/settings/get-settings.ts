import type { ResolverOutput } from '../../contracts/resolver-contract';
import { AppError } from '../../domain/errors';
import type { Actor, AppDeps } from '../deps';
import { nameOf, UNKNOWN_USER, userNames } from '../people/user-names';
import { settingsEditorStatus } from './authorize';
import { loadLiveConfig } from './live-config';
import { readLiveState } from './versions';

/** What a caller who may not see the settings is told (it names no group, project or setting). */
export const SETTINGS_NOT_VISIBLE =
  'Only Jira administrators and the PMO group named in the settings can see PMO settings.';

/**
 * The live configuration and what the caller may do with it, for settings editors only (Jira
 * admins and the configured PMO group, checked as the user the same way writes are): it holds
 * override reasons, portfolio definitions and JQL meant for the PMO. The other surfaces never read
 * it whole; their services read the stored configuration and answer only what the viewer needs.
 * Damaged stored settings answer CONFIG_UNREADABLE (to editors); an admin can still restore a version.
 */
export async function getSettings(deps: AppDeps, actor: Actor): Promise<ResolverOutput<'getSettings'>> {
  const state = await readLiveState(deps);
  const status = await settingsEditorStatus(deps, actor, state.config?.access.pmoGroupName ?? null);
  if (!status.canEdit) throw new AppError('FORBIDDEN', SETTINGS_NOT_VISIBLE, { required: 'settings editor' });
  const live = await loadLiveConfig(deps);
  const setters = Object.values(live.config.overrides).map((override) => override.by);
  const names = await userNames(deps, actor.installation, [
    ...setters,
    ...(live.author ? [live.author] : []),
  ]);
  return {
    live: { ...live, authorName: nameOf(names, live.author) },
    names: Object.fromEntries(setters.map((id) => [id, nameOf(names, id) ?? UNKNOWN_USER])),
    canEdit: status.canEdit,
    canEditAccess: status.canEditAccess,
    editReason: status.reason,
  };
}
