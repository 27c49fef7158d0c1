import { AppError } from '../../domain/errors';
import { type SavedView, sameViewName } from '../../domain/saved-views/saved-view';
import type { Actor, AppDeps } from '../deps';
import { duplicateName } from './save-view';
import { readSavedView, readSavedViews, savedViewKey } from './saved-view-store';

export function viewNotFound(): AppError {
  return new AppError('NOT_FOUND', 'That saved view does not exist (any more). Reload the list of views.');
}

/** Renames one of the caller's views; another person's id is simply not found. */
export async function renameSavedView(
  deps: AppDeps,
  actor: Actor,
  input: { id: string; name: string },
): Promise<SavedView> {
  const view = await readSavedView(deps.store, actor, input.id);
  if (!view) throw viewNotFound();
  const others = (await readSavedViews(deps.store, actor)).filter((other) => other.id !== view.id);
  if (others.some((other) => sameViewName(other.name, input.name))) throw duplicateName(input.name);
  const renamed: SavedView = { ...view, name: input.name, updatedAt: deps.now().toISOString() };
  await deps.store.set(savedViewKey(actor, view.id), renamed);
  return renamed;
}
