import type { DecisionView } from '@contracts/authorisation';
import { DecisionLozenge } from '../../shared/authorisation/DecisionLozenge';
import { formatTimestamp } from '../../shared/lib/format';

/** A candidate's newest authorisation decision at the Inception gate, or a dash before any. */
export function DecisionCell({
  decision,
  issueKey,
}: {
  decision: DecisionView | undefined;
  issueKey: string;
}) {
  if (!decision) return <span className="pmo-subtle">–</span>;
  const when = formatTimestamp(decision.at) ?? decision.at;
  return (
    <span
      title={`${decision.byName}, ${when}${decision.reason ? `: ${decision.reason}` : ''}`}
      data-testid={`decision-badge-${issueKey}`}
    >
      <DecisionLozenge decision={decision} />
    </span>
  );
}
