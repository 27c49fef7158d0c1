import type { AuthorisationLog, DecisionView } from '@contracts/authorisation';
import { type UseResolver, useResolver } from '../api/use-resolver';

const PAYLOAD = {};

/** Every authorisation decision the viewer may see (`getAuthorisationLog`): RAID and Prioritise share it. */
export function useAuthorisationLog(): UseResolver<AuthorisationLog> {
  return useResolver('getAuthorisationLog', PAYLOAD);
}

/** Each candidate's newest decision by issue key (the log comes newest first). */
export function latestDecisionByKey(decisions: readonly DecisionView[]): Map<string, DecisionView> {
  const latest = new Map<string, DecisionView>();
  for (const decision of decisions)
    if (!latest.has(decision.issueKey)) latest.set(decision.issueKey, decision);
  return latest;
}
