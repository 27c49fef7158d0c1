import type { Prioritisation, PrioritisedCandidate } from '@contracts/scoring';
import { type CapacityPlan, rankProposals } from '@domain/scoring/ranking';

type ReadyPrioritisation = Extract<Prioritisation, { status: 'ready' }>;

/** A project's place in the priority order: that of its best-ranked proposal. */
export interface ProjectPriority {
  /** The best rank (manual ranks applied) among the project's proposals. */
  rank: number;
  /** That proposal's rank by score alone (null: placed by hand without a score rank). */
  computedRank: number | null;
  /** The proposal holding the rank. */
  issueKey: string;
  /** Ranked proposals in the project. */
  proposals: number;
}

export type ProjectPriorities = ReadonlyMap<string, ProjectPriority>;

/** The view's proposals ranked by `scoreOf` in the plan's periods; authorised candidates follow, unranked. */
export function rankViewCandidates(
  view: ReadyPrioritisation,
  scoreOf: (candidate: PrioritisedCandidate) => number | null,
  plan: CapacityPlan,
) {
  return rankProposals(
    view.candidates.map((candidate) => ({
      id: candidate.issueId,
      score: scoreOf(candidate),
      estimate: candidate.estimate,
      override: candidate.override,
      phase: candidate.phase,
      candidate,
    })),
    plan,
  );
}

/**
 * Each project's priority rank from the saved Prioritise ranking: the best rank among its proposals
 * (candidates past Inception are not ranked). A project is where proposals are delivered, so its most
 * important proposal says how high its work sits; a project without a ranked proposal has no rank.
 */
export function projectPriorities(view: ReadyPrioritisation): ProjectPriorities {
  const ranked = rankViewCandidates(view, (candidate) => candidate.result.score, view.plan);
  const byProject = new Map<string, ProjectPriority>();
  for (const entry of ranked) {
    if (entry.rank === null) continue;
    const projectKey = entry.candidate.candidate.projectKey;
    const best = byProject.get(projectKey);
    byProject.set(
      projectKey,
      best && best.rank <= entry.rank
        ? { ...best, proposals: best.proposals + 1 }
        : {
            rank: entry.rank,
            computedRank: entry.computedRank,
            issueKey: entry.candidate.candidate.issueKey,
            proposals: (best?.proposals ?? 0) + 1,
          },
    );
  }
  return byProject;
}
