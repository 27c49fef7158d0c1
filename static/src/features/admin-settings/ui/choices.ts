/** One entry of a list to choose from (a project, a status, a stage...). */
export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

/**
 * The choice for `value`, or one marked "not on this site" when Jira's list lacks it (an imported
 * configuration, a deleted status); with no list at all (Jira did not answer) nothing is marked.
 */
export function choiceFor<V extends string>(value: V, options: readonly Choice<V>[]): Choice<V> {
  const known = options.find((option) => option.value === value);
  if (known) return known;
  return { value, label: options.length > 0 ? `${value} (not on this site)` : value };
}
