import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useMemo } from 'react';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { toCsv } from '../../shared/csv/csv';
import { formatCount } from '../../shared/lib/format';
import { ColumnTable, type TableSpec } from '../../shared/ui/table/ColumnTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import {
  csvFileName,
  PAIR_CSV_COLUMNS,
  type PairColumn,
  type PairRow,
  pairSortValue,
  sortPairRows,
} from './dependency-model';
import type { ProjectPair } from './query';

export const PAIRS_PER_PAGE = 50;

function ProjectCell({ projectKey, name }: { projectKey: string; name: string }) {
  return (
    <span className="pmo-deps-project">
      <span className="pmo-key">{projectKey}</span>
      {name !== projectKey ? <span className="pmo-subtle pmo-truncate">{name}</span> : null}
    </span>
  );
}

function CountCell({ value, danger }: { value: number; danger?: boolean }) {
  if (danger && value > 0) return <Lozenge appearance="removed">{formatCount(value)}</Lozenge>;
  return <span className="pmo-numeric">{formatCount(value)}</span>;
}

type PairContext = {
  onShow: (pair: ProjectPair) => void;
  /** Project keys the search found. */
  matches: ReadonlySet<string>;
};

const PAIRS_TABLE: TableSpec<PairRow, PairContext, PairColumn> = {
  label: 'Dependencies between projects',
  testId: 'dependency-pairs',
  columns: [
    {
      key: 'from',
      head: 'Blocking project',
      width: 20,
      cell: (row) => <ProjectCell projectKey={row.from} name={row.fromName} />,
    },
    {
      key: 'to',
      head: 'Blocked project',
      width: 20,
      cell: (row) => <ProjectCell projectKey={row.to} name={row.toName} />,
    },
    { key: 'open', head: 'Open links', width: 10, cell: (row) => <CountCell value={row.open} /> },
    { key: 'late', head: 'Late', width: 7, cell: (row) => <CountCell value={row.late} danger /> },
    {
      key: 'inCycle',
      head: 'In a cycle',
      width: 10,
      cell: (row) => <CountCell value={row.inCycle} danger />,
    },
    {
      key: 'critical',
      head: 'Critical path',
      width: 12,
      cell: (row) =>
        row.onCriticalPath ? (
          <Lozenge appearance="new">On the path</Lozenge>
        ) : (
          <span className="pmo-subtle">—</span>
        ),
    },
    { key: 'total', head: 'All links', width: 9, cell: (row) => <CountCell value={row.total} /> },
    {
      key: 'actions',
      head: <span className="pmo-visually-hidden">Actions</span>,
      width: 12,
      sortable: false,
      cell: (row, { onShow }) => (
        <Button
          spacing="compact"
          onClick={() => onShow({ from: row.from, to: row.to })}
          aria-label={`Show links from ${row.from} to ${row.to}`}
          testId={`dependency-show-${row.from}-${row.to}`}
        >
          Show links
        </Button>
      ),
    },
  ],
  rowsPerPage: PAIRS_PER_PAGE,
  rowKey: (row) => row.id,
  rowTestId: (row) => `dependency-row-${row.from}-${row.to}`,
  sortValue: (row, column) => pairSortValue(row, column),
  highlighted: (row, { matches }) => matches.has(row.from) || matches.has(row.to),
};

/**
 * The graph as a table: one row per pair of projects with open links between them, sortable, with the
 * same figures as the edges and the same filters; "Show links" opens the same drill-down as clicking an
 * edge. Export CSV saves every row in the order shown (all pages). The sort lives in the page's URL.
 */
export function DependencyList({
  rows,
  onShow,
  portfolioId,
  generatedAt,
  sort,
  onSort,
  matches,
}: {
  rows: readonly PairRow[];
  onShow: (pair: ProjectPair) => void;
  portfolioId: string;
  generatedAt: string;
  sort: TableSort<PairColumn>;
  onSort: (sort: TableSort<PairColumn>) => void;
  /** Project keys the search found: their rows are highlighted. */
  matches: ReadonlySet<string>;
}) {
  const sorted = useMemo(() => sortPairRows(rows, sort), [rows, sort]);
  const context = useMemo(() => ({ onShow, matches }), [onShow, matches]);
  const exportCsv = () => ({
    filename: csvFileName('dependencies', portfolioId, generatedAt),
    csv: toCsv(PAIR_CSV_COLUMNS, sorted),
  });

  return (
    <section className="pmo-stack--tight" data-testid="dependencies-list" aria-labelledby="deps-list-heading">
      <div className="pmo-row pmo-row--wrap pmo-spread pmo-gap-150">
        <h2 id="deps-list-heading" className="pmo-visually-hidden">
          Dependencies between projects
        </h2>
        <p className="pmo-subtle">
          {formatCount(rows.length)} project {rows.length === 1 ? 'pair' : 'pairs'} with open links
        </p>
        <CsvExportButton noun="project pair" rowCount={rows.length} build={exportCsv} testId="csv-export" />
      </div>
      <ColumnTable table={PAIRS_TABLE} items={sorted} context={context} sorting={{ sort, onSort }} />
    </section>
  );
}
