import Lozenge from '@atlaskit/lozenge';
import { issueUrl } from '../../shared/lib/jira-url';
import { RESTRICTED_SUMMARY } from '../../shared/portfolio/report-helpers';
import { JiraLink } from '../../shared/ui/JiraLink';
import { ColumnTable, type TableSpec } from '../../shared/ui/table/ColumnTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { MODE_LABEL, type Violation, type ViolationColumn, violationSortValue } from './compliance-model';

export const VIOLATION_ROWS_PER_PAGE = 20;

function SummaryCell({ summary }: { summary: string | null }) {
  if (summary === null) {
    return (
      <span className="pmo-subtle" title="This issue has an issue security level">
        {RESTRICTED_SUMMARY}
      </span>
    );
  }
  return <span className="pmo-text-wrap">{summary}</span>;
}

function Messages({ messages }: { messages: readonly string[] }) {
  return (
    <ul className="pmo-bare-list pmo-compliance-messages">
      {messages.map((message, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; their order is stable.
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

type Names = ReadonlyMap<string, string>;

const VIOLATIONS_TABLE: TableSpec<Violation, Names, ViolationColumn> = {
  label: 'Violating issues',
  columns: [
    {
      key: 'key',
      head: 'Key',
      width: 9,
      cell: (violation) => (
        <JiraLink url={issueUrl(violation.key)} className="pmo-key">
          {violation.key}
        </JiraLink>
      ),
    },
    {
      key: 'summary',
      head: 'Summary',
      width: 26,
      cell: (violation) => <SummaryCell summary={violation.summary} />,
    },
    {
      key: 'project',
      head: 'Project',
      width: 12,
      cell: (violation, names) => (
        <span title={violation.projectKey}>{names.get(violation.projectKey) ?? violation.projectKey}</span>
      ),
    },
    {
      key: 'standard',
      head: 'Standard',
      width: 15,
      cell: (violation) => <span className="pmo-text-wrap">{violation.standardName}</span>,
    },
    {
      key: 'mode',
      head: 'Mode',
      width: 9,
      cell: (violation) => (
        <Lozenge appearance={violation.mode === 'enforce' ? 'removed' : 'moved'}>
          {MODE_LABEL[violation.mode]}
        </Lozenge>
      ),
    },
    {
      key: 'misses',
      head: 'What it misses',
      width: 29,
      cell: (violation) => <Messages messages={violation.messages} />,
    },
  ],
  rowsPerPage: VIOLATION_ROWS_PER_PAGE,
  rowKey: (violation) => `${violation.key}-${violation.standardId}`,
  rowTestId: (violation) => `violation-row-${violation.key}-${violation.standardId}`,
  sortValue: violationSortValue,
};

type Props = {
  /** Already in `sort` order. */
  violations: readonly Violation[];
  names: ReadonlyMap<string, string>;
  sort: TableSort<ViolationColumn> | null;
  onSort: (sort: TableSort<ViolationColumn>) => void;
};

/** The violating issues: one row per issue and standard, sortable and paginated. */
export function ViolationsTable({ violations, names, sort, onSort }: Props) {
  return (
    <div data-testid="compliance-violations" data-rows={violations.length}>
      <ColumnTable table={VIOLATIONS_TABLE} items={violations} context={names} sorting={{ sort, onSort }} />
    </div>
  );
}
