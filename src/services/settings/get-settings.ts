import type { ResolverOutput } from '../../contracts/resolver-contract';
import type { Actor, AppDeps } from '../deps';
import { settingsEditorStatus } from './authorize';
import { loadLiveConfig } from './live-config';

/**
 * The live configuration, readable by every signed-in user (the issue panel and the portfolio page
 * need it), and whether the caller may edit it. Damaged stored settings answer CONFIG_UNREADABLE;
 * an editor can still list versions and restore one.
 */
export async function getSettings(deps: AppDeps, actor: Actor): Promise<ResolverOutput<'getSettings'>> {
  const live = await loadLiveConfig(deps.store);
  const status = await settingsEditorStatus(deps, actor, live.config.access.pmoGroupName);
  return {
    live,
    canEdit: status.canEdit,
    canEditAccess: status.canEditAccess,
    editReason: status.reason,
  };
}
