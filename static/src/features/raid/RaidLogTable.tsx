import type { RaidLogEntry } from '@domain/risks/raid';
import { useMemo } from 'react';
import { ColumnTable, type TableSpec } from '../../shared/ui/table/ColumnTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { type RaidCellContext, sharedRaidColumns } from './RaidCells';
import { LOG_COPY, type LogColumn, type LogKind, logSortValue } from './raid-model';

export const LOG_ROWS_PER_PAGE = 20;

type LogContext = RaidCellContext & { kind: LogKind };

const columns = sharedRaidColumns({ key: 10, summary: 38, project: 14, status: 12, owner: 13, due: 13 });

const LOG_TABLE: TableSpec<RaidLogEntry, LogContext, LogColumn> = {
  label: ({ kind }) => `${LOG_COPY[kind].title} log`,
  testId: ({ kind }) => `${kind}-log`,
  columns: [columns.key, columns.summary, columns.project, columns.status, columns.owner, columns.due],
  rowsPerPage: LOG_ROWS_PER_PAGE,
  rowKey: (entry) => entry.key,
  rowTestId: (entry, { kind }) => `${kind}-row-${entry.key}`,
  sortValue: (entry, column, { names }) => logSortValue(entry, column, names),
};

type Props = {
  kind: LogKind;
  /** Already in `sort` order. */
  entries: readonly RaidLogEntry[];
  names: ReadonlyMap<string, string>;
  asOf: string;
  sort: TableSort<LogColumn> | null;
  onSort: (sort: TableSort<LogColumn>) => void;
};

/** One RAID log (assumptions, issues or decisions): sortable, paginated. */
export function RaidLogTable({ kind, entries, names, asOf, sort, onSort }: Props) {
  const context = useMemo(() => ({ kind, names, asOf }), [kind, names, asOf]);
  return <ColumnTable table={LOG_TABLE} items={entries} context={context} sorting={{ sort, onSort }} />;
}
