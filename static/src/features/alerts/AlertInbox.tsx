import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { AlertView, InboxAnswer } from '@contracts/alerts';
import { ALERT_EVENT_LABELS } from '@domain/alerts/subscriptions';
import { useState } from 'react';
import type { UseResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';
import { formatTimestamp } from '../../shared/lib/format';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { ErrorState } from '../../shared/ui/ErrorState';
import { JiraLink } from '../../shared/ui/JiraLink';
import { LoadingState } from '../../shared/ui/LoadingState';

const APPEARANCE = { red: 'removed', amber: 'moved' } as const;

function AlertItem({
  alert,
  onOpen,
  busy,
}: {
  alert: AlertView;
  onOpen: (alert: AlertView) => void;
  busy: boolean;
}) {
  return (
    <li
      className={`pmo-alerts__item${alert.read ? '' : ' pmo-alerts__item--unread'}`}
      data-testid="alert-item"
      data-kind={alert.kind}
      data-read={alert.read}
    >
      <div className="pmo-row pmo-row--wrap pmo-spread">
        <Lozenge appearance={alert.rag ? APPEARANCE[alert.rag] : 'default'}>
          {ALERT_EVENT_LABELS[alert.kind]}
        </Lozenge>
        {alert.read ? null : <span className="pmo-visually-hidden">Unread</span>}
        <span className="pmo-subtle">{formatTimestamp(alert.at) ?? alert.at}</span>
      </div>
      <p className="pmo-alerts__text">{alert.text}</p>
      <div className="pmo-row pmo-row--wrap pmo-spread">
        <span className="pmo-subtle">{alert.portfolioName}</span>
        <span onClickCapture={() => onOpen(alert)}>
          <JiraLink url={alert.url} testId="alert-link">
            Open {alert.issueKey ?? alert.projectKey} in Jira
          </JiraLink>
        </span>
        {alert.read ? null : (
          <Button
            appearance="subtle"
            spacing="compact"
            isDisabled={busy}
            onClick={() => onOpen(alert)}
            testId="alert-mark-read"
          >
            Mark read
          </Button>
        )}
      </div>
    </li>
  );
}

/** The viewer's alerts for the portfolio shown, newest first; opening one marks it read. */
export function AlertInbox({ inbox }: { inbox: UseResolver<InboxAnswer> }) {
  const mark = useResolverAction('markAlertsRead');
  const [failed, setFailed] = useState<string | null>(null);
  const { reload } = inbox;
  const markRead = async (payload: { ids: string[] } | { all: true }) => {
    setFailed(null);
    try {
      await mark.run(payload);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : 'The alerts could not be marked read.');
    }
    reload();
  };
  if (inbox.status === 'loading') return <LoadingState label="Loading your alerts" />;
  if (inbox.status === 'error') return <ErrorState error={inbox.error} what="your alerts" onRetry={reload} />;
  const { alerts, unread } = inbox.data;
  if (alerts.length === 0) {
    return (
      <EmptyMessage
        testId="alerts-empty"
        header="No alerts"
        headingLevel={3}
        description="Subscribe to this portfolio or one of its projects; alerts arrive after each refresh."
      />
    );
  }
  return (
    <div className="pmo-stack">
      <div className="pmo-row pmo-row--wrap pmo-spread">
        <span data-testid="alerts-summary">
          {unread === 0 ? 'All read' : `${unread} unread`} · {alerts.length} shown
        </span>
        <Button
          appearance="default"
          isDisabled={unread === 0 || mark.pending}
          onClick={() => void markRead({ all: true })}
          testId="alerts-mark-all"
        >
          Mark all read
        </Button>
      </div>
      {failed ? (
        <p role="alert" className="pmo-alerts__error">
          {failed}
        </p>
      ) : null}
      <ul className="pmo-alerts__list" aria-label="Alerts, newest first">
        {alerts.map((alert) => (
          <AlertItem
            key={alert.id}
            alert={alert}
            busy={mark.pending}
            onOpen={(opened) => {
              if (!opened.read) void markRead({ ids: [opened.id] });
            }}
          />
        ))}
      </ul>
    </div>
  );
}
