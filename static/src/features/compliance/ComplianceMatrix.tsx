import {
  type CellFilter,
  cellLabel,
  type ComplianceMatrix as Matrix,
  type MatrixCell,
  MODE_LABEL,
  sameFilter,
} from './compliance-model';

function Percent({ cell }: { cell: Pick<MatrixCell, 'percent' | 'tone'> }) {
  if (cell.percent === null) return <span className="pmo-subtle">—</span>;
  return (
    <span className={`pmo-compliance-percent pmo-compliance-percent--${cell.tone}`}>{cell.percent} %</span>
  );
}

/** What a cell shows, first in its accessible name (WCAG 2.5.3, label in name). */
function visibleText(cell: MatrixCell): string {
  return `${cell.violating} / ${cell.applicable} ${cell.percent} %`;
}

function CellContent({ cell }: { cell: MatrixCell }) {
  return (
    <>
      <span className="pmo-compliance-cell__counts pmo-numeric">
        {cell.violating} / {cell.applicable}
      </span>{' '}
      <Percent cell={cell} />
    </>
  );
}

type Props = {
  matrix: Matrix;
  filter: CellFilter | null;
  onFilter: (filter: CellFilter | null) => void;
};

/**
 * Standards × projects: each cell is "violating / applicable" with the compliance % coloured by
 * tone; a cell with violations is a toggle button that filters the violations table.
 */
export function ComplianceMatrix({ matrix, filter, onFilter }: Props) {
  return (
    <div className="pmo-compliance-matrix-scroll">
      <table className="pmo-compliance-matrix" data-testid="compliance-matrix">
        <caption className="pmo-visually-hidden">
          Compliance by project and standard: issues violating the standard of the issues it applies to
        </caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            {matrix.standards.map((standard) => (
              <th scope="col" key={standard.id} data-testid={`compliance-standard-${standard.id}`}>
                <span className="pmo-compliance-matrix__standard">{standard.name}</span>
                <span className="pmo-subtlest">{MODE_LABEL[standard.mode]}</span>
              </th>
            ))}
            <th scope="col" className="pmo-compliance-matrix__project-col">
              Project compliance
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.projectKey} data-testid={`compliance-row-${row.projectKey}`}>
              <th scope="row">
                <span className="pmo-compliance-matrix__project">{row.projectName}</span>
                <span className="pmo-key pmo-subtle">{row.projectKey}</span>
              </th>
              {row.cells.map((cell, index) => {
                const standard = matrix.standards[index];
                const standardName = standard?.name ?? cell.standardId;
                const testId = `compliance-cell-${row.projectKey}-${cell.standardId}`;
                const common = {
                  'data-testid': testId,
                  'data-violating': cell.violating,
                  'data-applicable': cell.applicable,
                };
                if (cell.percent === null) {
                  return (
                    <td key={cell.standardId} className="pmo-compliance-matrix__cell">
                      <span
                        {...common}
                        className="pmo-compliance-cell pmo-compliance-cell--none"
                        title="This standard does not apply to any issue of the project"
                      >
                        <span aria-hidden="true">—</span>
                        <span className="pmo-visually-hidden">Does not apply</span>
                      </span>
                    </td>
                  );
                }
                const target = { projectKey: row.projectKey, standardId: cell.standardId };
                const pressed = sameFilter(filter, target);
                return (
                  <td key={cell.standardId} className="pmo-compliance-matrix__cell">
                    {cell.violating > 0 ? (
                      <button
                        type="button"
                        {...common}
                        className={`pmo-compliance-cell pmo-compliance-cell--${cell.tone}`}
                        aria-pressed={pressed}
                        aria-label={`${visibleText(cell)}: ${cellLabel(row.projectName, standardName, cell)}. ${pressed ? 'Show all violations' : 'Show these violations'}`}
                        onClick={() => onFilter(pressed ? null : target)}
                      >
                        <CellContent cell={cell} />
                      </button>
                    ) : (
                      <span
                        {...common}
                        className={`pmo-compliance-cell pmo-compliance-cell--static pmo-compliance-cell--${cell.tone}`}
                        title={cellLabel(row.projectName, standardName, cell)}
                      >
                        <CellContent cell={cell} />
                      </span>
                    )}
                  </td>
                );
              })}
              <td
                className="pmo-compliance-matrix__total"
                data-testid={`compliance-project-${row.projectKey}`}
                data-percent={row.percent ?? ''}
              >
                <Percent cell={row} />
                <span className="pmo-subtlest pmo-numeric">
                  {row.compliant} of {row.evaluated} issues
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All projects</th>
            {matrix.totals.map((cell) => (
              <td key={cell.standardId} className="pmo-compliance-matrix__cell">
                <span className="pmo-compliance-cell pmo-compliance-cell--static pmo-compliance-cell--sum">
                  {cell.percent === null ? (
                    <span className="pmo-subtle">—</span>
                  ) : (
                    <CellContent cell={cell} />
                  )}
                </span>
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
