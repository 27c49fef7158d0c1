import { z } from 'zod';
import type { CandidatePhase } from './candidate-phase';

/** A manual place in the ranking, with why (audited; the computed rank stays beside it). */
export const RankOverrideSchema = z
  .object({
    rank: z.number().int().min(1).max(10_000),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();
export type RankOverride = z.infer<typeof RankOverrideSchema>;

/** A planning period and the estimate it can take (story points or whatever the estimate counts). */
export const CapacityPeriodSchema = z
  .object({
    label: z.string().trim().min(1).max(40),
    capacity: z.number().finite().min(0).max(1_000_000),
  })
  .strict();
export const CapacityPlanSchema = z.object({ periods: z.array(CapacityPeriodSchema).max(12) }).strict();
export type CapacityPlan = z.infer<typeof CapacityPlanSchema>;

export interface Rankable {
  id: string;
  score: number | null;
  estimate: number | null;
  override: RankOverride | null;
}

export interface Ranked<T extends Rankable> {
  candidate: T;
  /** By score alone (1 = highest); null for an unranked (incomplete) score. */
  computedRank: number | null;
  /** After manual overrides; null when unranked and not placed by hand. */
  rank: number | null;
  /** The planning period it fits in, or null (below the cut line, or without an estimate). */
  period: string | null;
  /** Sum of estimates up to and including this one, in rank order. */
  cumulativeEstimate: number;
}

/**
 * Ranks candidates by score (ties by id, so the order is stable), then moves those with a manual
 * rank to that place; unranked scores follow, in id order. Capacity periods are filled in rank
 * order: a candidate goes into the first period with room left for its whole estimate, and the cut
 * line falls after the last candidate that fits anywhere.
 */
export function rankCandidates<T extends Rankable>(
  candidates: readonly T[],
  plan: CapacityPlan,
): Ranked<T>[] {
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const scored = candidates
    .filter((c) => c.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || byId(a, b));
  const computed = new Map(scored.map((candidate, index) => [candidate.id, index + 1]));
  const unranked = candidates.filter((c) => c.score === null && c.override === null).sort(byId);
  const automatic = scored.filter((c) => c.override === null);
  const manual = candidates
    .filter((c) => c.override !== null)
    .sort((a, b) => (a.override?.rank ?? 0) - (b.override?.rank ?? 0) || byId(a, b));
  const order = [...automatic];
  for (const candidate of manual) {
    const place = Math.min((candidate.override?.rank ?? 1) - 1, order.length);
    order.splice(place, 0, candidate);
  }
  const remaining = plan.periods.map((period) => ({ label: period.label, left: period.capacity }));
  let cumulative = 0;
  const ranked = order.map((candidate, index) => {
    cumulative += candidate.estimate ?? 0;
    let period: string | null = null;
    if (candidate.estimate !== null) {
      const slot = remaining.find((p) => p.left >= (candidate.estimate ?? 0));
      if (slot) {
        slot.left -= candidate.estimate;
        period = slot.label;
      }
    }
    return {
      candidate,
      computedRank: computed.get(candidate.id) ?? null,
      rank: index + 1,
      period,
      cumulativeEstimate: cumulative,
    };
  });
  return [...ranked, ...unrankedEntries(unranked, cumulative)];
}

/** Candidates listed after the ranking, without a rank or a period. */
function unrankedEntries<T extends Rankable>(
  candidates: readonly T[],
  cumulativeEstimate: number,
): Ranked<T>[] {
  return candidates.map((candidate) => ({
    candidate,
    computedRank: null,
    rank: null,
    period: null,
    cumulativeEstimate,
  }));
}

export interface PhasedRankable extends Rankable {
  phase: CandidatePhase;
}

/**
 * Proposals ranked with {@link rankCandidates}; candidates past Inception or done follow unranked, in
 * score order (ties by id): they no longer compete for a place or for capacity.
 */
export function rankProposals<T extends PhasedRankable>(
  candidates: readonly T[],
  plan: CapacityPlan,
): Ranked<T>[] {
  const authorised = candidates
    .filter((candidate) => candidate.phase === 'authorised')
    .sort(
      (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const ranked = rankCandidates(
    candidates.filter((candidate) => candidate.phase === 'proposal'),
    plan,
  );
  return [...ranked, ...unrankedEntries(authorised, ranked.at(-1)?.cumulativeEstimate ?? 0)];
}
