import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { BoardRow, StatusBoard } from '@domain/status/board';
import { useMemo } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { formatTimestamp } from '../../shared/lib/format';
import { ErrorState } from '../../shared/ui/ErrorState';
import { FigureTiles } from '../../shared/ui/FigureTiles';
import { FilterStatus } from '../../shared/ui/filters/FilterStatus';
import { LoadingState } from '../../shared/ui/LoadingState';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { ColumnHeads } from '../../shared/ui/table/ColumnHeads';
import { StatedStatusLozenge } from './StatedStatusLozenge';
import { StatusEditor } from './StatusEditor';
import {
  BOARD_CSV_COLUMNS,
  type BoardFilters,
  type BoardQuery,
  boardMarkdown,
  boardOrder,
  counts,
  downloadMarkdown,
  filterRows,
  NO_FILTERS,
  STATE_LABELS,
} from './status-model';

type Props = {
  portfolioId: string;
  portfolioName: string;
  query: BoardQuery;
  setQuery: (next: BoardQuery) => void;
};

const STATE_APPEARANCE = { published: 'success', late: 'removed', due: 'default' } as const;

/** The PMO status board with its filters, exports, print view and the update panel. */
export function StatusBoardView({ portfolioId, portfolioName, query, setQuery }: Props) {
  const payload = useMemo(
    () => (query.periodId ? { portfolioId, periodId: query.periodId } : { portfolioId }),
    [portfolioId, query.periodId],
  );
  const board = useResolver('getStatusBoard', payload);
  if (board.status === 'loading') return <LoadingState label="Loading the status board" />;
  if (board.status === 'error') {
    return <ErrorState error={board.error} what="load the status board" onRetry={board.reload} />;
  }
  return (
    <BoardContent
      board={board.data}
      portfolioName={portfolioName}
      query={query}
      setQuery={setQuery}
      reload={board.reload}
    />
  );
}

/** The board's choice filters, as value and label. */
const STATE_CHOICES: readonly (readonly [BoardFilters['state'], string])[] = [
  ['all', 'Any'],
  ['published', 'Published'],
  ['late', 'Late'],
  ['due', 'Not due yet'],
];
const STATED_CHOICES: readonly (readonly [BoardFilters['stated'], string])[] = [
  ['all', 'Any'],
  ['on-track', 'On track'],
  ['at-risk', 'At risk'],
  ['off-track', 'Off track'],
  ['none', 'None yet'],
];

