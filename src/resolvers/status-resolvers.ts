import type { AppDeps } from '../services/deps';
import { getStatusBoard } from '../services/status/get-status-board';
import { getStatusUpdate } from '../services/status/get-status-update';
import { publishStatusUpdate } from '../services/status/publish-status-update';
import { saveStatusDraft } from '../services/status/save-status-draft';
import { resolverDefiner } from './define';

/** Status updates and the PMO status board (who may write is checked in the services, as the user). */
export function createStatusResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getStatusBoard: defineResolver('getStatusBoard', (input, actor) => getStatusBoard(deps, actor, input)),
    getStatusUpdate: defineResolver('getStatusUpdate', (input, actor) => getStatusUpdate(deps, actor, input)),
    saveStatusDraft: defineResolver('saveStatusDraft', (input, actor) => saveStatusDraft(deps, actor, input)),
    publishStatusUpdate: defineResolver('publishStatusUpdate', (input, actor) =>
      publishStatusUpdate(deps, actor, input),
    ),
  };
}
