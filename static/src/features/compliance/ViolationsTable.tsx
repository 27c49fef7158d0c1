import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { useMemo } from 'react';
import { issueUrl } from '../../shared/lib/jira-url';
import { RESTRICTED_SUMMARY } from '../../shared/portfolio/report-helpers';
import { JiraLink } from '../../shared/ui/JiraLink';
import { SortableTable } from '../../shared/ui/table/SortableTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import {
  MODE_LABEL,
  VIOLATION_COLUMNS,
  type Violation,
  type ViolationColumn,
  violationSortValue,
} from './compliance-model';

export const VIOLATION_ROWS_PER_PAGE = 20;

const head: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 9 },
    { key: 'summary', content: 'Summary', isSortable: true, width: 26 },
    { key: 'project', content: 'Project', isSortable: true, width: 12 },
    { key: 'standard', content: 'Standard', isSortable: true, width: 15 },
    { key: 'mode', content: 'Mode', isSortable: true, width: 9 },
    { key: 'misses', content: 'What it misses', isSortable: true, width: 29 },
  ],
};

function rowOf(violation: Violation, names: ReadonlyMap<string, string>): RowType {
  const cell = (column: ViolationColumn, content: RowType['cells'][number]['content']) => ({
    key: violationSortValue(violation, column, names),
    content,
  });
  return {
    key: `${violation.key}-${violation.standardId}`,
    testId: `violation-row-${violation.key}-${violation.standardId}`,
    cells: [
      cell(
        'key',
        <JiraLink url={issueUrl(violation.key)} className="pmo-key">
          {violation.key}
        </JiraLink>,
      ),
      cell(
        'summary',
        violation.summary === null ? (
          <span className="pmo-subtle" title="This issue has an issue security level">
            {RESTRICTED_SUMMARY}
          </span>
        ) : (
          <span className="pmo-text-wrap">{violation.summary}</span>
        ),
      ),
      cell(
        'project',
        <span title={violation.projectKey}>{names.get(violation.projectKey) ?? violation.projectKey}</span>,
      ),
      cell('standard', <span className="pmo-text-wrap">{violation.standardName}</span>),
      cell(
        'mode',
        <Lozenge appearance={violation.mode === 'enforce' ? 'removed' : 'moved'}>
          {MODE_LABEL[violation.mode]}
        </Lozenge>,
      ),
      cell(
        'misses',
        <ul className="pmo-bare-list pmo-compliance-messages">
          {violation.messages.map((message, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; their order is stable.
            <li key={index}>{message}</li>
          ))}
        </ul>,
      ),
    ],
  };
}

type Props = {
  /** Already in `sort` order. */
  violations: readonly Violation[];
  names: ReadonlyMap<string, string>;
  sort: TableSort<ViolationColumn> | null;
  onSort: (sort: TableSort<ViolationColumn>) => void;
};

/** The violating issues: one row per issue and standard, sortable and paginated. */
export function ViolationsTable({ violations, names, sort, onSort }: Props) {
  const rows = useMemo(() => violations.map((violation) => rowOf(violation, names)), [violations, names]);
  return (
    <div data-testid="compliance-violations" data-rows={rows.length}>
      <SortableTable
        label="Violating issues"
        head={head}
        rows={rows}
        rowsPerPage={VIOLATION_ROWS_PER_PAGE}
        columns={VIOLATION_COLUMNS}
        sort={sort}
        onSort={onSort}
      />
    </div>
  );
}
