import Button from '@atlaskit/button/new';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { useMemo } from 'react';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { toCsv } from '../../shared/csv/csv';
import { formatCount } from '../../shared/lib/format';
import { SortableTable } from '../../shared/ui/table/SortableTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import {
  csvFileName,
  PAIR_COLUMNS,
  PAIR_CSV_COLUMNS,
  type PairColumn,
  type PairRow,
  pairSortValue,
  sortPairRows,
} from './dependency-model';
import type { ProjectPair } from './query';

export const PAIRS_PER_PAGE = 50;

const head: HeadType = {
  cells: [
    { key: 'from', content: 'Blocking project', isSortable: true, width: 20 },
    { key: 'to', content: 'Blocked project', isSortable: true, width: 20 },
    { key: 'open', content: 'Open links', isSortable: true, width: 10 },
    { key: 'late', content: 'Late', isSortable: true, width: 7 },
    { key: 'inCycle', content: 'In a cycle', isSortable: true, width: 10 },
    { key: 'critical', content: 'Critical path', isSortable: true, width: 12 },
    { key: 'total', content: 'All links', isSortable: true, width: 9 },
    { key: 'actions', content: <span className="pmo-visually-hidden">Actions</span>, width: 12 },
  ],
};

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

function rowOf(row: PairRow, onShow: (pair: ProjectPair) => void, matched: boolean): RowType {
  const cell = (column: PairColumn, content: RowType['cells'][number]['content']) => ({
    key: pairSortValue(row, column),
    content,
  });
  return {
    key: row.id,
    testId: `dependency-row-${row.from}-${row.to}`,
    // A row with a project the search found.
    isHighlighted: matched,
    cells: [
      cell('from', <ProjectCell projectKey={row.from} name={row.fromName} />),
      cell('to', <ProjectCell projectKey={row.to} name={row.toName} />),
      cell('open', <CountCell value={row.open} />),
      cell('late', <CountCell value={row.late} danger />),
      cell('inCycle', <CountCell value={row.inCycle} danger />),
      cell(
        'critical',
        row.onCriticalPath ? (
          <Lozenge appearance="new">On the path</Lozenge>
        ) : (
          <span className="pmo-subtle">—</span>
        ),
      ),
      cell('total', <CountCell value={row.total} />),
      {
        key: 'actions',
        content: (
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
  };
}

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
  const tableRows = useMemo(
    () => sorted.map((row) => rowOf(row, onShow, matches.has(row.from) || matches.has(row.to))),
    [sorted, onShow, matches],
  );
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
      <SortableTable
        label="Dependencies between projects"
        head={head}
        rows={tableRows}
        rowsPerPage={PAIRS_PER_PAGE}
        columns={PAIR_COLUMNS}
        sort={sort}
        onSort={onSort}
        testId="dependency-pairs"
      />
    </section>
  );
}
