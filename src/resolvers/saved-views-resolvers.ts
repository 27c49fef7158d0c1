import type { AppDeps } from '../services/deps';
import { deleteSavedView } from '../services/saved-views/delete-saved-view';
import { listSavedViews } from '../services/saved-views/list-saved-views';
import { renameSavedView } from '../services/saved-views/rename-saved-view';
import { saveView } from '../services/saved-views/save-view';
import { resolverDefiner } from './define';

/** Saved views of the portfolio pages: always the caller's own (identity from the context). */
export function createSavedViewsResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    listSavedViews: defineResolver('listSavedViews', (_input, actor) => listSavedViews(deps, actor)),
    saveView: defineResolver('saveView', (input, actor) => saveView(deps, actor, input)),
    renameSavedView: defineResolver('renameSavedView', (input, actor) => renameSavedView(deps, actor, input)),
    deleteSavedView: defineResolver('deleteSavedView', (input, actor) =>
      deleteSavedView(deps, actor, input.id),
    ),
  };
}
