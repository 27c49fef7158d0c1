import type { StatusCategoryKey } from '../model';

/**
 * Where a candidate stands for the PMO ranking proposals: still a `proposal` (in the lifecycle's
 * first stage, Inception, or in no stage at all), or `authorised`: past Inception, or done. Only
 * proposals compete for a rank; authorised candidates are shown apart.
 */
export type CandidatePhase = 'proposal' | 'authorised';

export function candidatePhase(
  statusCategory: StatusCategoryKey,
  /** Index of the candidate's lifecycle stage (0 = Inception); undefined when its status is in none. */
  stageIndex: number | undefined,
): CandidatePhase {
  if (statusCategory === 'done') return 'authorised';
  return stageIndex !== undefined && stageIndex > 0 ? 'authorised' : 'proposal';
}
