import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { CrossProjectLink } from '@domain/dependencies/graph';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CsvExportButton } from '../../shared/csv/CsvExportButton';
import { toCsv } from '../../shared/csv/csv';
import { formatCount } from '../../shared/lib/format';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import { CATEGORY_APPEARANCE } from '../../shared/ui/StatusLozenges';
import { ColumnTable, type TableColumn, type TableSpec } from '../../shared/ui/table/ColumnTable';
import type { TableSort } from '../../shared/ui/table/table-sort';
import {
  csvFileName,
  formatDay,
  LINK_CSV_COLUMNS,
  type LinkColumn,
  linkFlags,
  linkSortValue,
  type ProjectEdgeModel,
  sortLinks,
  statusLabel,
} from './dependency-model';
import type { ProjectPair } from './query';

const LINKS_PER_PAGE = 25;

function IssueKey({ issueKey }: { issueKey: string }) {
  return <IssueKeyLink issueKey={issueKey} testId={`issue-link-${issueKey}`} />;
}

function Status({ status }: { status: CrossProjectLink['blocker']['status'] }) {
  if (status === null) return <span className="pmo-subtle">Unknown</span>;
  return <Lozenge appearance={CATEGORY_APPEARANCE[status]}>{statusLabel(status)}</Lozenge>;
}

function Flags({ link }: { link: CrossProjectLink }) {
  const flags = linkFlags(link);
  if (flags.length === 0) return <span className="pmo-subtle">On track</span>;
  return (
    <span className="pmo-deps-flags">
      {flags.map((flag) => (
        <Lozenge key={flag} appearance="removed">
          {flag}
        </Lozenge>
      ))}
    </span>
  );
}

type LinkTableColumn = TableColumn<CrossProjectLink, ProjectPair, LinkColumn>;

/** One end's three columns (key, status, due): the blocker's and the blocked issue's are alike. */
function endColumns(end: 'blocker' | 'blocked', head: string): LinkTableColumn[] {
  return [
    { key: end, head, width: 13, cell: (link) => <IssueKey issueKey={link[end].key} /> },
    {
      key: `${end}Status` as const,
      head: 'Status',
      width: 12,
      cell: (link) => <Status status={link[end].status} />,
    },
    {
      key: `${end}Due` as const,
      head: 'Due',
      width: 12,
      cell: (link) => <span className="pmo-numeric">{formatDay(link[end].due)}</span>,
    },
  ];
}

const LINKS_TABLE: TableSpec<CrossProjectLink, ProjectPair, LinkColumn> = {
  label: (pair) => `Issue links from ${pair.from} to ${pair.to}`,
  testId: 'dependency-links',
  columns: [
    ...endColumns('blocker', 'Blocker'),
    ...endColumns('blocked', 'Blocks'),
    { key: 'flags', head: 'Problem', width: 26, cell: (link) => <Flags link={link} /> },
  ],
  rowsPerPage: LINKS_PER_PAGE,
  rowKey: (link) => `${link.blocker.key}>${link.blocked.key}`,
  rowTestId: (link) => `dependency-link-${link.blocker.key}-${link.blocked.key}`,
  sortValue: (link, column) => linkSortValue(link, column),
};

/**
 * The issue-level links from one project to another: blocker -> blocked with statuses, due dates and
 * what is wrong (late, in a cycle). Keys open the issue in Jira. When the report's cap left some links
 * out, it says how many are shown.
 */
export function LinkDrilldown({
  pair,
  edge,
  links,
  cap,
  fromName,
  toName,
  portfolioId,
  generatedAt,
  onClose,
}: {
  pair: ProjectPair;
  /** The pair's figures; undefined when there is no open link from `pair.from` to `pair.to`. */
  edge: ProjectEdgeModel | undefined;
  links: readonly CrossProjectLink[];
  /** The report lists at most this many issue-level links in all (null when it listed every one). */
  cap: number | null;
  fromName: string;
  toName: string;
  portfolioId: string;
  generatedAt: string;
  onClose: () => void;
}) {
  const [sort, setSort] = useState<TableSort<LinkColumn>>({ key: 'flags', order: 'ASC' });
  const sorted = useMemo(() => sortLinks(links, sort), [links, sort]);
  const heading = useRef<HTMLHeadingElement>(null);
  const pairKey = `${pair.from}-${pair.to}`;

  // A new pair: move focus to the heading so keyboard and screen reader users land here (the table,
  // keyed by the pair, starts again on page 1).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pairKey` is the trigger.
  useEffect(() => {
    heading.current?.focus();
  }, [pairKey]);

  const open = edge?.open ?? 0;
  const exportCsv = () => ({
    filename: csvFileName(`links-${pair.from}-${pair.to}`, portfolioId, generatedAt),
    csv: toCsv(LINK_CSV_COLUMNS, sorted),
  });
  return (
    <section
      className="pmo-deps-drilldown pmo-stack--tight"
      data-testid="dependency-drilldown"
      aria-labelledby="deps-drilldown-heading"
    >
      <div className="pmo-row pmo-row--wrap pmo-spread pmo-gap-150">
        <Heading size="small" as="h2" id="deps-drilldown-heading">
          <span ref={heading} tabIndex={-1} className="pmo-deps-drilldown__title">
            {pair.from} {fromName !== pair.from ? `(${fromName}) ` : ''}blocks {pair.to}
            {toName !== pair.to ? ` (${toName})` : ''}
          </span>
        </Heading>
        <div className="pmo-page-header__actions">
          <CsvExportButton
            label="Export links CSV"
            noun="link"
            rowCount={links.length}
            build={exportCsv}
            testId="csv-export-links"
          />
          <Button appearance="subtle" onClick={onClose} testId="dependency-drilldown-close">
            Close
          </Button>
        </div>
      </div>
      {edge === undefined ? (
        <p className="pmo-subtle" data-testid="dependency-drilldown-none">
          No open issue in {pair.from} blocks an open issue in {pair.to}.
        </p>
      ) : (
        <p className="pmo-subtle" data-testid="dependency-drilldown-summary">
          {formatCount(open)} open {open === 1 ? 'link' : 'links'}
          {edge.late > 0 ? `, ${formatCount(edge.late)} late` : ''}
          {edge.inCycle > 0 ? `, ${formatCount(edge.inCycle)} in a dependency cycle` : ''}
          {edge.onCriticalPath ? '; on the critical path' : ''}.
          {edge.total > edge.open
            ? ` ${formatCount(edge.total - edge.open)} more ${edge.total - edge.open === 1 ? 'link is' : 'links are'} closed (an end is done) and not listed.`
            : ''}
        </p>
      )}
      {edge !== undefined && links.length < open ? (
        <SectionMessage appearance="information" testId="dependency-drilldown-capped">
          <p>
            Showing {formatCount(links.length)} of {formatCount(open)} links, those in a cycle and late ones
            first. To stay fast, the report lists at most{' '}
            {cap === null ? 'a limited number of' : formatCount(cap)} issue links between projects, shared
            among all project pairs. Jira admins set this limit (the one for date conflicts) under Health
            thresholds in the PMO Portfolio settings.
          </p>
        </SectionMessage>
      ) : null}
      {links.length > 0 ? (
        <ColumnTable
          key={pairKey}
          table={LINKS_TABLE}
          items={sorted}
          context={pair}
          sorting={{ sort, onSort: setSort }}
        />
      ) : null}
    </section>
  );
}
