import type { IssueScoring } from '@contracts/scoring';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { type InvokeError, toInvokeError } from '../../shared/api/invoke-error';
import { resolverQueryKey } from '../../shared/api/query-client';
import { type UseResolver, useResolver } from '../../shared/api/use-resolver';
import { useResolverAction } from '../../shared/api/use-resolver-action';

export interface UseIssueScoring {
  result: UseResolver<IssueScoring>;
  save: (ratings: Record<string, number>) => Promise<boolean>;
  saving: boolean;
  saveError: InvokeError | null;
}

/** The candidate's scoring (`getIssueScoring`) and saving the viewer's ratings (`saveIssueScore`). */
export function useIssueScoring(issueKey: string): UseIssueScoring {
  const payload = useMemo(() => ({ issueKey }), [issueKey]);
  const result = useResolver('getIssueScoring', payload);
  const action = useResolverAction('saveIssueScore');
  const queryClient = useQueryClient();
  const [saveError, setSaveError] = useState<InvokeError | null>(null);
  const save = useCallback(
    async (ratings: Record<string, number>) => {
      setSaveError(null);
      try {
        const answer = await action.run({ issueKey, ratings });
        const queryKey = resolverQueryKey('getIssueScoring', { issueKey });
        await queryClient.cancelQueries({ queryKey, exact: true });
        queryClient.setQueryData(queryKey, answer);
        return true;
      } catch (error) {
        setSaveError(toInvokeError(error));
        return false;
      }
    },
    [action.run, issueKey, queryClient],
  );
  return { result, save, saving: action.pending, saveError };
}
