import { z } from 'zod';

/**
 * A saved view: a name a person gave to one portfolio view's filters and sorting (the query string the
 * view keeps in its URL), kept per person. Limits keep one person's views small enough for one storage
 * page and a menu.
 */

export const MAX_VIEW_NAME_LENGTH = 60;
export const MAX_SAVED_VIEWS = 30;
export const MAX_VIEW_QUERY_LENGTH = 1000;

/** The portfolio views that have filters or sorting (the global page's sub-pages). */
export const SavedViewRoute = z.enum([
  'overview',
  'trends',
  'dependencies',
  'raid',
  'compliance',
  'gates',
  'status',
  'prioritise',
]);
export type SavedViewRoute = z.infer<typeof SavedViewRoute>;

export const SavedViewName = z
  .string()
  .trim()
  .min(1, 'Give the view a name')
  .max(MAX_VIEW_NAME_LENGTH, `A view's name has at most ${MAX_VIEW_NAME_LENGTH} characters`)
  // Control characters would be invisible in the menu.
  .regex(/^[^\p{Cc}]*$/u, 'A view name cannot contain control characters');

/** A URL query string: empty, or `?` and then no spaces, no fragment. */
export const SavedViewQuery = z
  .string()
  .max(MAX_VIEW_QUERY_LENGTH, `A view's filters take at most ${MAX_VIEW_QUERY_LENGTH} characters`)
  .regex(/^(\?[^#\s]*)?$/, 'A view query is a URL query string (starting with ?)');

export const SavedViewId = z.string().regex(/^[a-z0-9-]{8,40}$/, 'Not a saved view id');

export const SavedViewSchema = z
  .object({
    id: SavedViewId,
    name: SavedViewName,
    route: SavedViewRoute,
    query: SavedViewQuery,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type SavedView = z.infer<typeof SavedViewSchema>;

/** Names compare without case or surrounding space: "Late" and " late" are the same view name. */
export function sameViewName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}
