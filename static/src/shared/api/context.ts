import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
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

export function useIssueKey(): IssueKeyState {
  const [state, setState] = useState<IssueKeyState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    readIssueKey().then(
      (issueKey) => {
        if (!cancelled) setState({ status: 'ready', issueKey });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error: toInvokeError(error), retry });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, retry]);
  return state;
}
