import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { ALERT_EVENT_LABELS, AlertEventKind, type Subscriptions } from '@domain/alerts/subscriptions';
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';
import { usePortfolioReport } from '../../shared/portfolio/portfolio-report-context';
import { ErrorState } from '../../shared/ui/ErrorState';
import { LoadingState } from '../../shared/ui/LoadingState';

const NO_PAYLOAD = {};
const WHOLE_PORTFOLIO = '';

/** The two e-mail choices: a field of the stored subscriptions each. */
const EMAIL_CHOICES: readonly { field: 'emailDigest' | 'weeklyDigest'; label: string; testId: string }[] = [
  { field: 'emailDigest', label: 'Send me my alerts once a day', testId: 'alerts-email-daily' },
  {
    field: 'weeklyDigest',
    label: 'Send me the weekly PMO digest of my subscribed portfolios',
    testId: 'alerts-email-weekly',
  },
];

/**
 * The viewer's own subscriptions for the portfolio shown (the whole portfolio or one project), and
 * whether the alerts also come by e-mail. Each change is saved at once.
 */
export function AlertSubscriptions({ portfolioId }: { portfolioId: string }) {
  const stored = useResolver('getAlertSubscriptions', NO_PAYLOAD);
  const save = useResolverAction('saveAlertSubscriptions');
  const { report } = usePortfolioReport();
  const [target, setTarget] = useState(WHOLE_PORTFOLIO);
  const [events, setEvents] = useState<AlertEventKind[]>([]);
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const targetId = useId();
  const current = stored.data;
  const projectKey = target === WHOLE_PORTFOLIO ? null : target;

  // The form shows what is stored for the chosen target.
  useEffect(() => {
    const found = current?.subscriptions.find(
      (subscription) => subscription.portfolioId === portfolioId && subscription.projectKey === projectKey,
    );
    setEvents(found ? found.events : []);
  }, [current, portfolioId, projectKey]);

  if (stored.status === 'loading') return <LoadingState label="Loading your subscriptions" />;
  if (stored.status === 'error')
    return <ErrorState error={stored.error} what="your subscriptions" onRetry={stored.reload} />;
  const subscriptions = stored.data;

  const persist = async (next: Subscriptions, done: string) => {
    setMessage(null);
    try {
      await save.run(next);
      setMessage({ kind: 'saved', text: done });
      stored.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'Not saved.' });
    }
  };
  const others = subscriptions.subscriptions.filter(
    (subscription) => !(subscription.portfolioId === portfolioId && subscription.projectKey === projectKey),
  );
  const saveTarget = () =>
    persist(
      {
        ...subscriptions,
        subscriptions: events.length === 0 ? others : [...others, { portfolioId, projectKey, events }],
      },
      events.length === 0 ? 'Subscription removed.' : 'Subscription saved.',
    );
  const projects = report.data?.projects ?? [];
  const mine = subscriptions.subscriptions.filter((subscription) => subscription.portfolioId === portfolioId);

  return (
    <div className="pmo-stack" data-testid="alerts-subscriptions">
      <div className="pmo-column">
        <label htmlFor={targetId} className="pmo-alerts__label">
          Alert me about
        </label>
        <select
          id={targetId}
          className="pmo-native-select"
          value={target}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => setTarget(event.target.value)}
          data-testid="alerts-target"
        >
          <option value={WHOLE_PORTFOLIO}>Every project of this portfolio</option>
          {projects.map((project) => (
            <option key={project.key} value={project.key}>
              {project.key}: {project.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="pmo-alerts__fieldset">
        <legend className="pmo-alerts__label">When</legend>
        {AlertEventKind.options.map((kind) => (
          <Checkbox
            key={kind}
            label={ALERT_EVENT_LABELS[kind]}
            isChecked={events.includes(kind)}
            onChange={(event) =>
              setEvents((chosen) =>
                event.target.checked ? [...chosen, kind] : chosen.filter((entry) => entry !== kind),
              )
            }
            testId={`alerts-event-${kind}`}
          />
        ))}
      </fieldset>
      <div>
        <Button
          appearance="primary"
          onClick={() => void saveTarget()}
          isDisabled={save.pending}
          testId="alerts-save"
        >
          Save subscription
        </Button>
      </div>
      <fieldset className="pmo-alerts__fieldset">
        <legend className="pmo-alerts__label">By e-mail (Jira's notification e-mail)</legend>
        {EMAIL_CHOICES.map(({ field, label, testId }) => (
          <Checkbox
            key={field}
            label={label}
            isChecked={subscriptions[field]}
            isDisabled={save.pending}
            onChange={(event) =>
              void persist({ ...subscriptions, [field]: event.target.checked }, 'E-mail choice saved.')
            }
            testId={testId}
          />
        ))}
      </fieldset>
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'pmo-alerts__error' : 'pmo-subtle'}
          data-testid="alerts-save-message"
        >
          {message.text}
        </p>
      ) : null}
      <div>
        <h3 className="pmo-alerts__label">Your subscriptions in this portfolio</h3>
        {mine.length === 0 ? (
          <p className="pmo-subtle">None yet.</p>
        ) : (
          <ul className="pmo-alerts__subs" data-testid="alerts-my-subscriptions">
            {mine.map((subscription) => (
              <li key={subscription.projectKey ?? WHOLE_PORTFOLIO}>
                <strong>{subscription.projectKey ?? 'Every project'}</strong>:{' '}
                {subscription.events.map((kind) => ALERT_EVENT_LABELS[kind].toLowerCase()).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
