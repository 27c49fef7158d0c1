import type { AuthorisationLog } from '../../contracts/authorisation';
import type { Actor, AppDeps } from '../deps';
import { browsableProjects, visibleToViewer } from '../snapshots/viewer-access';
import { namedDecisions } from './authorisation-context';
import { readAllDecisions } from './decision-store';

/**
 * Every authorisation decision on a candidate the viewer may see: in a project they browse, and
 * (for issues with a security level) one Jira lets them open. Read from app storage: a view costs the
 * same cached project and issue checks as the RAID page and the Prioritise view, never a read per
 * decision. The RAID decision log keeps those of its portfolio's projects; Prioritise the newest per
 * candidate.
 */
export async function getAuthorisationLog(deps: AppDeps, actor: Actor): Promise<AuthorisationLog> {
  const [records, browsable] = await Promise.all([
    readAllDecisions(deps),
    browsableProjects(deps, actor.accountId),
  ]);
  const visible = await visibleToViewer(
    deps,
    actor.accountId,
    'authorised-candidates',
    browsable.keys,
    records,
    (record) => record,
  );
  return { decisions: await namedDecisions(deps, actor, visible) };
}
