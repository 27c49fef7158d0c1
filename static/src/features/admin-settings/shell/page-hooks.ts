import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';

/** The viewer's account id, from the page's context (null until known). */
export function useAccountId(): string | null {
  const [accountId, setAccountId] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    view.getContext().then(
      (context: unknown) => {
        const id = (context as { accountId?: unknown } | null)?.accountId;
        if (!cancelled && typeof id === 'string' && id !== '') setAccountId(id);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return accountId;
}

/** Warns before the frame unloads while there are unsaved changes. */
export function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
