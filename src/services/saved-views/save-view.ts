import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import {
  MAX_SAVED_VIEWS,
  type SavedView,
  type SavedViewRoute,
  sameViewName,
} from '../../domain/saved-views/saved-view';
import type { Actor, AppDeps } from '../deps';
import { readSavedViews, savedViewKey } from './saved-view-store';

export function duplicateName(name: string): AppError {
  return new AppError('CONFLICT', `You already have a view named “${name}”. Choose another name.`, {
    reason: 'duplicate-name',
  });
}

/** Saves the caller's view of `route` under a new name (names are unique per person, any case). */
export async function saveView(
  deps: AppDeps,
  actor: Actor,
  input: { route: SavedViewRoute; name: string; query: string },
): Promise<SavedView> {
  const views = await readSavedViews(deps.store, actor);
  if (views.length >= MAX_SAVED_VIEWS) {
    throw new AppError(
      'CONFLICT',
      `You have ${views.length} saved views, the most one person can keep. Delete one to save another.`,
      { reason: 'limit', limit: MAX_SAVED_VIEWS },
    );
  }
  if (views.some((view) => sameViewName(view.name, input.name))) throw duplicateName(input.name);
  const at = deps.now().toISOString();
  const view: SavedView = {
    id: randomUUID(),
    name: input.name,
    route: input.route,
    query: input.query,
    createdAt: at,
    updatedAt: at,
  };
  // Create-only: a fresh id never overwrites anything.
  await deps.store.setIfAbsent(savedViewKey(actor, view.id), view);
  return view;
}
