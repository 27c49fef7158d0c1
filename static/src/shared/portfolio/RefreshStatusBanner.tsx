import SectionMessage from '@atlaskit/section-message';
import type { PortfolioReport, RefreshRun } from '@domain/portfolio/schema';
import { errorTitle } from '../api/invoke-error';
import type { UseResolver } from '../api/use-resolver';
import { formatTimestamp } from '../lib/format';
import type { RefreshRunState } from './use-refresh-run';

const points = new Intl.NumberFormat('en');

/** "Reading Jira: 5 of 12 projects, 1,234 points so far" while a refresh runs. */
export function RefreshProgress({ run }: { run: RefreshRun }) {
  const total = run.projectsTotal;
  const progress =
    total === null ? 'planning' : `${run.projectsDone} of ${total} project${total === 1 ? '' : 's'}`;
  if (run.status === 'deferred') {
    const until = run.deferredUntil ? formatTimestamp(run.deferredUntil) : null;
    return (
      <SectionMessage
        appearance="information"
        title="Refresh waiting for Jira's hourly quota"
        testId="refresh-progress"
      >
        <p>
          {progress} read so far ({points.format(run.points)} points). It goes on
          {until ? ` at ${until}` : ' within the hour'}, leaving the rest of the site's quota to its people
          and other apps. The figures below stay as they were until it completes.
        </p>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="information" title="Refreshing from Jira" testId="refresh-progress">
      <p>
        {run.mode === 'incremental' ? 'Reading what changed since the last refresh' : 'Reading the portfolio'}
        : {progress}, {points.format(run.points)} Jira points so far. The figures below are from the last
        complete refresh until it is done.
      </p>
    </SectionMessage>
  );
}

/** Said when the snapshot shown is stale: the last refresh failed, or it is older than twice the cadence. */
export function StaleSnapshotWarning({ report }: { report: PortfolioReport }) {
  const snapshot = report.meta.snapshot;
  if (!snapshot?.stale) return null;
  const asOf = formatTimestamp(snapshot.asOf) ?? snapshot.asOf;
  return (
    <SectionMessage appearance="warning" title={`These figures are as of ${asOf}`} testId="stale-snapshot">
      <p>{snapshot.staleReason ?? 'The data is older than expected.'} Refresh to read Jira again.</p>
    </SectionMessage>
  );
}

/** What every portfolio view says about refreshing: a run's progress, a failed start, a stale snapshot. */
export function RefreshNotices({
  refresh,
  report,
}: {
  refresh: RefreshRunState;
  report: UseResolver<PortfolioReport>;
}) {
  return (
    <>
      {refresh.active && refresh.run ? <RefreshProgress run={refresh.run} /> : null}
      {refresh.startError ? (
        <SectionMessage appearance="warning" title={errorTitle(refresh.startError.code)}>
          <p>The refresh could not start. {refresh.startError.message}</p>
        </SectionMessage>
      ) : null}
      {report.status === 'ready' && !refresh.active ? <StaleSnapshotWarning report={report.data} /> : null}
    </>
  );
}
