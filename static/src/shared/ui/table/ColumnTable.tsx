import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { type ReactNode, useMemo } from 'react';
import { SortableTable } from './SortableTable';
import type { SortValue, TableSort } from './table-sort';

type ColumnShape<T, C> = {
  head: ReactNode;
  /** Share of the table's width, in percent. */
  width: number;
  cell: (item: T, context: C) => ReactNode;
};

/**
 * One column: its header, width and cell, together, so the head and the cells cannot drift apart.
 * A column of `K` sorts; any other one (a sparkline, row buttons) says `sortable: false`.
 */
export type TableColumn<T, C, K extends string> = ColumnShape<T, C> &
  ({ key: K; sortable?: true } | { key: string; sortable: false });

/** A text that is fixed, or depends on what the cells get (a log's kind, a project pair). */
type TextOf<C> = string | ((context: C) => string);

/** What a table of `T` shows: its name, columns in order, page size, and how an item becomes a row. */
export type TableSpec<T, C, K extends string> = {
  /** The table's accessible name. */
  label: TextOf<C>;
  testId?: TextOf<C>;
  columns: readonly TableColumn<T, C, K>[];
  rowsPerPage: number;
  rowKey: (item: T) => string;
  rowTestId: (item: T, context: C) => string;
  /** The value the table sorts a column by (see `sortLikeTable`, which must agree). */
  sortValue: (item: T, column: K, context: C) => SortValue;
  /** A row to highlight, e.g. one a search found. */
  highlighted?: (item: T, context: C) => boolean;
};

function isSortable<T, C, K extends string>(
  column: TableColumn<T, C, K>,
): column is ColumnShape<T, C> & { key: K; sortable?: true } {
  return column.sortable !== false;
}

export function tableHead<T, C, K extends string>(spec: TableSpec<T, C, K>): HeadType {
  return {
    cells: spec.columns.map((column) => ({
      key: column.key,
      content: column.head,
      width: column.width,
      ...(isSortable(column) ? { isSortable: true } : {}),
    })),
  };
}

export function tableRow<T, C, K extends string>(spec: TableSpec<T, C, K>, item: T, context: C): RowType {
  return {
    key: spec.rowKey(item),
    testId: spec.rowTestId(item, context),
    ...(spec.highlighted ? { isHighlighted: spec.highlighted(item, context) } : {}),
    cells: spec.columns.map((column) => ({
      key: isSortable(column) ? spec.sortValue(item, column.key, context) : column.key,
      content: column.cell(item, context),
    })),
  };
}

/** The sort the parent owns: the items come already in this order. */
export type SortControl<K extends string> = {
  sort: TableSort<K> | null;
  onSort: (sort: TableSort<K>) => void;
};

function textOf<C>(text: TextOf<C>, context: C): string {
  return typeof text === 'string' ? text : text(context);
}

type Props<T, C, K extends string> = {
  table: TableSpec<T, C, K>;
  /** Already in `sort` order, so what is exported is what is shown. */
  items: readonly T[];
  /** What the cells need besides the item (names, dates, callbacks); keep it stable (useMemo). */
  context: C;
  sorting: SortControl<K>;
};

/** A `SortableTable` described by its columns: one row per item, paginated, sorted by the parent. */
export function ColumnTable<T, C, K extends string>({ table, items, context, sorting }: Props<T, C, K>) {
  const layout = useMemo(
    () => ({
      head: tableHead(table),
      columns: table.columns.filter(isSortable).map((column) => column.key),
      rowsPerPage: table.rowsPerPage,
    }),
    [table],
  );
  const rows = useMemo(() => items.map((item) => tableRow(table, item, context)), [table, items, context]);
  return (
    <SortableTable
      label={textOf(table.label, context)}
      {...(table.testId === undefined ? {} : { testId: textOf(table.testId, context) })}
      {...layout}
      {...sorting}
      rows={rows}
    />
  );
}
