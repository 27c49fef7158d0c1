import type { SettingsProblem } from '@contracts/settings';
import { diffConfigs } from '@domain/config/diff';
import type { PmoConfig } from '@domain/config/schema';
import { useMemo, useReducer, useState } from 'react';
import { sectionsOfParts } from '../sections';
import { changedParts, draftReducer, initialDraftState, isDirty } from './draft-reducer';
import { mergeProblems } from './server-problems';
import { problemCountBySection, validateDraft } from './validation';

/**
 * The draft of the settings being edited on top of the live version `base`: what changed (parts,
 * sections, the diff), and its problems, found here and, for the draft they were found for, by Jira.
 */
export function useSettingsDraft(base: { version: number; config: PmoConfig }) {
  const [state, dispatch] = useReducer(draftReducer, base, initialDraftState);
  const [serverProblems, setServerProblems] = useState<{
    draft: PmoConfig;
    problems: SettingsProblem[];
  } | null>(null);
  const dirty = isDirty(state);
  const changed = useMemo(
    () => changedParts(state.base.config, state.draft),
    [state.base.config, state.draft],
  );
  const changes = useMemo(() => (dirty ? diffConfigs(state.base.config, state.draft) : []), [dirty, state]);
  const clientProblems = useMemo(() => validateDraft(state.draft), [state.draft]);
  const problems = useMemo(
    () =>
      serverProblems !== null && serverProblems.draft === state.draft
        ? mergeProblems(clientProblems, serverProblems.problems)
        : clientProblems,
    [clientProblems, serverProblems, state.draft],
  );
  const problemCounts = useMemo(() => problemCountBySection(problems), [problems]);
  const warningCounts = useMemo(() => problemCountBySection(problems, 'warning'), [problems]);
  const unsaved = useMemo(() => new Set(sectionsOfParts(changed)), [changed]);
  return {
    state,
    dispatch,
    dirty,
    changed,
    changes,
    problems,
    problemCounts,
    warningCounts,
    unsaved,
    setServerProblems,
  };
}
