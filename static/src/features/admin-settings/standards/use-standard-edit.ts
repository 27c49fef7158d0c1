import type { Standard } from '@domain/standards/schema';
import type { Recipe } from '../editor-props';
import { replaceAt } from './rule-templates';

export type StandardRecipe = (standard: Standard) => Standard;

/** Edits of the standard at `index` of the draft, and of its scope lists (an empty list means "all"). */
export function useStandardEdit(index: number, update: (recipe: Recipe) => void) {
  const setStandard = (recipe: StandardRecipe) =>
    update((draft) => {
      const current = draft.standards[index];
      return current ? { ...draft, standards: replaceAt(draft.standards, index, recipe(current)) } : draft;
    });
  const setScope = (key: keyof Standard['scope'], values: string[]) =>
    setStandard((current) => ({
      ...current,
      scope: { ...current.scope, [key]: values.length > 0 ? values : undefined },
    }));
  return { setStandard, setScope };
}
