import type { AppDeps } from '../services/deps';
import { decideCandidate } from '../services/scoring/decide-candidate';
import { getAuthorisationLog } from '../services/scoring/get-authorisation-log';
import { getIssueAuthorisation } from '../services/scoring/get-issue-authorisation';
import { resolverDefiner } from './define';

/** Authorisation at the Inception gate, merged into the app's resolver handler in index.ts. */
export function createAuthorisationResolvers(deps: AppDeps) {
  const defineResolver = resolverDefiner(deps.logger);
  return {
    getIssueAuthorisation: defineResolver('getIssueAuthorisation', (input, actor) =>
      getIssueAuthorisation(deps, actor, input.issueKey),
    ),
    decideCandidate: defineResolver('decideCandidate', (input, actor) => decideCandidate(deps, actor, input)),
    getAuthorisationLog: defineResolver('getAuthorisationLog', (_input, actor) =>
      getAuthorisationLog(deps, actor),
    ),
  };
}
