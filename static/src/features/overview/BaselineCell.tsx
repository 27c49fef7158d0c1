import Lozenge from '@atlaskit/lozenge';
import { NO_BASELINE_REASON } from '@domain/health/health';
import { formatScopeChange, formatVarianceDays } from '../../shared/lib/variance-format';
import { RAG_APPEARANCE } from '../../shared/ui/rag';
import { type HealthState, projectHealth } from './project-health';

const FORMAT = { variance: formatVarianceDays, scope: formatScopeChange } as const;

/**
 * A project's schedule variance (days late, negative early) or scope change (%) against its newest
 * baseline, coloured by the indicator's RAG, with the indicator's reason on hover.
 */
export function BaselineCell({
  state,
  projectKey,
  column,
}: {
  state: HealthState;
  projectKey: string;
  column: 'variance' | 'scope';
}) {
  const testId = `${column}-${projectKey}`;
  if (state.status !== 'ready') {
    return (
      <span className="pmo-subtle" data-testid={testId}>
        {state.status === 'loading' ? '…' : '—'}
      </span>
    );
  }
  const indicator = projectHealth(state, projectKey)?.[column] ?? null;
  if (indicator === null || indicator.value === null) {
    const noBaseline = indicator?.reason === NO_BASELINE_REASON;
    return (
      <span className="pmo-subtle" title={indicator?.reason} data-testid={testId} data-value="">
        {noBaseline ? 'No baseline' : '—'}
      </span>
    );
  }
  return (
    <span title={indicator.reason} data-testid={testId} data-value={indicator.value}>
      <Lozenge appearance={RAG_APPEARANCE[indicator.rag]}>{FORMAT[column](indicator.value)}</Lozenge>
    </span>
  );
}
