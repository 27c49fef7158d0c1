import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { RAG_APPEARANCE, RAG_LABEL } from '../../shared/ui/rag';
import { type HealthState, projectHealth } from './project-health';

/**
 * A project's RAG as a lozenge with the reason of its worst indicator under it. The reason is rendered
 * as a text node, never as HTML. While the report is computed: a spinner; after it failed: an em dash.
 */
export function HealthCell({ state, projectKey }: { state: HealthState; projectKey: string }) {
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
  return (
    <span className="pmo-health" data-testid={testId} data-rag={health.rag}>
      <span>
        <Lozenge appearance={RAG_APPEARANCE[health.rag]}>{RAG_LABEL[health.rag]}</Lozenge>
      </span>
      {health.reason ? <span className="pmo-health__reason">{health.reason}</span> : null}
    </span>
  );
}
