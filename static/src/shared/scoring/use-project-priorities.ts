import { useMemo } from 'react';
import { useResolver } from '../api/use-resolver';
import { type ProjectPriorities, projectPriorities } from './project-priorities';

const NO_PAYLOAD = {};

/**
 * Each project's priority rank from the saved Prioritise ranking; null while loading, when scoring is
 * off, when nothing is ranked, or when the ranking cannot be read (the column is then left out).
 */
export function useProjectPriorities(): ProjectPriorities | null {
  const result = useResolver('getPrioritisation', NO_PAYLOAD);
  const view = result.data;
  return useMemo(() => {
    if (view?.status !== 'ready') return null;
    const priorities = projectPriorities(view);
    return priorities.size > 0 ? priorities : null;
  }, [view]);
}
