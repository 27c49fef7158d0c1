/**
 * Sorting that matches @atlaskit/dynamic-table's own: the table sorts its rows by each cell's `key`
 * with this comparator, so computing the same order here tells us which rows the user sees, in
 * which order (for CSV export), without reaching into the table. Rows handed over already in this
 * order stay in it, because the table's sort is stable.
 */

export type SortOrder = 'ASC' | 'DESC';
export type SortValue = string | number;

export interface TableSort<K extends string = string> {
  key: K;
  order: SortOrder;
}

// The table's collator: the browser's locale, numeric ("ABC-9" before "ABC-10"), accent-sensitive.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });

/** The table's comparator: numbers before strings, strings by the collator, numbers by value. */
export function compareSortValues(a: SortValue, b: SortValue, order: SortOrder): number {
  const modifier = order === 'ASC' ? 1 : -1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return modifier * collator.compare(a, b);
  if (a < b) return -modifier;
  if (a > b) return modifier;
  return 0;
}

/** `items` in the order the table shows them when sorted by `sortValue` in `order` (stable). */
export function sortLikeTable<T>(
  items: readonly T[],
  sortValue: (item: T) => SortValue,
  order: SortOrder,
): T[] {
  return items
    .map((entry) => ({ entry, value: sortValue(entry) }))
    .sort((a, b) => compareSortValues(a.value, b.value, order))
    .map(({ entry }) => entry);
}

/** `items` in the order a table sorted by `sort` shows them; with no sort, in the order given. */
export function sortByColumn<T, K extends string>(
  items: readonly T[],
  sort: TableSort<K> | null,
  sortValue: (item: T, column: K) => SortValue,
): readonly T[] {
  if (sort === null) return items;
  return sortLikeTable(items, (item) => sortValue(item, sort.key), sort.order);
}

/**
 * The sort a table's `onSort` reported, when its column is one of `columns`; otherwise null
 * (the table's payload is untyped).
 */
export function tableSortFrom<K extends string>(data: unknown, columns: readonly K[]): TableSort<K> | null {
  if (typeof data !== 'object' || data === null) return null;
  const { key, sortOrder } = data as { key?: unknown; sortOrder?: unknown };
  if (typeof key !== 'string' || !(columns as readonly string[]).includes(key)) return null;
  if (sortOrder !== 'ASC' && sortOrder !== 'DESC') return null;
  return { key: key as K, order: sortOrder };
}
