import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import type { RaidLogEntry } from '@domain/risks/raid';
import { useMemo } from 'react';
import { SortableTable } from '../../shared/ui/table/SortableTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { DueDate, OwnerText, ProjectName, RaidKeyLink, StatusText, SummaryText } from './RaidCells';
import { LOG_COLUMNS, type LogColumn, type LogKind, logSortValue } from './raid-model';

export const LOG_ROWS_PER_PAGE = 20;

const head: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 10 },
    { key: 'summary', content: 'Summary', isSortable: true, width: 38 },
    { key: 'project', content: 'Project', isSortable: true, width: 14 },
    { key: 'status', content: 'Status', isSortable: true, width: 12 },
    { key: 'owner', content: 'Owner', isSortable: true, width: 13 },
    { key: 'due', content: 'Due', isSortable: true, width: 13 },
  ],
};

function rowOf(
  entry: RaidLogEntry,
  kind: LogKind,
  names: ReadonlyMap<string, string>,
  asOf: string,
): RowType {
  const cell = (column: LogColumn, content: RowType['cells'][number]['content']) => ({
    key: logSortValue(entry, column, names),
    content,
  });
  return {
    key: entry.key,
    testId: `${kind}-row-${entry.key}`,
    cells: [
      cell('key', <RaidKeyLink issueKey={entry.key} />),
      cell('summary', <SummaryText summary={entry.summary} />),
      cell('project', <ProjectName projectKey={entry.projectKey} names={names} />),
      cell('status', <StatusText status={entry.status} open={entry.open} />),
      cell('owner', <OwnerText entry={entry} />),
      cell('due', <DueDate entry={entry} asOf={asOf} />),
    ],
  };
}

type Props = {
  kind: LogKind;
  label: string;
  /** Already in `sort` order. */
  entries: readonly RaidLogEntry[];
  names: ReadonlyMap<string, string>;
  asOf: string;
  sort: TableSort<LogColumn> | null;
  onSort: (sort: TableSort<LogColumn>) => void;
};

/** One RAID log (assumptions, issues or decisions): sortable, paginated. */
export function RaidLogTable({ kind, label, entries, names, asOf, sort, onSort }: Props) {
  const rows = useMemo(
    () => entries.map((entry) => rowOf(entry, kind, names, asOf)),
    [entries, kind, names, asOf],
  );
  return (
    <SortableTable
      label={label}
      head={head}
      rows={rows}
      rowsPerPage={LOG_ROWS_PER_PAGE}
      columns={LOG_COLUMNS}
      sort={sort}
      onSort={onSort}
      testId={`${kind}-log`}
    />
  );
}
