import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import type { RefreshRun } from '@domain/portfolio/schema';
import { useResolver } from '../../../shared/api/use-resolver';
import { useResolverAction } from '../../../shared/api/use-resolver-action';
import { formatTimestamp } from '../../../shared/lib/format';

const points = new Intl.NumberFormat('en');

const STATUS_APPEARANCE = {
  queued: 'default',
  running: 'inprogress',
  deferred: 'moved',
  done: 'success',
  failed: 'removed',
} as const;

const TRIGGERS: Record<string, string> = {
  schedule: 'Schedule',
  user: 'Refresh button',
  'first-view': 'First view',
  admin: 'Admin',
};

/**
 * The refresh runs of one saved portfolio: when, why, how (full or only what changed), how far,
 * and the Jira points each spent, so an admin can see what the app costs the site's quota.
 */
export function RefreshHistory({ portfolioId, testId }: { portfolioId: string; testId: string }) {
  const status = useResolver('getRefreshStatus', { portfolioId });
  const refresh = useResolverAction('refreshPortfolio');
  if (status.status === 'loading') return <p className="pmo-subtle">Loading refresh history…</p>;
  if (status.status === 'error') {
    return (
      <p className="pmo-subtle" data-testid={`${testId}-history-unavailable`}>
        {status.error.code === 'NOT_FOUND'
          ? 'Refreshes show here once the portfolio is published.'
          : `Refresh history unavailable: ${status.error.message}`}
      </p>
    );
  }
  const { history, asOf } = status.data;
  const running = history[0] && ['queued', 'running', 'deferred'].includes(history[0].status);
  return (
    <div className="pmo-stack--tight" data-testid={`${testId}-history`}>
      <div className="pmo-section-header">
        <p className="pmo-subtle">
          {asOf ? `Data as of ${formatTimestamp(asOf) ?? asOf}.` : 'Not read from Jira yet.'}
        </p>
        <Button
          onClick={() => {
            void refresh.run({ portfolioId }).finally(status.reload);
          }}
          isLoading={refresh.pending}
          isDisabled={Boolean(running)}
          testId={`${testId}-refresh-now`}
        >
          Refresh now
        </Button>
      </div>
      {history.length === 0 ? null : (
        <DynamicTable
          caption="Recent refreshes"
          head={{
            cells: ['Started', 'Why', 'Read', 'Status', 'Projects', 'Jira points'].map((content) => ({
              key: content,
              content,
            })),
          }}
          rows={history.map((run: RefreshRun) => ({
            key: String(run.seq),
            testId: `${testId}-run-${run.seq}`,
            cells: [
              { key: 'started', content: formatTimestamp(run.startedAt) ?? run.startedAt },
              { key: 'why', content: TRIGGERS[run.trigger] ?? run.trigger },
              {
                key: 'read',
                content:
                  run.mode === 'incremental' ? 'What changed' : run.mode === 'full' ? 'Everything' : '—',
              },
              {
                key: 'status',
                content: (
                  <span>
                    <Lozenge appearance={STATUS_APPEARANCE[run.status]}>{run.status}</Lozenge>
                    {run.reason ? <span className="pmo-subtlest"> {run.reason}</span> : null}
                  </span>
                ),
              },
              {
                key: 'projects',
                content:
                  run.projectsTotal === null
                    ? run.projectsDone
                    : `${run.projectsDone} of ${run.projectsTotal}`,
              },
              { key: 'points', content: points.format(run.points) },
            ],
          }))}
          testId={`${testId}-runs`}
        />
      )}
    </div>
  );
}
