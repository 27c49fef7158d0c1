import { categoryChoices, issueTypeChoices, projectChoices, type SiteCatalog } from '../catalog';
import type { Choice } from './choices';
import { TagPicker } from './TagPicker';

/** The lists that narrow which issues a setting covers, each picked from the site's catalog. */
const SCOPE_LISTS = {
  projectKeys: { label: 'Projects', choices: projectChoices },
  categoryIds: { label: 'Project categories', choices: categoryChoices },
  issueTypes: { label: 'Issue types', choices: issueTypeChoices },
} satisfies Record<string, { label: string; choices: (catalog: SiteCatalog) => Choice[] }>;

export type ScopeList = keyof typeof SCOPE_LISTS;

/** One picker: its list, what an empty list means there, and the end of its test id. */
export type ScopePicker<K extends ScopeList> = { list: K; emptyText: string; testSuffix: string };

/** A tag picker per scope list, in the order given (a standard's scope, scoring's candidates). */
export function ScopePickers<K extends ScopeList>({
  pickers,
  values,
  onChange,
  problemsOf,
  catalog,
  testId,
  readOnly = false,
}: {
  pickers: readonly ScopePicker<K>[];
  values: Partial<Record<K, readonly string[]>>;
  onChange: (list: K, values: string[]) => void;
  problemsOf: (list: K) => readonly string[];
  catalog: SiteCatalog;
  testId: string;
  readOnly?: boolean;
}) {
  return (
    <>
      {pickers.map(({ list, emptyText, testSuffix }) => (
        <TagPicker
          key={list}
          label={SCOPE_LISTS[list].label}
          values={values[list] ?? []}
          options={SCOPE_LISTS[list].choices(catalog)}
          onChange={(picked) => onChange(list, picked)}
          problems={problemsOf(list)}
          emptyText={emptyText}
          testId={`${testId}-${testSuffix}`}
          readOnly={readOnly}
        />
      ))}
    </>
  );
}
