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
        {facts.changes.length === 0 ? (
          <p className="pmo-subtle">No earlier recorded day to compare with yet.</p>
        ) : (
          <ul>
            {facts.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        )}
      </FactSection>
      <FactSection title="Top open risks" testId="facts-risks">
        {facts.topRisks.length === 0 ? (
          <p className="pmo-subtle">No open risk.</p>
        ) : (
          <ul>
            {facts.topRisks.map((risk) => (
              <li key={risk.key}>
                <IssueKeyLink issueKey={risk.key} />
                {summaryOf(risk.summary)}: score {risk.score} ({risk.level})
              </li>
            ))}
          </ul>
        )}
      </FactSection>
      <FactSection title="Gates and due work in the next two weeks" testId="facts-upcoming">
        {facts.upcoming.length === 0 ? (
          <p className="pmo-subtle">Nothing due in the next two weeks.</p>
        ) : (
          <ul>
            {facts.upcoming.map((item) => (
              <li key={item.key}>
                <IssueKeyLink issueKey={item.key} />
                {summaryOf(item.summary)}: {item.detail}
              </li>
            ))}
            {facts.upcomingTotal > facts.upcoming.length ? (
              <li className="pmo-subtle">and {facts.upcomingTotal - facts.upcoming.length} more</li>
            ) : null}
          </ul>
        )}
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
                  <IssueKeyLink issueKey={item.key} />
                  {summaryOf(item.summary)}: due {item.due}
                </li>
              ))}
            </ul>
          </>
        )}
      </FactSection>
      <FactSection title="Cross-project conflicts" testId="facts-conflicts">
        {facts.conflicts.length === 0 ? (
          <p className="pmo-subtle">No cross-project date conflict.</p>
        ) : (
          <ul>
            {facts.conflicts.map((conflict) => (
              <li key={`${conflict.blocker}>${conflict.blocked}`}>{conflict.text}</li>
            ))}
          </ul>
        )}
      </FactSection>
    </div>
  );
}