/** One of the board's choice filters: a labelled select of `options`. */
function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  testId: string;
}) {
  return (
    <label className="pmo-status-control">
      <span>{label}</span>
      <select
        className="pmo-select pmo-status-select"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        data-testid={testId}
      >
        {options.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function BoardContent({
  board,
  portfolioName,
  query,
  setQuery,
  reload,
}: {
  board: StatusBoard;
  portfolioName: string;
  query: BoardQuery;
  setQuery: (next: BoardQuery) => void;
  reload: () => void;
}) {
  const rows = useMemo(() => boardOrder(filterRows(board.rows, query.filters)), [board.rows, query.filters]);
  const totals = counts(board.rows);
  const setFilters = (next: Partial<BoardFilters>) =>
    setQuery({ ...query, filters: { ...query.filters, ...next } });
  const open = (projectKey: string | null) => setQuery({ ...query, project: projectKey });
  const filtered =
    query.filters.state !== 'all' ||
    query.filters.stated !== 'all' ||
    query.filters.disagreementsOnly ||
    query.filters.search.trim() !== '';
  const exportName = (what: string) =>
    csvFilename(`status-${board.period.id}${what}`, board.portfolioId, new Date());
  return (
    <div className="pmo-stack pmo-status" data-testid="status-board">
      <div className="pmo-toolbar pmo-spread pmo-no-print">
        <label className="pmo-status-control">
          <span>Period</span>
          <select
            className="pmo-select pmo-status-select"
            value={board.period.id}
            onChange={(event) =>
              setQuery({
                ...query,
                periodId: event.target.value === board.periods[0]?.id ? null : event.target.value,
              })
            }
            data-testid="status-period"
          >
            {board.periods.map((period) => (
              <option key={period.id} value={period.id}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
        <div className="pmo-row pmo-row--wrap">
          <CsvExportButton
            noun="project"
            rowCount={rows.length}
            build={() => ({ filename: exportName(''), csv: toCsv(BOARD_CSV_COLUMNS, rows) })}
            testId="status-export-csv"
          />
          <Button
            onClick={() =>
              downloadMarkdown(
                exportName('').replace(/\.csv$/, '.md'),
                boardMarkdown(board, rows, portfolioName),
              )
            }
            isDisabled={rows.length === 0}
            testId="status-export-md"
          >
            Export Markdown
          </Button>
          <Button onClick={() => window.print()} testId="status-print">
            Print
          </Button>
        </div>
      </div>
      <p className="pmo-subtle">
        {board.period.label}: updates are due by the end of {board.period.due} ({board.timeZone}). Computed
        RAGs are from the data as of {formatTimestamp(board.asOf)}.
      </p>
      <FigureTiles
        testIdPrefix="status-count"
        tiles={[
          { id: 'published', label: 'Published', value: totals.published },
          { id: 'late', label: 'Late', value: totals.late },
          { id: 'due', label: 'Not due yet', value: totals.due },
          { id: 'disagreements', label: 'Rosier than the data', value: totals.disagreements },
        ]}
      />
      <fieldset className="pmo-toolbar pmo-status-filters pmo-no-print" aria-label="Filter the board">
        <FilterSelect
          label="Update"
          value={query.filters.state}
          options={STATE_CHOICES}
          onChange={(state) => setFilters({ state })}
          testId="status-filter-state"
        />
        <FilterSelect
          label="Stated status"
          value={query.filters.stated}
          options={STATED_CHOICES}
          onChange={(stated) => setFilters({ stated })}
          testId="status-filter-stated"
        />
        <label className="pmo-status-control pmo-status-control--check">
          <input
            type="checkbox"
            checked={query.filters.disagreementsOnly}
            onChange={(event) => setFilters({ disagreementsOnly: event.target.checked })}
            data-testid="status-filter-flagged"
          />
          <span>Only rosier than the data</span>
        </label>
        <label className="pmo-status-control">
          <span>Project</span>
          <input
            type="search"
            className="pmo-select pmo-status-select"
            value={query.filters.search}
            onChange={(event) => setFilters({ search: event.target.value })}
            placeholder="Key or name"
            maxLength={100}
            data-testid="status-filter-search"
          />
        </label>
      </fieldset>
      <FilterStatus
        text={`${rows.length} of ${board.rows.length} projects`}
        filter={
          filtered
            ? {
                name: 'board filters',
                onClear: () => setFilters(NO_FILTERS),
                clearTestId: 'status-filter-clear',
              }
            : null
        }
        testId="status-filter-status"
      />
      {board.rows.length === 0 ? (
        <SectionMessage appearance="information" title="No project to show">
          <p>This portfolio has no project you can browse.</p>
        </SectionMessage>
      ) : (
        <div className="pmo-status-table-wrap">
          <table className="pmo-status-table" data-testid="status-table">
            <caption className="pmo-visually-hidden">Status updates of {board.period.label}</caption>
            <ColumnHeads
              labels={['Project', 'Update', 'Stated', 'Data', 'Published']}
              actions
              actionsClassName="pmo-no-print"
            />
            <tbody>
              {rows.map((row) => (
                <BoardTableRow key={row.projectKey} row={row} onOpen={() => open(row.projectKey)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.project ? (
        <StatusEditor
          portfolioId={board.portfolioId}
          projectKey={query.project}
          periodId={board.period.id}
          onClose={() => open(null)}
          onPublished={reload}
        />
      ) : null}
    </div>
  );
}

function BoardTableRow({ row, onOpen }: { row: BoardRow; onOpen: () => void }) {
  return (
    <tr data-testid={`status-row-${row.projectKey}`} data-state={row.state}>
      <th scope="row">
        <span className="pmo-status-project">{row.projectName}</span>
        <span className="pmo-subtle"> {row.projectKey}</span>
      </th>
      <td>
        <Lozenge appearance={STATE_APPEARANCE[row.state]}>{STATE_LABELS[row.state]}</Lozenge>
        {row.drafting ? <span className="pmo-subtle pmo-status-block">Draft in progress</span> : null}
      </td>
      <td>
        {row.published ? (
          <StatedStatusLozenge status={row.published.status} />
        ) : (
          <span className="pmo-subtle">—</span>
        )}
      </td>
      <td>
        <RagLozenge rag={row.computedRag} />
        {row.disagreementText ? (
          <span
            className={`pmo-status-flag pmo-status-flag--${row.disagreement}`}
            data-testid={`status-flag-${row.projectKey}`}
          >
            {row.disagreement === 'rosier' ? '⚠ ' : ''}
            {row.disagreementText}
          </span>
        ) : null}
        {row.ragReason ? (
          <span className="pmo-subtle pmo-status-block pmo-status-reason">{row.ragReason}</span>
        ) : null}
      </td>
      <td>
        {row.published ? (
          <>
            <span>
              v{row.published.version}, {row.published.publishedByName}
            </span>
            <span className="pmo-subtle pmo-status-block">{formatTimestamp(row.published.publishedAt)}</span>
          </>
        ) : (
          <span className="pmo-subtle">Not yet</span>
        )}
      </td>
      <td className="pmo-no-print">
        <Button
          onClick={onOpen}
          appearance={row.canWrite && row.state !== 'published' ? 'primary' : 'default'}
          testId={`status-open-${row.projectKey}`}
          aria-label={`${row.canWrite ? 'Write' : 'Read'} the status update of ${row.projectName}`}
        >
          {row.canWrite ? (row.published ? 'Update' : 'Write update') : 'Read'}
        </Button>
      </td>
    </tr>
  );
}
