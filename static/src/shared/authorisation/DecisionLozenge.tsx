import Lozenge from '@atlaskit/lozenge';
import { type DecisionRecord, outcomeLabel } from '@domain/scoring/decision';

const APPEARANCE = { approved: 'success', deferred: 'moved', rejected: 'removed' } as const;

/** A decision's outcome as a lozenge: "Approved", "Approved (moved in Jira)", "Deferred", "Rejected". */
export function DecisionLozenge({
  decision,
  testId,
}: {
  decision: Pick<DecisionRecord, 'outcome' | 'source'>;
  testId?: string;
}) {
  return (
    <Lozenge appearance={APPEARANCE[decision.outcome]} {...(testId ? { testId } : {})}>
      {outcomeLabel(decision)}
    </Lozenge>
  );
}
