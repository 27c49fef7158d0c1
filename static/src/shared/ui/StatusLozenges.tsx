import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { StatusCategoryCounts } from '@domain/model';
import { formatCount } from '../lib/format';

export type StatusCategory = keyof StatusCategoryCounts;

/** Jira's own colours for status categories: To Do grey, In progress blue, Done green. */
export const CATEGORY_APPEARANCE: Record<StatusCategory, ThemeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

export const CATEGORY_LABEL: Record<StatusCategory, string> = {
  new: 'To Do',
  indeterminate: 'In progress',
  done: 'Done',
};

/** One status-category count as a lozenge; a null count is an em dash. */
export function CountLozenge({ category, value }: { category: StatusCategory; value: number | null }) {
  if (value === null) return <span className="pmo-subtle">—</span>;
  return <Lozenge appearance={CATEGORY_APPEARANCE[category]}>{formatCount(value)}</Lozenge>;
}

/** An issue status, coloured by its category. */
export function StatusLozenge({ name, category }: { name: string; category: StatusCategory }) {
  return <Lozenge appearance={CATEGORY_APPEARANCE[category]}>{name}</Lozenge>;
}
