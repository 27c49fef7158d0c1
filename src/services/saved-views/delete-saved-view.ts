import type { Actor, AppDeps } from '../deps';
import { viewNotFound } from './rename-saved-view';
import { readSavedView, savedViewKey } from './saved-view-store';

/** Deletes one of the caller's views. */
export async function deleteSavedView(deps: AppDeps, actor: Actor, id: string): Promise<{ id: string }> {
  if (!(await readSavedView(deps.store, actor, id))) throw viewNotFound();
  await deps.store.delete(savedViewKey(actor, id));
  return { id };
}
