import { MAX_SAVED_VIEWS, type SavedView, SavedViewSchema } from '../../domain/saved-views/saved-view';
import { queryAll, readParsed, type Store } from '../../storage/store';
import type { Actor } from '../deps';

/**
 * One record per saved view under the owner's account (`savedview:<account>:<id>`; storage is per site
 * on Forge), so a person's list is one prefix scan and nobody's key can name another person's view.
 */

/** Account ids are `[A-Za-z0-9:-]`; anything else is escaped so the key stays one Forge accepts. */
function accountPart(accountId: string): string {
  return accountId.replace(/[^A-Za-z0-9:-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
}

function prefixOf(actor: Actor): string {
  return `savedview:${accountPart(actor.accountId)}:`;
}

export function savedViewKey(actor: Actor, id: string): string {
  return `${prefixOf(actor)}${id}`;
}

/** The actor's views, by route then name (at most a few more than the limit: reads are cheap). */
export async function readSavedViews(store: Store, actor: Actor): Promise<SavedView[]> {
  const views: SavedView[] = [];
  for await (const { value } of queryAll(store, prefixOf(actor))) {
    const parsed = SavedViewSchema.safeParse(value);
    // A record that does not parse is skipped, not shown: it holds nothing but a name and a query.
    if (parsed.success) views.push(parsed.data);
    if (views.length > MAX_SAVED_VIEWS * 2) break;
  }
  return views.sort(
    (a, b) => a.route.localeCompare(b.route) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  );
}

export function readSavedView(store: Store, actor: Actor, id: string): Promise<SavedView | undefined> {
  return readParsed(store, savedViewKey(actor, id), SavedViewSchema);
}
