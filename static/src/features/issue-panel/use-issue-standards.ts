import { type IssueStandards, IssueStandardsSchema } from '@contracts/standards';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callResolver } from '../../shared/api/invoke';
import { InvokeError, toInvokeError } from '../../shared/api/invoke-error';

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
 * (`setChecklistItem`). Answers that arrive after a newer one (a slow reload overtaken by a save,
 * or the other way round) are dropped, so the panel always shows the latest server state.
 * One save at a time: a tick is a read-modify-write of the issue's checklist on the server.
 */
export function useIssueStandards(issueKey: string): UseIssueStandards {
  const [state, setState] = useState<StandardsState>({ status: 'loading' });
  const [saving, setSaving] = useState<ItemRef | null>(null);
  const [itemError, setItemError] = useState<ItemError | null>(null);
  const latest = useRef(0);
  const savingRef = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reload = useCallback(() => {
    const call = ++latest.current;
    setState((previous) =>
      previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' },
    );
    callResolver('getIssueStandards', { issueKey })
      .then(checked)
      .then(
        (data) => {
          if (!mounted.current || call !== latest.current) return;
          setState({ status: 'ready', data, refreshing: false, refreshError: null });
        },
        (error: unknown) => {
          if (!mounted.current || call !== latest.current) return;
          const invokeError = toInvokeError(error);
          setState((previous) =>
            previous.status === 'ready' && !REPLACES_SHOWN_DATA.has(invokeError.code)
              ? { ...previous, refreshing: false, refreshError: invokeError }
              : { status: 'error', error: invokeError },
          );
        },
      );
  }, [issueKey]);

  // A new issue (or the first render): start from the skeleton, not from another issue's data.
  useEffect(() => {
    setItemError(null);
    setState({ status: 'loading' });
    reload();
  }, [reload]);

  const setItem = useCallback(
    (item: ItemRef, ticked: boolean) => {
      if (savingRef.current) return;
      savingRef.current = true;
      setSaving(item);
      setItemError(null);
      callResolver('setChecklistItem', { issueKey, ruleId: item.ruleId, itemId: item.itemId, ticked })
        .then(checked)
        .then(
          (data) => {
            if (!mounted.current) return;
            // Newer than any reload still in flight: those answers are dropped.
            latest.current++;
            setState({ status: 'ready', data, refreshing: false, refreshError: null });
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
    [issueKey, reload],
  );

  return { state, reload, setItem, saving, itemError };
}
