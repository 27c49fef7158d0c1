import type { SortOrder, TableSort } from '../ui/table/table-sort';

/**
 * Helpers for the query string each portfolio view keeps its filters and sorting in
 * (`?sort=name&order=desc&…`): a view reads what it understands and falls back to its defaults for
 * anything unknown or malformed, and writes only what differs from them, so a default view has no query.
 */

/** `?a=1&b=2` (in the order written: each view writes its fields in one order), or '' when nothing is set. */
export function toSearch(params: URLSearchParams): string {
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}

/** One of `allowed`, or null. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | null {
  const value = params.get(name);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** `1`/`true` is on; anything else (or nothing) is off. */
export function readFlag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  return value === '1' || value === 'true';
}

export function writeFlag(params: URLSearchParams, name: string, on: boolean): void {
  if (on) params.set(name, '1');
}

const ORDERS: Record<string, SortOrder> = { asc: 'ASC', desc: 'DESC' };

/** The table sort in `sort` and `order`, if `sort` names one of `columns`; else `fallback`. */
export function readSort<K extends string, F extends TableSort<K> | null>(
  params: URLSearchParams,
  columns: readonly K[],
  fallback: F,
): TableSort<K> | F {
  const key = readChoice(params, 'sort', columns);
  if (key === null) return fallback;
  return { key, order: ORDERS[params.get('order') ?? ''] ?? 'ASC' };
}

/** Writes `sort` unless it is the default. */
export function writeSort<K extends string>(
  params: URLSearchParams,
  sort: TableSort<K> | null,
  fallback: TableSort<K> | null,
): void {
  if (sort === null) return;
  if (fallback !== null && sort.key === fallback.key && sort.order === fallback.order) return;
  params.set('sort', sort.key);
  params.set('order', sort.order.toLowerCase());
}
