import { z } from 'zod';
import {
  SavedViewId,
  SavedViewName,
  SavedViewQuery,
  SavedViewRoute,
  SavedViewSchema,
} from '../domain/saved-views/saved-view';

export const SavedViewListSchema = z.object({
  /** The caller's views, by route then name. */
  views: z.array(SavedViewSchema),
  limits: z.object({ maxViews: z.number().int(), maxNameLength: z.number().int() }),
});
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

/** Named views of the portfolio pages, per user: only ever the caller's own. */
export const savedViewsContract = {
  listSavedViews: { input: z.object({}).strict(), output: SavedViewListSchema },
  saveView: {
    input: z.object({ route: SavedViewRoute, name: SavedViewName, query: SavedViewQuery }).strict(),
    output: SavedViewSchema,
  },
  renameSavedView: {
    input: z.object({ id: SavedViewId, name: SavedViewName }).strict(),
    output: SavedViewSchema,
  },
  deleteSavedView: {
    input: z.object({ id: SavedViewId }).strict(),
    output: z.object({ id: SavedViewId }),
  },
} as const;
