import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import type { PortfolioChanges } from '@contracts/history';
import { INDICATOR_LABEL } from '@domain/health/indicator-labels';
import { type ReactNode, useMemo, useState } from 'react';
import { useResolver } from '../../shared/api/use-resolver';
import { CallState } from '../../shared/ui/CallState';
import { EmptyMessage } from '../../shared/ui/EmptyMessage';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { type ChangesPeriod, sinceDay } from './periods';

/** Items listed per kind of change before "and N more". */
const SHOWN = 50;

function ChangeList<T>(props: {
  title: string;
  items: readonly T[];
  total?: number;
  testId: string;
  render: (item: T) => ReactNode;
  itemKey: (item: T) => string;
}) {
  if (props.items.length === 0) return null;
  const total = props.total ?? props.items.length;
  const shown = props.items.slice(0, SHOWN);
  return (
    <section className="pmo-changes__group" data-testid={props.testId} data-count={total}>
      <Heading size="xsmall" as="h4">
        {props.title} ({total})
      </Heading>
      <ul className="pmo-changes__list">
        {shown.map((item) => (
          <li key={props.itemKey(item)}>{props.render(item)}</li>
        ))}
      </ul>
      {total > shown.length ? <p className="pmo-subtle">and {total - shown.length} more</p> : null}
    </section>
  );
}

function ChangesBody({ changes }: { changes: PortfolioChanges }) {
  const nothing =
    changes.ragChanges.length +
      changes.newHighRisks.length +
      changes.closedHighRisks.length +
      changes.newlyOverdueTotal +
      changes.gatesPassed.length +
      changes.newConflicts.length +
      changes.resolvedConflicts.length +
      changes.gatesBlocked.length ===
    0;
  if (changes.to === null) {
    return (
      <EmptyMessage
        testId="changes-no-history"
        header="No history yet"
        headingLevel={3}
        description="The portfolio's history starts with its first completed refresh; come back tomorrow to compare."
      />
    );
  }
  if (nothing) {
    return (
      <p data-testid="changes-none">
        Nothing changed between {changes.since ?? 'the first record'} and {changes.to}.
      </p>
    );
  }
  const pair = (entry: { blocker: string; blocked: string }) => (
    <>
      <IssueKeyLink issueKey={entry.blocker} /> blocks <IssueKeyLink issueKey={entry.blocked} />, due earlier
    </>
  );
  return (
    <div className="pmo-changes">
      <ChangeList
        title="Health changes"
        items={changes.ragChanges}
        testId="changes-rag"
        itemKey={(change) => change.projectKey}
        render={(change) => (
          <div data-testid={`rag-change-${change.projectKey}`}>
            <strong>{change.name}</strong> <span className="pmo-key">{change.projectKey}</span>{' '}
            <RagLozenge rag={change.from} /> → <RagLozenge rag={change.to} />
            {change.worse ? <span className="pmo-visually-hidden"> (worse)</span> : null}
            {change.indicators.length > 0 ? (
              <ul className="pmo-changes__reasons">
                {change.indicators.map((indicator) => (
                  <li key={indicator.name}>
                    {INDICATOR_LABEL[indicator.name]}: <RagLozenge rag={indicator.from} /> →{' '}
                    <RagLozenge rag={indicator.to} />
                    {indicator.reason ? <span className="pmo-subtle"> {indicator.reason}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      />
      <ChangeList
        title="New high risks"
        items={changes.newHighRisks}
        testId="changes-new-risks"
        itemKey={(risk) => risk.key}
        render={(risk) => <IssueKeyLink issueKey={risk.key} />}
      />
      <ChangeList
        title="High risks no longer open or high"
        items={changes.closedHighRisks}
        testId="changes-closed-risks"
        itemKey={(risk) => risk.key}
        render={(risk) => <IssueKeyLink issueKey={risk.key} />}
      />
      <ChangeList
        title="Newly overdue"
        items={changes.newlyOverdue}
        total={changes.newlyOverdueTotal}
        testId="changes-overdue"
        itemKey={(issue) => issue.key}
        render={(issue) => (
          <>
            <IssueKeyLink issueKey={issue.key} /> <span className="pmo-subtle">was due {issue.due}</span>
          </>
        )}
      />
      <ChangeList
        title="Gates passed"
        items={changes.gatesPassed}
        testId="changes-gates"
        itemKey={(gate) => gate.key}
        render={(gate) => (
          <>
            <IssueKeyLink issueKey={gate.key} /> entered {gate.to}
            {gate.from ? <span className="pmo-subtle"> (from {gate.from})</span> : null}
          </>
        )}
      />
      <ChangeList
        title="New cross-project date conflicts"
        items={changes.newConflicts}
        testId="changes-new-conflicts"
        itemKey={(entry) => `${entry.blocker}>${entry.blocked}`}
        render={pair}
      />
      <ChangeList
        title="Date conflicts resolved"
        items={changes.resolvedConflicts}
        testId="changes-resolved-conflicts"
        itemKey={(entry) => `${entry.blocker}>${entry.blocked}`}
        render={pair}
      />
      <ChangeList
        title="Gates blocked"
        items={changes.gatesBlocked}
        testId="changes-gates-blocked"
        itemKey={(block) => block.key}
        render={(block) => (
          <>
            <IssueKeyLink issueKey={block.key} /> was stopped before {block.toStatus}
            <span className="pmo-subtle"> ({block.standards.join(', ')} not met)</span>
          </>
        )}
      />
    </div>
  );
}

/** "What changed since …": last week, last month or a chosen day, compared with the latest record. */
export function ChangesSince({ portfolioId, today }: { portfolioId: string; today: string }) {
  const [period, setPeriod] = useState<ChangesPeriod>({ kind: 'week' });
  const since = sinceDay(period, today);
  const payload = useMemo(() => ({ portfolioId, since }), [portfolioId, since]);
  const changes = useResolver('getPortfolioChanges', payload);
  const choice = (kind: 'week' | 'month', label: string) => (
    <Button
      isSelected={period.kind === kind}
      onClick={() => setPeriod({ kind })}
      testId={`changes-since-${kind}`}
    >
      {label}
    </Button>
  );
  return (
    <section className="pmo-section" aria-labelledby="changes-heading" data-testid="changes-since">
      <div className="pmo-section-header">
        <Heading size="medium" as="h2" id="changes-heading">
          What changed since {since}
        </Heading>
        <fieldset className="pmo-inline pmo-fieldset">
          <legend className="pmo-visually-hidden">Compare with</legend>
          {choice('week', 'Last week')}
          {choice('month', 'Last month')}
          <label className="pmo-inline">
            <span>Since</span>
            <input
              type="date"
              className="pmo-date-input"
              max={today}
              value={since}
              onChange={(event) => {
                if (event.target.value) setPeriod({ kind: 'date', day: event.target.value });
              }}
              data-testid="changes-since-date"
            />
          </label>
        </fieldset>
      </div>
      <CallState call={changes} loading="Comparing with the history" what="compare with the history" />
      {changes.data ? (
        <>
          {changes.data.since && changes.data.since !== since ? (
            <p className="pmo-subtle" data-testid="changes-compared-with">
              Nothing was recorded on {since}; compared with {changes.data.since}, the closest day before it.
            </p>
          ) : null}
          <ChangesBody changes={changes.data} />
        </>
      ) : null}
    </section>
  );
}
