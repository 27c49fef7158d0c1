import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { DecisionView } from '@contracts/authorisation';
import { useMemo } from 'react';
import { DecisionLozenge } from '../../shared/authorisation/DecisionLozenge';
import { decisionScoreText } from '../../shared/authorisation/decision-format';
import { formatTimestamp } from '../../shared/lib/format';
import { IssueKeyLink } from '../../shared/ui/IssueKeyLink';

const ROWS_PER_PAGE = 10;

const head: HeadType = {
  cells: [
    { key: 'candidate', content: 'Candidate', width: 30 },
    { key: 'decision', content: 'Decision', width: 18 },
    { key: 'reason', content: 'Reason', width: 24 },
    { key: 'score', content: 'Score decided on', width: 14 },
    { key: 'by', content: 'By', width: 14 },
  ],
};

function rowOf(decision: DecisionView): RowType {
  return {
    key: `${decision.issueId}/${decision.id}`,
    testId: `authorisation-row-${decision.issueKey}`,
    cells: [
      {
        key: 'candidate',
        content: (
          <span>
            <IssueKeyLink issueKey={decision.issueKey} /> {decision.summary}
          </span>
        ),
      },
      {
        key: 'decision',
        content: (
          <span>
            <Lozenge appearance="new">Authorisation</Lozenge> <DecisionLozenge decision={decision} />
          </span>
        ),
      },
      { key: 'reason', content: <span className="pmo-raid-reason">{decision.reason || '–'}</span> },
      {
        key: 'score',
        content: `${decisionScoreText(decision.score)}${decision.rank === null ? '' : `, rank ${decision.rank}`}`,
      },
      {
        key: 'by',
        content: (
          <span>
            {decision.byName}
            <br />
            <span className="pmo-subtle">{formatTimestamp(decision.at)}</span>
          </span>
        ),
      },
    ],
  };
}

/**
 * Authorisation decisions at the Inception gate on the portfolio's candidates (the app's own
 * records, newest first), shown in the decision log above the Jira Decision issues.
 */
export function AuthorisationLog({
  decisions,
  failed,
}: {
  decisions: readonly DecisionView[];
  failed: boolean;
}) {
  const rows = useMemo(() => decisions.map(rowOf), [decisions]);
  if (failed) {
    return (
      <SectionMessage appearance="warning" testId="authorisation-log-error">
        <p>The authorisation decisions could not be loaded; the Jira Decision issues below are complete.</p>
      </SectionMessage>
    );
  }
  if (decisions.length === 0) return null;
  return (
    <div className="pmo-stack--tight" data-testid="authorisation-log">
      <Heading size="xsmall" as="h3">
        Authorisations at the Inception gate
      </Heading>
      <DynamicTable
        label="Authorisation decisions"
        head={head}
        rows={rows}
        rowsPerPage={ROWS_PER_PAGE}
        defaultPage={1}
      />
    </div>
  );
}
