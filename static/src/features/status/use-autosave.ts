import { useEffect, useRef } from 'react';

/** How long typing must pause before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1_000;

/**
 * Calls `save` once `value` has stopped changing for {@link AUTOSAVE_DELAY_MS}, while `enabled`;
 * one save at a time (a change made during a save is saved after it).
 */
export function useAutosave<T>(value: T, enabled: boolean, save: (value: T) => Promise<void>): void {
  const saving = useRef<Promise<void>>(Promise.resolve());
  const latestSave = useRef(save);
  latestSave.current = save;
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => {
      saving.current = saving.current.then(() => latestSave.current(value)).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, enabled]);
}
