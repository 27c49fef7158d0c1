import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import type { RiskEntry } from '@domain/risks/raid';
import { useMemo } from 'react';
import { SortableTable } from '../../shared/ui/table/SortableTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import {
  DueDate,
  LevelLozenge,
  OwnerText,
  ProjectName,
  RaidKeyLink,
  RoamText,
  StatusText,
  SummaryText,
} from './RaidCells';
import { RISK_COLUMNS, type RiskColumn, riskSortValue } from './raid-model';

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

const head: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 9 },
    { key: 'summary', content: 'Summary', isSortable: true, width: 21 },
    { key: 'project', content: 'Project', isSortable: true, width: 10 },
    { key: 'status', content: 'Status', isSortable: true, width: 8 },
    { key: 'probability', content: <Abbr short="P" long="Probability" />, isSortable: true, width: 3 },
    { key: 'impact', content: <Abbr short="I" long="Impact" />, isSortable: true, width: 3 },
    { key: 'score', content: 'Score', isSortable: true, width: 9 },
    { key: 'level', content: 'Level', isSortable: true, width: 7 },
    { key: 'owner', content: 'Owner', isSortable: true, width: 10 },
    { key: 'roam', content: 'ROAM', isSortable: true, width: 10 },
    { key: 'due', content: 'Due', isSortable: true, width: 10 },
  ],
};

function rowOf(risk: RiskEntry, names: ReadonlyMap<string, string>, asOf: string): RowType {
  const cell = (column: RiskColumn, content: RowType['cells'][number]['content']) => ({
    key: riskSortValue(risk, column, names),
    content,
  });
  return {
    key: risk.key,
    testId: `risk-row-${risk.key}`,
    cells: [
      cell('key', <RaidKeyLink issueKey={risk.key} />),
      cell('summary', <SummaryText summary={risk.summary} />),
      cell('project', <ProjectName projectKey={risk.projectKey} names={names} />),
      cell('status', <StatusText status={risk.status} open={risk.open} />),
      cell('probability', <span className="pmo-numeric">{risk.probability}</span>),
      cell('impact', <span className="pmo-numeric">{risk.impact}</span>),
      cell(
        'score',
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
        </span>,
      ),
      cell('level', <LevelLozenge level={risk.level} />),
      cell('owner', <OwnerText entry={risk} />),
      cell('roam', <RoamText roam={risk.roam} />),
      cell('due', <DueDate entry={risk} asOf={asOf} />),
    ],
  };
}

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
  const rows = useMemo(() => risks.map((risk) => rowOf(risk, names, asOf)), [risks, names, asOf]);
  return (
    <div data-testid="risk-register" data-rows={rows.length}>
      <SortableTable
        label="Risk register"
        head={head}
        rows={rows}
        rowsPerPage={RISKS_PER_PAGE}
        columns={RISK_COLUMNS}
        sort={sort}
        onSort={onSort}
        testId="risks"
      />
    </div>
  );
}
