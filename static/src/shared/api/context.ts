import { view } from '@forge/bridge';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import { InvokeError, toInvokeError } from './invoke-error';

/** The fields of the issue panel's context (`view.getContext()`) this app reads. */
const IssuePanelContext = z.object({
  extension: z.object({
    issue: z.object({ key: z.string().min(1), id: z.union([z.string(), z.number()]).optional() }),
  }),
});

/** The key of the issue whose panel this is, from `view.getContext().extension.issue.key`. */
export async function readIssueKey(): Promise<string> {
  let context: unknown;
  try {
    context = await view.getContext();
  } catch (error) {
    throw toInvokeError(error);
  }
  const parsed = IssuePanelContext.safeParse(context);
  if (!parsed.success) {
    throw new InvokeError('BAD_RESPONSE', 'Jira did not tell the panel which issue it is on.');
  }
  return parsed.data.extension.issue.key;
}

export type IssueKeyState =
  | { status: 'loading' }
  | { status: 'error'; error: InvokeError; retry: () => void }
  | { status: 'ready'; issueKey: string };

/** The issue key of the panel's context, read once (and again on `retry`). */
export function useIssueKey(): IssueKeyState {
  const query = useQuery<string, InvokeError>({
    queryKey: ['forge-context', 'issueKey'],
    queryFn: readIssueKey,
  });
  const { refetch } = query;
  const retry = useCallback(() => {
    void refetch();
  }, [refetch]);
  if (query.data !== undefined) return { status: 'ready', issueKey: query.data };
  if (query.error !== null && !query.isFetching) {
    return { status: 'error', error: toInvokeError(query.error), retry };
  }
  return { status: 'loading' };
}
