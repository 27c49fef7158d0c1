import type { IssueAuthorisation } from '@contracts/authorisation';
import type { DecisionOutcome } from '@domain/scoring/decision';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { type InvokeError, toInvokeError } from '../../shared/api/invoke-error';
import { resolverQueryKey } from '../../shared/api/query-client';
import { type UseResolver, useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';

export interface UseIssueAuthorisation {
  result: UseResolver<IssueAuthorisation>;
  decide: (outcome: DecisionOutcome, reason: string) => Promise<boolean>;
  deciding: boolean;
  decideError: InvokeError | null;
}

/**
 * The candidate's place at the Inception gate (`getIssueAuthorisation`) and deciding on it
 * (`decideCandidate`). One request id per decision until it is recorded: a retry of the same
 * decision is recorded once.
 */
export function useIssueAuthorisation(issueKey: string, onDecided: () => void): UseIssueAuthorisation {
  const payload = useMemo(() => ({ issueKey }), [issueKey]);
  const result = useResolver('getIssueAuthorisation', payload);
  const action = useResolverAction('decideCandidate');
  const queryClient = useQueryClient();
  const [decideError, setDecideError] = useState<InvokeError | null>(null);
  const requestId = useRef(crypto.randomUUID());
  const decide = useCallback(
    async (outcome: DecisionOutcome, reason: string) => {
      setDecideError(null);
      try {
        const answer = await action.run({ issueKey, outcome, reason, requestId: requestId.current });
        requestId.current = crypto.randomUUID();
        const queryKey = resolverQueryKey('getIssueAuthorisation', { issueKey });
        await queryClient.cancelQueries({ queryKey, exact: true });
        queryClient.setQueryData(queryKey, answer);
        onDecided();
        return true;
      } catch (error) {
        setDecideError(toInvokeError(error));
        return false;
      }
    },
    [action.run, issueKey, queryClient, onDecided],
  );
  return { result, decide, deciding: action.pending, decideError };
}
