import type { Actor, AppDeps } from '../deps';
import { browsableProjects, visibleToViewer } from '../snapshots/viewer-access';
import { readAllScores, type ScoreRecord } from './score-store';

/** One candidate's stored ratings and the latest of them (which carries the issue as last scored). */
export interface ScoredCandidate {
  issueId: string;
  records: ScoreRecord[];
  latest: ScoreRecord;
}

/**
 * Every scored candidate the viewer may see: in a project they browse and, with an issue security
 * level, one Jira lets them open (both answers cached per viewer for a few minutes).
 */
export async function readVisibleScores(deps: AppDeps, actor: Actor): Promise<ScoredCandidate[]> {
  const [scores, browsable] = await Promise.all([
    readAllScores(deps),
    browsableProjects(deps, actor.accountId),
  ]);
  const candidates = [...scores.entries()].flatMap(([issueId, records]) => {
    const latest = [...records].sort((a, b) => b.at.localeCompare(a.at))[0];
    return latest ? [{ issueId, records, latest }] : [];
  });
  return visibleToViewer(
    deps,
    actor.accountId,
    'scored-candidates',
    browsable.keys,
    candidates,
    ({ latest }) => ({
      projectKey: latest.issue.projectKey,
      issueKey: latest.issueKey,
    }),
  );
}
