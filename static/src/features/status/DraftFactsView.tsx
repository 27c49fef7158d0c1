import Heading from '@atlaskit/heading';
import type { DraftFacts } from '@domain/status/update';
import type { ReactNode } from 'react';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';
import { RagLozenge } from '../../shared/ui/RagLozenge';

function FactSection({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="pmo-status-facts__section" data-testid={testId}>
      <Heading size="xsmall" as="h4">
        {title}
      </Heading>
      {children}
    </section>
  );
}

const summaryOf = (summary: string | null) => (summary ? ` ${summary}` : ' (details restricted)');

/** An issue named by its key (a link) and summary. */
function Mention({ issue }: { issue: { key: string; summary: string | null } }) {
  return (
    <>
      <IssueKeyLink issueKey={issue.key} />
      {summaryOf(issue.summary)}
    </>
  );
}

/** A fact's items as a list (with how many more there are), or the sentence that says there are none. */
function FactList<T>({
  items,
  none,
  itemKey,
  more = 0,
  children,
}: {
  items: readonly T[];
  none: string;
  itemKey: (item: T) => string;
  more?: number;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="pmo-subtle">{none}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={itemKey(item)}>{children(item)}</li>
      ))}
      {more > 0 ? <li className="pmo-subtle">and {more} more</li> : null}
    </ul>
  );
}

/** What the data says about a project, drafted for its status update. */
export function DraftFactsView({ facts }: { facts: DraftFacts }) {
  return (
    <div className="pmo-status-facts" data-testid="status-facts">
      <FactSection title="Health" testId="facts-health">
        <p>
          <RagLozenge rag={facts.health.computedRag} />{' '}
          {facts.health.reasons.length === 0 ? 'No indicator is amber or red.' : null}
        </p>
        {facts.health.reasons.length > 0 ? (
          <ul>
            {facts.health.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
      </FactSection>
      <FactSection
        title={facts.changesSince ? `What changed since ${facts.changesSince}` : 'What changed'}
        testId="facts-changes"
      >
        <FactList items={facts.changes} none="No earlier recorded day to compare with yet." itemKey={String}>
          {(change) => change}
        </FactList>
      </FactSection>
      <FactSection title="Top open risks" testId="facts-risks">
        <FactList items={facts.topRisks} none="No open risk." itemKey={(risk) => risk.key}>
          {(risk) => (
            <>
              <Mention issue={risk} />: score {risk.score} ({risk.level})
            </>
          )}
        </FactList>
      </FactSection>
      <FactSection title="Gates and due work in the next two weeks" testId="facts-upcoming">
        <FactList
          items={facts.upcoming}
          none="Nothing due in the next two weeks."
          itemKey={(item) => item.key}
          more={facts.upcomingTotal - facts.upcoming.length}
        >
          {(item) => (
            <>
              <Mention issue={item} />: {item.detail}
            </>
          )}
        </FactList>
      </FactSection>
      <FactSection title="Overdue work" testId="facts-overdue">
        {facts.overdue.count === 0 ? (
          <p className="pmo-subtle">Nothing open is past its due date.</p>
        ) : (
          <>
            <p>
              {facts.overdue.count} open {facts.overdue.count === 1 ? 'issue is' : 'issues are'} past due
              {facts.overdue.count > facts.overdue.examples.length ? ', the oldest:' : ':'}
            </p>
            <ul>
              {facts.overdue.examples.map((item) => (
                <li key={item.key}>
                  <Mention issue={item} />: due {item.due}
                </li>
              ))}
            </ul>
          </>
        )}
      </FactSection>
      <FactSection title="Cross-project conflicts" testId="facts-conflicts">
        <FactList
          items={facts.conflicts}
          none="No cross-project date conflict."
          itemKey={(conflict) => `${conflict.blocker}>${conflict.blocked}`}
        >
          {(conflict) => conflict.text}
        </FactList>
      </FactSection>
    </div>
  );
}
