import type { IssueAuthorisation } from '../../contracts/authorisation';
import type { Actor, AppDeps } from '../deps';
import { describeAuthorisation, loadAuthorisationContext } from './authorisation-context';

/** The panel's authorisation part for one issue, read as the viewer: none unless it is a candidate. */
export async function getIssueAuthorisation(
  deps: AppDeps,
  actor: Actor,
  issueKey: string,
): Promise<IssueAuthorisation> {
  const context = await loadAuthorisationContext(deps, actor, issueKey);
  return context ? describeAuthorisation(deps, actor, context) : { status: 'none' };
}
