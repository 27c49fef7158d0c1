import { type IssueStandards, IssueStandardsSchema } from '@contracts/standards';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { callResolver } from '../../shared/api/invoke';
import { InvokeError, toInvokeError } from '../../shared/api/invoke-error';
import { resolverQueryKey } from '../../shared/api/query-client';
import { useResolverAction } from '../../shared/api/use-resolver-action';

export type StandardsState =
  | { status: 'loading' }
  | { status: 'error'; error: InvokeError }
  | { status: 'ready'; data: IssueStandards; refreshing: boolean; refreshError: InvokeError | null };

/** The checklist item being saved, or the one whose save failed (with why). */
export interface ItemRef {
  ruleId: string;
  itemId: string;
}
export type ItemError = ItemRef & { error: InvokeError };

export interface UseIssueStandards {
  state: StandardsState;
  /** Fetches the standards again; what is shown stays until the answer arrives. */
  reload: () => void;
  /** Ticks or unticks an item. Not optimistic: the server's answer replaces what is shown. */
  setItem: (item: ItemRef, ticked: boolean) => void;
  saving: ItemRef | null;
  itemError: ItemError | null;
}

/**
 * The server checks its answer against the contract; the panel checks it again, so an answer of
 * another shape (an older or newer server) is an error state, never a crash in the middle of a render.
 */
function checked(answer: unknown): IssueStandards {
  const parsed = IssueStandardsSchema.safeParse(answer);
  if (!parsed.success) {
    throw new InvokeError(
      'BAD_RESPONSE',
      "The app's server sent PMO standards in a shape this panel cannot read.",
    );
  }
  return parsed.data;
}

/** Errors after which data already shown must not stay on screen: it would be wrong. */
const REPLACES_SHOWN_DATA = new Set(['CONFIG_UNREADABLE', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * The standards of one issue (`getIssueStandards`) and ticking its gate checklists
 * (`setChecklistItem`). A save's answer replaces what is shown and cancels a reload still in flight,
 * and each issue has its own cache entry, so the panel always shows the latest server state of the
 * issue it is on. One save at a time: a tick is a read-modify-write of the issue's checklist on the server.
 */
export function useIssueStandards(issueKey: string): UseIssueStandards {
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => resolverQueryKey('getIssueStandards', { issueKey }), [issueKey]);
  const query = useQuery<IssueStandards, InvokeError>({
    queryKey,
    queryFn: async () => checked(await callResolver('getIssueStandards', { issueKey })),
  });
  const save = useResolverAction('setChecklistItem');
  const [saving, setSaving] = useState<ItemRef | null>(null);
  const [itemError, setItemError] = useState<ItemError | null>(null);
  const savingRef = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A new issue: no error of another issue's checklist stays on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `issueKey` is the trigger.
  useEffect(() => {
    setItemError(null);
  }, [issueKey]);

  const { refetch } = query;
  const reload = useCallback(() => {
    void refetch();
  }, [refetch]);

  const setItem = useCallback(
    (item: ItemRef, ticked: boolean) => {
      if (savingRef.current) return;
      savingRef.current = true;
      setSaving(item);
      setItemError(null);
      save
        .run({ issueKey, ruleId: item.ruleId, itemId: item.itemId, ticked })
        .then(checked)
        .then(
          async (data) => {
            // Newer than any reload still in flight: that one is cancelled, its answer dropped.
            await queryClient.cancelQueries({ queryKey, exact: true });
            queryClient.setQueryData(queryKey, data);
          },
          (error: unknown) => {
            if (!mounted.current) return;
            const invokeError = toInvokeError(error);
            setItemError({ ...item, error: invokeError });
            // The checklist changed under the panel (an admin edited it): show what is there now.
            if (invokeError.code === 'NOT_FOUND') reload();
          },
        )
        .finally(() => {
          savingRef.current = false;
          if (mounted.current) setSaving(null);
        });
    },
    [issueKey, queryKey, queryClient, reload, save.run],
  );

  return { state: stateOf(query.data, query.error, query.isFetching), reload, setItem, saving, itemError };
}

function stateOf(
  data: IssueStandards | undefined,
  error: InvokeError | null,
  fetching: boolean,
): StandardsState {
  const invokeError = error === null ? null : toInvokeError(error);
  if (data !== undefined && !(invokeError && REPLACES_SHOWN_DATA.has(invokeError.code))) {
    return { status: 'ready', data, refreshing: fetching, refreshError: invokeError };
  }
  if (invokeError) return { status: 'error', error: invokeError };
  return { status: 'loading' };
}
