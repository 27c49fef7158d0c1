import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import type { PortfolioReport } from '@domain/portfolio/schema';
import type { RaidLogEntry } from '@domain/risks/raid';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useAuthorisationLog } from '../../shared/authorisation/use-authorisation-log';
import { csvFilename, toCsv } from '../../shared/csv/csv';
import { formatCount } from '../../shared/lib/format';
import { IssueListActions } from '../../shared/portfolio/IssueListActions';
import type { TableSort } from '../../shared/ui/table/table-sort';
import { AuthorisationLog } from './AuthorisationLog';
import { RaidLogTable } from './RaidLogTable';
import { LOG_COPY, LOG_KINDS, type LogColumn, type LogKind, logCsvColumns, sortLog } from './raid-model';

type Sorts = Record<LogKind, TableSort<LogColumn> | null>;
const NO_SORTS: Sorts = { assumptions: null, issues: null, decisions: null };

function LogPanel({
  kind,
  entries,
  names,
  asOf,
  portfolioId,
  sort,
  onSort,
}: {
  kind: LogKind;
  entries: readonly RaidLogEntry[];
  names: ReadonlyMap<string, string>;
  asOf: string;
  portfolioId: string;
  sort: TableSort<LogColumn> | null;
  onSort: (sort: TableSort<LogColumn>) => void;
}) {
  const copy = LOG_COPY[kind];
  const sorted = useMemo(() => sortLog(entries, sort, names), [entries, sort, names]);
  const open = useMemo(() => entries.filter((entry) => entry.open).length, [entries]);
  const build = useCallback(
    () => ({
      filename: csvFilename(copy.title, portfolioId, new Date()),
      csv: toCsv(logCsvColumns(names), sorted),
    }),
    [copy.title, portfolioId, names, sorted],
  );
  if (entries.length === 0) {
    return (
      <EmptyState
        header={`No ${copy.title.toLowerCase()} logged in this portfolio`}
        headingLevel={3}
        headingSize="xsmall"
        description={`The ${copy.singular} log lists Jira issues of the issue types a Jira admin sets for ${copy.title} in the PMO Portfolio settings (by default, “${copy.typeName}”). Create issues of that type in the portfolio's projects, or map the type your site uses.`}
      />
    );
  }
  return (
    <div className="pmo-stack--tight">
      <div className="pmo-section-header">
        <p className="pmo-subtle">
          {formatCount(entries.length)} {entries.length === 1 ? copy.singular : copy.title.toLowerCase()},{' '}
          {formatCount(open)} open
        </p>
        <IssueListActions issues={sorted} noun={copy.singular} build={build} list={kind} />
      </div>
      <RaidLogTable kind={kind} entries={sorted} names={names} asOf={asOf} sort={sort} onSort={onSort} />
    </div>
  );
}

/** The assumptions, issues and decisions logs, one tab each (arrow keys move between tabs). */
export function RaidLogs({
  report,
  names,
  portfolioId,
}: {
  report: PortfolioReport;
  names: ReadonlyMap<string, string>;
  portfolioId: string;
}) {
  const [active, setActive] = useState<LogKind>('assumptions');
  const [sorts, setSorts] = useState<Sorts>(NO_SORTS);
  const tabs = useRef(new Map<LogKind, HTMLButtonElement>());
  const log = useAuthorisationLog();
  // The app's authorisation decisions on this portfolio's candidates join its Jira Decision issues.
  const authorisations = useMemo(() => {
    if (log.status !== 'ready') return [];
    const projects = new Set(report.projects.map((project) => project.key));
    return log.data.decisions.filter((decision) => projects.has(decision.projectKey));
  }, [log, report.projects]);
  const countOf = (kind: LogKind) =>
    report.raid[kind].length + (kind === 'decisions' ? authorisations.length : 0);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = LOG_KINDS.indexOf(active);
    const last = LOG_KINDS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const kind = LOG_KINDS[next] ?? 'assumptions';
    setActive(kind);
    tabs.current.get(kind)?.focus();
  };

  return (
    <section className="pmo-section" aria-labelledby="raid-logs-heading">
      <Heading size="medium" as="h2" id="raid-logs-heading">
        Assumptions, issues and decisions
      </Heading>
      <div role="tablist" aria-label="RAID logs" className="pmo-raid-tabs">
        {LOG_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            id={`raid-tab-${kind}`}
            aria-controls={`raid-panel-${kind}`}
            aria-selected={kind === active}
            tabIndex={kind === active ? 0 : -1}
            className="pmo-raid-tabs__tab"
            data-testid={`raid-tab-${kind}`}
            ref={(element) => {
              if (element) tabs.current.set(kind, element);
              else tabs.current.delete(kind);
            }}
            onClick={() => setActive(kind)}
            onKeyDown={onKeyDown}
          >
            {LOG_COPY[kind].title}
            <span className="pmo-raid-tabs__count">{formatCount(countOf(kind))}</span>
          </button>
        ))}
      </div>
      {LOG_KINDS.map((kind) => (
        <div
          key={kind}
          role="tabpanel"
          id={`raid-panel-${kind}`}
          aria-labelledby={`raid-tab-${kind}`}
          hidden={kind !== active}
          className="pmo-raid-tabs__panel"
          data-testid={`raid-log-${kind}`}
          data-rows={report.raid[kind].length}
        >
          {kind === 'decisions' ? (
            <AuthorisationLog decisions={authorisations} failed={log.status === 'error'} />
          ) : null}
          <LogPanel
            kind={kind}
            entries={report.raid[kind]}
            names={names}
            asOf={report.asOf}
            portfolioId={portfolioId}
            sort={sorts[kind]}
            onSort={(sort) => setSorts((current) => ({ ...current, [kind]: sort }))}
          />
        </div>
      ))}
    </section>
  );
}
