import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import type { TrackingIssue } from '@domain/config/schema';
import { useResolver } from '../../../shared/api/use-resolver';
import { formatTimestamp } from '../../../shared/lib/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { problemsAt } from '../draft/validation';
import type { EditorProps } from '../editor-props';
import type { Choice } from '../ui/choices';
import { RowButton } from '../ui/RowButton';
import { SectionIntro } from '../ui/SectionIntro';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextFields';

const NO_PAYLOAD = {};

const targetValue = (target: TrackingIssue['target']) =>
  target.kind === 'portfolio' ? `portfolio|${target.portfolioId}` : `project|${target.projectKey}`;

function targetOf(value: string): TrackingIssue['target'] {
  const [kind, id = ''] = value.split('|');
  return kind === 'project' ? { kind: 'project', projectKey: id } : { kind: 'portfolio', portfolioId: id };
}

const STATUS_APPEARANCE = { sent: 'success', failed: 'removed', skipped: 'default' } as const;

/** The last e-mails the app asked Jira to send, failures first in mind: read-only, for editors. */
function RecentSends() {
  const status = useResolver('getNotificationStatus', NO_PAYLOAD);
  if (status.status === 'loading') return <LoadingState label="Loading the last e-mails" />;
  if (status.status === 'error')
    return <ErrorState error={status.error} what="the last e-mails" onRetry={status.reload} />;
  const { sends, failures } = status.data;
  return (
    <div className="pmo-stack" data-testid="notifications-sends">
      <Heading size="small" as="h3">
        Last e-mails
      </Heading>
      <p className="pmo-subtle">
        {sends.length === 0
          ? 'No digest has been e-mailed yet.'
          : `${sends.length} most recent; ${failures} failed (failed daily digests are tried again the next day).`}
      </p>
      {sends.length > 0 ? (
        <table className="pmo-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Digest</th>
              <th scope="col">To</th>
              <th scope="col">On issue</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {sends.map((send) => (
              <tr
                key={`${send.at}-${send.recipient}-${send.issueKey ?? ''}`}
                data-testid="notifications-send"
              >
                <td>{formatTimestamp(send.at) ?? send.at}</td>
                <td>
                  {send.kind === 'daily'
                    ? `Daily, ${send.alerts} alert${send.alerts === 1 ? '' : 's'}`
                    : 'Weekly PMO'}
                </td>
                <td>{send.recipient}</td>
                <td>{send.issueKey ?? '—'}</td>
                <td>
                  <Lozenge appearance={STATUS_APPEARANCE[send.status]}>{send.status}</Lozenge>
                  {send.reason ? <div className="pmo-subtle">{send.reason}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/**
 * Notifications: the tracking issue per portfolio or project on which Jira e-mails alert digests
 * (Jira's notify sends mail "about" an issue), and what was sent lately.
 */
export function NotificationsSection({ config, update, problems, catalog, readOnly }: EditorProps) {
  const tracking = config.notifications.trackingIssues;
  const targets: Choice[] = [
    { value: 'portfolio|all', label: 'Portfolio: All projects' },
    ...config.portfolios.map((portfolio) => ({
      value: `portfolio|p:${portfolio.id}`,
      label: `Portfolio: ${portfolio.name}`,
    })),
    ...catalog.categories.map((category) => ({
      value: `portfolio|category:${category.id}`,
      label: `Category portfolio: ${category.name}`,
    })),
    ...catalog.projects.map((project) => ({
      value: `project|${project.key}`,
      label: `Project: ${project.key} (${project.name})`,
    })),
  ];
  const setRows = (rows: TrackingIssue[]) =>
    update((draft) => ({ ...draft, notifications: { ...draft.notifications, trackingIssues: rows } }));
  const change = (index: number, patch: Partial<TrackingIssue>) =>
    setRows(tracking.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="pmo-stack">
      <SectionIntro section="notifications">
        People who opt in get their alerts once a day, and the weekly PMO digest, as Jira's own notification
        e-mail. Jira sends it about an issue: pick a tracking issue per portfolio, or per project (a project's
        wins over its portfolio's). Each e-mail names only what its recipient can browse.
      </SectionIntro>
      {tracking.length === 0 ? (
        <p className="pmo-subtle">No tracking issue yet: nothing is e-mailed.</p>
      ) : null}
      <ul className="pmo-bare-list" data-testid="tracking-issues">
        {tracking.map((row, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own, and typing in one must keep its inputs
            key={index}
            className="pmo-toolbar pmo-tracking-row"
            data-testid="tracking-issue"
          >
            <SelectField
              label="E-mails about"
              value={targetValue(row.target)}
              options={targets}
              onChange={(value) => change(index, { target: targetOf(value) })}
              problems={problemsAt(problems, ['notifications', 'trackingIssues', index, 'target'])}
              testId={`tracking-target-${index}`}
            />
            <TextField
              label="Tracking issue"
              value={row.issueKey}
              onChange={(issueKey) => change(index, { issueKey: issueKey.trim().toUpperCase() })}
              problems={problemsAt(problems, ['notifications', 'trackingIssues', index, 'issueKey'])}
              placeholder="PMO-1"
              maxLength={64}
              width="medium"
              testId={`tracking-issue-${index}`}
            />
            {readOnly ? null : (
              <RowButton
                label={`Remove the tracking issue ${row.issueKey}`}
                action="remove"
                onClick={() => setRows(tracking.filter((_, at) => at !== index))}
                testId={`tracking-remove-${index}`}
              />
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <div>
          <Button
            onClick={() =>
              setRows([...tracking, { target: { kind: 'portfolio', portfolioId: 'all' }, issueKey: '' }])
            }
            testId="tracking-add"
          >
            Add a tracking issue
          </Button>
        </div>
      )}
      <RecentSends />
    </div>
  );
}
