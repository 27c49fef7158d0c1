import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { useState } from 'react';
import { type TableSort, tableSortFrom } from './table-sort';

type Props<K extends string> = {
  /** The table's accessible name. */
  label: string;
  head: HeadType;
  /** Already in `sort` order (see `sortLikeTable`), so what is exported is what is shown. */
  rows: RowType[];
  rowsPerPage: number;
  /** The sortable columns: a sort by any other key is ignored. */
  columns: readonly K[];
  /** Null: the rows' own order, no column marked as sorted. */
  sort: TableSort<K> | null;
  onSort: (sort: TableSort<K>) => void;
  testId?: string;
};

/**
 * A sortable, paginated @atlaskit/dynamic-table whose sort the parent owns (it sorts the rows, and
 * exports them in that order). Starts on page 1; remount it (`key`) to go back there when a filter
 * changes. A shorter list than before (a refresh, another portfolio) never leaves it past its last page.
 */
export function SortableTable<K extends string>({
  label,
  head,
  rows,
  rowsPerPage,
  columns,
  sort,
  onSort,
  testId,
}: Props<K>) {
  const [page, setPage] = useState(1);
  const lastPage = Math.max(1, Math.ceil(rows.length / rowsPerPage));
  return (
    <DynamicTable
      label={label}
      head={head}
      rows={rows}
      rowsPerPage={rowsPerPage}
      page={Math.min(page, lastPage)}
      onSetPage={setPage}
      {...(sort ? { sortKey: sort.key, sortOrder: sort.order } : {})}
      onSort={(data: unknown) => {
        const next = tableSortFrom(data, columns);
        if (next) onSort(next);
      }}
      {...(testId === undefined ? {} : { testId })}
    />
  );
}
