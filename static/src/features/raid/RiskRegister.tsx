import Lozenge from '@atlaskit/lozenge';
import type { RiskEntry } from '@domain/risks/raid';
import { useMemo } from 'react';
import { ColumnTable, type TableSpec } from '../../shared/ui/table/ColumnTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { LevelLozenge, type RaidCellContext, RoamText, sharedRaidColumns } from './RaidCells';
import { type RiskColumn, riskSortValue } from './raid-model';

export const RISKS_PER_PAGE = 20;

function Abbr({ short, long }: { short: string; long: string }) {
  return (
    <>
      <span aria-hidden="true" title={long}>
        {short}
      </span>
      <span className="pmo-visually-hidden">{long}</span>
    </>
  );
}

const columns = sharedRaidColumns({ key: 9, summary: 21, project: 10, status: 8, owner: 10, due: 10 });

function EstimatedScore({ risk }: { risk: RiskEntry }) {
  return (
    <span className="pmo-raid-score">
      <span className="pmo-numeric">{risk.score}</span>
      {risk.assumed ? (
        <span
          data-testid={`risk-estimated-${risk.key}`}
          title="Probability or impact is not set in Jira; the default was assumed"
        >
          <Lozenge appearance="new">Estimated</Lozenge>
        </span>
      ) : null}
    </span>
  );
}

const RISK_TABLE: TableSpec<RiskEntry, RaidCellContext, RiskColumn> = {
  label: 'Risk register',
  testId: 'risks',
  columns: [
    columns.key,
    columns.summary,
    columns.project,
    columns.status,
    {
      key: 'probability',
      head: <Abbr short="P" long="Probability" />,
      width: 3,
      cell: (risk) => <span className="pmo-numeric">{risk.probability}</span>,
    },
    {
      key: 'impact',
      head: <Abbr short="I" long="Impact" />,
      width: 3,
      cell: (risk) => <span className="pmo-numeric">{risk.impact}</span>,
    },
    { key: 'score', head: 'Score', width: 9, cell: (risk) => <EstimatedScore risk={risk} /> },
    { key: 'level', head: 'Level', width: 7, cell: (risk) => <LevelLozenge level={risk.level} /> },
    columns.owner,
    { key: 'roam', head: 'ROAM', width: 10, cell: (risk) => <RoamText roam={risk.roam} /> },
    columns.due,
  ],
  rowsPerPage: RISKS_PER_PAGE,
  rowKey: (risk) => risk.key,
  rowTestId: (risk) => `risk-row-${risk.key}`,
  sortValue: (risk, column, { names }) => riskSortValue(risk, column, names),
};

type Props = {
  /** The rows to show (filtered), already in `sort` order. */
  risks: readonly RiskEntry[];
  names: ReadonlyMap<string, string>;
  asOf: string;
  /** Null: the report's order (open first, highest score, key). */
  sort: TableSort<RiskColumn> | null;
  onSort: (sort: TableSort<RiskColumn>) => void;
};

/** The risk register: sortable, paginated; remount it (key) to go back to page 1 when the filter changes. */
export function RiskRegister({ risks, names, asOf, sort, onSort }: Props) {
  const context = useMemo(() => ({ names, asOf }), [names, asOf]);
  return (
    <div data-testid="risk-register" data-rows={risks.length}>
      <ColumnTable table={RISK_TABLE} items={risks} context={context} sorting={{ sort, onSort }} />
    </div>
  );
}
