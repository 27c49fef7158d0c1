import type { SavedViewList } from '../../contracts/saved-views';
import { MAX_SAVED_VIEWS, MAX_VIEW_NAME_LENGTH } from '../../domain/saved-views/saved-view';
import type { Actor, AppDeps } from '../deps';
import { readSavedViews } from './saved-view-store';

/** The caller's saved views, and the limits the form shows. */
export async function listSavedViews(deps: AppDeps, actor: Actor): Promise<SavedViewList> {
  return {
    views: await readSavedViews(deps.store, actor),
    limits: { maxViews: MAX_SAVED_VIEWS, maxNameLength: MAX_VIEW_NAME_LENGTH },
  };
}
