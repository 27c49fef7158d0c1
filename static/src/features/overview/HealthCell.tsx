import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { RagLozenge } from '../../shared/ui/RagLozenge';
import { type HealthState, overrideByline, projectHealth } from './project-health';

/**
 * A project's RAG as a lozenge with the reason of its worst indicator under it. A manual override shows
 * who set it, when and why, and the computed RAG with its reason stays beside it. "All indicators"
 * opens the project's drill-down. Reasons are rendered as text nodes, never as HTML. While the report
 * is computed: a spinner; after it failed: an em dash.
 */
export function HealthCell({
  state,
  projectKey,
  projectName,
  onShowIndicators,
}: {
  state: HealthState;
  projectKey: string;
  projectName: string;
  onShowIndicators: (projectKey: string) => void;
}) {
  const testId = `health-${projectKey}`;
  if (state.status === 'loading') {
    return (
      <span className="pmo-health pmo-health--pending" data-testid={testId}>
        <Spinner size="small" label={`Computing the health of ${projectKey}`} />
        <span className="pmo-subtle" aria-hidden="true">
          Computing…
        </span>
      </span>
    );
  }
  const health = projectHealth(state, projectKey);
  if (health === undefined) {
    return (
      <span className="pmo-health pmo-subtle" data-testid={testId} title="Health could not be computed">
        —
      </span>
    );
  }
  const { override, computed } = health;
  return (
    <span className="pmo-health" data-testid={testId} data-rag={health.rag} data-computed-rag={computed.rag}>
      <span className="pmo-health__rag">
        <RagLozenge rag={health.rag} />
        {override ? <span className="pmo-health__tag">Set by the PMO</span> : null}
      </span>
      {override ? (
        <>
          <span className="pmo-health__reason" data-testid={`${testId}-override`}>
            {override.reason}
            <span className="pmo-health__byline"> ({overrideByline(override)})</span>
          </span>
          <span className="pmo-health__computed" data-testid={`${testId}-computed`}>
            <span>Computed:</span> <RagLozenge rag={computed.rag} />
            {computed.reason ? <span className="pmo-health__reason"> {computed.reason}</span> : null}
          </span>
        </>
      ) : health.reason ? (
        <span className="pmo-health__reason">{health.reason}</span>
      ) : null}
      {state.status === 'ready' && state.byKey.has(projectKey) ? (
        <Button
          appearance="subtle"
          spacing="compact"
          onClick={() => onShowIndicators(projectKey)}
          aria-label={`All indicators of ${projectName}`}
          testId={`show-indicators-${projectKey}`}
        >
          All indicators
        </Button>
      ) : null}
    </span>
  );
}
