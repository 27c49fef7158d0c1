import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { DependencyReport } from '@domain/dependencies/graph';
import { projectOfKey } from '@domain/dependencies/keys';
import { Fragment, type ReactNode } from 'react';
import { formatCount } from '../../shared/lib/format';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import { formatDay } from './dependency-model';

function IssueKey({ issueKey }: { issueKey: string }) {
  return <IssueKeyLink issueKey={issueKey} />;
}

/** Issue keys joined by arrows, as a list a screen reader reads in order. */
function Chain({ keys, label }: { keys: readonly string[]; label: string }) {
  return (
    <ol className="pmo-bare-list pmo-legend-items pmo-deps-chain" aria-label={label}>
      {keys.map((key, i) => (
        <li key={key}>
          {i > 0 ? (
            <span className="pmo-deps-chain__arrow" aria-hidden="true">
              →
            </span>
          ) : null}
          <IssueKey issueKey={key} />
        </li>
      ))}
    </ol>
  );
}

function Section({
  id,
  title,
  count,
  children,
  testId,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="pmo-section pmo-stack--tight" aria-labelledby={id} data-testid={testId}>
      <Heading size="medium" as="h2" id={id}>
        {title} <span className="pmo-deps-count">({formatCount(count)})</span>
      </Heading>
      {children}
    </section>
  );
}

function CappedNote({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="pmo-subtle" data-testid={`capped-${what.replace(/\s+/g, '-')}`}>
      Showing the first {formatCount(shown)} of {formatCount(total)} {what}: the report lists at most{' '}
      {formatCount(shown)} to stay fast. Jira admins set this limit under Health thresholds in the PMO
      Portfolio settings.
    </p>
  );
}

/**
 * A list of findings the report may have capped, as a paginated table after its note (`children`),
 * or the sentence that says there are none.
 */
function FindingsTable({
  rows,
  total,
  what,
  none,
  label,
  head,
  testId,
  children,
}: {
  rows: RowType[];
  total: number;
  what: string;
  none: string;
  label: string;
  head: HeadType;
  testId: string;
  children?: ReactNode;
}) {
  if (rows.length === 0) return <p className="pmo-subtle">{none}</p>;
  return (
    <>
      {children}
      <CappedNote shown={rows.length} total={total} what={what} />
      <DynamicTable label={label} head={head} rows={rows} rowsPerPage={10} testId={testId} />
    </>
  );
}

const chainHead: HeadType = {
  cells: [
    { key: 'key', content: 'Blocked issue', isSortable: true, width: 14 },
    { key: 'depth', content: 'Blockers in a row', isSortable: true, width: 12 },
    { key: 'projects', content: 'Projects', isSortable: true, width: 18 },
    { key: 'chain', content: 'Chain, from the first blocker', width: 56 },
  ],
};

const conflictHead: HeadType = {
  cells: [
    { key: 'blocker', content: 'Blocker', isSortable: true, width: 14 },
    { key: 'blockerDue', content: 'Blocker due', isSortable: true, width: 14 },
    { key: 'blocked', content: 'Blocks', isSortable: true, width: 14 },
    { key: 'blockedDue', content: 'Needed by', isSortable: true, width: 14 },
    { key: 'daysLate', content: 'Days late', isSortable: true, width: 10 },
    { key: 'cross', content: 'Across projects', isSortable: true, width: 12 },
  ],
};

/**
 * The issue-level findings behind the graph: cycles (deadlocks to break), the critical path, the longest
 * blocked chains and the date conflicts, each with its total and a note when the report capped the list.
 */
