import type { Prioritisation, PrioritisedCandidate } from '@contracts/scoring';
import { computeScore } from '@domain/scoring/compute';
import type { CapacityPlan, Ranked } from '@domain/scoring/ranking';
import type { ScoringModel } from '@domain/scoring/schema';
import { rankViewCandidates } from '../../shared/scoring/project-priorities';

export type ReadyPrioritisation = Extract<Prioritisation, { status: 'ready' }>;

export interface RankedRow {
  candidate: PrioritisedCandidate;
  rank: number | null;
  computedRank: number | null;
  period: string | null;
  score: number | null;
}

type RankableCandidate = {
  id: string;
  score: number | null;
  estimate: number | null;
  override: PrioritisedCandidate['override'];
  phase: PrioritisedCandidate['phase'];
  candidate: PrioritisedCandidate;
};

function rows(ranked: Ranked<RankableCandidate>[]): RankedRow[] {
  return ranked.map((entry) => ({
    candidate: entry.candidate.candidate,
    rank: entry.rank,
    computedRank: entry.computedRank,
    period: entry.period,
    score: entry.candidate.score,
  }));
}

function rankByScore(
  view: ReadyPrioritisation,
  scoreOf: (candidate: PrioritisedCandidate) => number | null,
  plan: CapacityPlan,
): RankedRow[] {
  return rows(rankViewCandidates(view, scoreOf, plan));
}

/** The saved ranking: the server's scores, placed in the saved capacity periods. */
export function savedRanking(view: ReadyPrioritisation): RankedRow[] {
  return rankByScore(view, (candidate) => candidate.result.score, view.plan);
}

/** What-if: the same ratings under other weights and capacity, recomputed here; nothing is saved. */
export interface WhatIf {
  weights: Record<string, number>;
  plan: CapacityPlan;
}

export function whatIfModel(model: ScoringModel, weights: Record<string, number>): ScoringModel {
  return {
    ...model,
    criteria: model.criteria.map((criterion) => ({
      ...criterion,
      weight: weights[criterion.id] ?? criterion.weight,
    })),
  };
}

/** Weights that sum to 0 cannot rank anything: the what-if says so instead of ranking. */
export function whatIfProblem(whatIf: WhatIf): string | null {
  const total = Object.values(whatIf.weights).reduce(
    (sum, weight) => sum + (Number.isFinite(weight) ? Math.max(0, weight) : 0),
    0,
  );
  return total > 0 ? null : 'The weights sum to 0: give at least one criterion a weight.';
}

export function whatIfRanking(view: ReadyPrioritisation, whatIf: WhatIf): RankedRow[] {
  const model = whatIfModel(view.model, whatIf.weights);
  return rankByScore(
    view,
    (candidate) => computeScore(model, candidate.values, view.missingValues).score,
    whatIf.plan,
  );
}

export function initialWhatIf(view: ReadyPrioritisation): WhatIf {
  return {
    weights: Object.fromEntries(view.model.criteria.map((criterion) => [criterion.id, criterion.weight])),
    plan: view.plan,
  };
}

export function whatIfChanged(view: ReadyPrioritisation, whatIf: WhatIf): boolean {
  return JSON.stringify(initialWhatIf(view)) !== JSON.stringify(whatIf);
}

export interface PrioritiseFilter {
  project: string;
  text: string;
  showUnranked: boolean;
  /** Candidates past Inception or done: hidden by default, listed apart when shown. */
  showAuthorised: boolean;
}

export function filterRows(rows: readonly RankedRow[], filter: PrioritiseFilter): RankedRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.project === '' || row.candidate.projectKey === filter.project) &&
      (row.candidate.phase === 'authorised'
        ? filter.showAuthorised
        : filter.showUnranked || row.rank !== null) &&
      (text === '' ||
        row.candidate.issueKey.toLowerCase().includes(text) ||
        row.candidate.summary.toLowerCase().includes(text)),
  );
}

/** Index of the first ranked row that fits no period: the cut line is drawn above it (null: none). */
export function cutLineIndex(rows: readonly RankedRow[], plan: CapacityPlan): number | null {
  if (plan.periods.length === 0) return null;
  const index = rows.findIndex((row) => row.rank !== null && row.period === null);
  return index < 0 ? null : index;
}
