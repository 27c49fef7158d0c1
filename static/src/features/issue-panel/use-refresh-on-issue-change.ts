import { events } from '@forge/bridge';
import { useEffect, useRef } from 'react';

/** Jira's issue view tells issue panels that the issue changed (fields edited, status moved). */
export const ISSUE_CHANGED_EVENT = 'JIRA_ISSUE_CHANGED';

/** Focus and visibility often fire together: one refresh for both. */
const MIN_INTERVAL_MS = 1000;

/**
 * Calls `refresh` when the issue may have changed: on Jira's `JIRA_ISSUE_CHANGED` event, and when
 * the panel gets focus or its tab becomes visible again (someone edited the issue elsewhere).
 * The event subscription is best effort: a host whose bridge has no events never breaks the panel.
 */
export function useRefreshOnIssueChange(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;

  useEffect(() => {
    let last = Date.now();
    const trigger = () => {
      const now = Date.now();
      if (now - last < MIN_INTERVAL_MS) return;
      last = now;
      latest.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') trigger();
    };
    window.addEventListener('focus', trigger);
    document.addEventListener('visibilitychange', onVisibility);

    let disposed = false;
    let unsubscribe: (() => void) | null = null;
    const forget = (subscription: unknown) => {
      const stop =
        typeof subscription === 'object' &&
        subscription !== null &&
        typeof (subscription as { unsubscribe?: unknown }).unsubscribe === 'function'
          ? () => (subscription as { unsubscribe: () => void }).unsubscribe()
          : null;
      if (disposed) stop?.();
      else unsubscribe = stop;
    };
    try {
      // Jira re-renders nothing for us: the event only says "look again".
      Promise.resolve(events.on(ISSUE_CHANGED_EVENT, () => latest.current())).then(forget, () => {
        // This host has no issue events; focus and visibility still refresh the panel.
      });
    } catch {
      // As above: a bridge without events.
    }

    return () => {
      disposed = true;
      window.removeEventListener('focus', trigger);
      document.removeEventListener('visibilitychange', onVisibility);
      try {
        unsubscribe?.();
      } catch {
        // Unsubscribing from a host that already went away.
      }
    };
  }, []);
}