export function DependencySections({ dependencies }: { dependencies: DependencyReport }) {
  const { cycles, criticalPath, criticalPathLength, blockedChains, conflicts, totals } = dependencies;

  const chainRows: RowType[] = blockedChains.map((chain) => ({
    key: chain.key,
    testId: `blocked-chain-${chain.key}`,
    cells: [
      { key: chain.key, content: <IssueKey issueKey={chain.key} /> },
      { key: chain.depth, content: <span className="pmo-numeric">{chain.depth}</span> },
      { key: chain.projects.join(' '), content: chain.projects.join(', ') },
      { key: 'chain', content: <Chain keys={chain.chain} label={`Chain blocking ${chain.key}`} /> },
    ],
  }));

  const conflictRows: RowType[] = conflicts.map((c) => ({
    key: `${c.blocker.key}>${c.blocked.key}`,
    testId: `date-conflict-${c.blocker.key}-${c.blocked.key}`,
    cells: [
      { key: c.blocker.key, content: <IssueKey issueKey={c.blocker.key} /> },
      { key: c.blocker.due, content: formatDay(c.blocker.due) },
      { key: c.blocked.key, content: <IssueKey issueKey={c.blocked.key} /> },
      { key: c.blocked.due, content: formatDay(c.blocked.due) },
      { key: c.daysLate, content: <Lozenge appearance="removed">{`${c.daysLate} days`}</Lozenge> },
      { key: c.crossProject ? 1 : 0, content: c.crossProject ? 'Yes' : 'No' },
    ],
  }));

  const criticalProjects: string[] = [];
  for (const key of criticalPath) {
    const project = projectOfKey(key);
    if (!criticalProjects.includes(project)) criticalProjects.push(project);
  }

  return (
    <>
      <Section id="deps-cycles" title="Dependency cycles" count={totals.cycles} testId="dependency-cycles">
        {cycles.length === 0 ? (
          <p className="pmo-subtle">No open issues block each other in a circle.</p>
        ) : (
          <>
            <p className="pmo-subtle">
              Each group below blocks itself: none of its issues can finish first. Remove or re-plan one link
              in each.
            </p>
            <ul className="pmo-deps-cycles">
              {cycles.map((cycle) => {
                const projects = [...new Set(cycle.map(projectOfKey))];
                return (
                  <li key={cycle.join(' ')} data-testid={`dependency-cycle-${cycle[0]}`}>
                    <span className="pmo-deps-cycles__meta">
                      {cycle.length} {cycle.length === 1 ? 'issue' : 'issues'} in {projects.join(', ')}:
                    </span>{' '}
                    {cycle.map((key, i) => (
                      <Fragment key={key}>
                        {i > 0 ? ', ' : null}
                        <IssueKey issueKey={key} />
                      </Fragment>
                    ))}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Section>

      <Section
        id="deps-critical"
        title="Critical path"
        count={criticalPath.length}
        testId="dependency-critical-path"
      >
        {criticalPath.length === 0 ? (
          <p className="pmo-subtle">No chain of open blocking links outside cycles.</p>
        ) : (
          <>
            <p className="pmo-subtle">
              The longest chain of open blocking links by remaining work: {formatCount(criticalPathLength)}{' '}
              story points (issues without an estimate count as 1), across {criticalProjects.join(' → ')}.
            </p>
            <Chain keys={criticalPath} label="Critical path, from the first blocker" />
          </>
        )}
      </Section>

      <Section
        id="deps-chains"
        title="Blocked chains"
        count={totals.blockedChains}
        testId="dependency-blocked-chains"
      >
        <FindingsTable
          rows={chainRows}
          total={totals.blockedChains}
          what="blocked chains"
          none="No open issue waits on an open blocker."
          label="Blocked chains, longest first"
          head={chainHead}
          testId="blocked-chains"
        />
      </Section>

      <Section
        id="deps-conflicts"
        title="Date conflicts"
        count={totals.conflicts}
        testId="dependency-conflicts"
      >
        <FindingsTable
          rows={conflictRows}
          total={totals.conflicts}
          what="date conflicts"
          none="No open blocker is due after the issue it blocks."
          label="Date conflicts, latest first"
          head={conflictHead}
          testId="date-conflicts"
        >
          <p className="pmo-subtle">Open blockers due after the issue they block, the latest first.</p>
        </FindingsTable>
      </Section>
    </>
  );
}
