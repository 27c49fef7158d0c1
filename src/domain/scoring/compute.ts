import {
  type Criterion,
  type CriterionValues,
  type MissingValueRule,
  SCALE_LEVELS,
  type ScoringModel,
  THEME_ALIGNMENT_MAX,
} from './schema';

/** One criterion's part of a score: what it was rated, and how much it adds (the breakdown bars). */
export interface CriterionPart {
  criterionId: string;
  name: string;
  /** As rated or read: the scale level (1–5, a mean may fall between), the alignment (0–3), the field's number; null when missing. */
  rating: number | null;
  /** The number the formula uses (a scale level's value); null when missing. */
  value: number | null;
  /** 0–1, where 1 is the best end in the criterion's direction; null when missing. */
  normalised: number | null;
  /** The criterion's weight over the sum of weights. */
  weightShare: number;
  /** normalised × weightShare: the bars add up to at most 1. */
  contribution: number;
  /** The rating was missing and the rule filled in the worst level. */
  assumedWorst: boolean;
}

export interface ScoreResult {
  /** Null when the rule leaves an incomplete score out of the ranking, or nothing could be computed. */
  score: number | null;
  complete: boolean;
  /** Ids of criteria without a usable value. */
  missing: string[];
  parts: CriterionPart[];
}

/** The number a rating stands for: a scale level's value (a fractional mean of levels interpolates). */
function numberOf(criterion: Criterion, rating: number): number | null {
  const input = criterion.input;
  switch (input.kind) {
    case 'scale': {
      if (rating < 1 || rating > SCALE_LEVELS) return null;
      const lower = Math.floor(rating);
      const low = input.levels[lower - 1]?.value ?? 0;
      const high = input.levels[Math.min(lower, SCALE_LEVELS - 1)]?.value ?? low;
      return low + (high - low) * (rating - lower);
    }
    case 'theme':
      return rating >= 0 && rating <= THEME_ALIGNMENT_MAX ? rating : null;
    case 'field':
      return rating;
  }
}

/** Where a value lies between the criterion's ends, 0–1 (higher: more of it). */
function position(criterion: Criterion, value: number): number {
  const input = criterion.input;
  const [low, high] =
    input.kind === 'scale'
      ? [input.levels[0]?.value ?? 0, input.levels[SCALE_LEVELS - 1]?.value ?? 1]
      : input.kind === 'theme'
        ? [0, THEME_ALIGNMENT_MAX]
        : [input.min, input.max];
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}

/** The worst rating in the criterion's direction: the lowest level of a benefit, the highest of a cost. */
function worstRating(criterion: Criterion): number {
  const input = criterion.input;
  const better = criterion.direction === 'higherIsBetter';
  switch (input.kind) {
    case 'scale':
      return better ? 1 : SCALE_LEVELS;
    case 'theme':
      return better ? 0 : THEME_ALIGNMENT_MAX;
    case 'field':
      return better ? input.min : input.max;
  }
}

/** Ratio and product formulas multiply and divide: a negative value, or a zero divisor, cannot be used. */
function usable(model: ScoringModel, criterion: Criterion, value: number | null): value is number {
  if (value === null || !Number.isFinite(value)) return false;
  if (model.formula === 'weighted') return true;
  return criterion.direction === 'higherIsWorse' ? value > 0 : value >= 0;
}

/**
 * The score of one candidate under a model, from the ratings that count (see {@link combineRatings}).
 * Criteria with weight 0 take no part. Monotonic in each criterion in its direction and unchanged when
 * every weight is multiplied by the same positive number (property-tested).
 */
export function computeScore(
  model: ScoringModel,
  ratings: CriterionValues,
  rule: MissingValueRule,
): ScoreResult {
  const weighted = model.criteria.filter((criterion) => criterion.weight > 0);
  const totalWeight = weighted.reduce((sum, criterion) => sum + criterion.weight, 0);
  const missing: string[] = [];
  const used: { criterion: Criterion; value: number }[] = [];
  const parts: CriterionPart[] = model.criteria.map((criterion) => {
    const weightShare = totalWeight > 0 ? criterion.weight / totalWeight : 0;
    const given = ratings[criterion.id];
    let rating = given ?? null;
    let value = rating === null ? null : numberOf(criterion, rating);
    let assumedWorst = false;
    if (!usable(model, criterion, value)) {
      if (criterion.weight > 0) missing.push(criterion.id);
      rating = null;
      value = null;
      if (rule === 'worst' && criterion.weight > 0) {
        const worst = worstRating(criterion);
        const worstValue = numberOf(criterion, worst);
        if (usable(model, criterion, worstValue)) {
          rating = worst;
          value = worstValue;
          assumedWorst = true;
        }
      }
    }
    if (value === null) {
      return {
        criterionId: criterion.id,
        name: criterion.name,
        rating,
        value,
        normalised: null,
        weightShare,
        contribution: 0,
        assumedWorst,
      };
    }
    if (criterion.weight > 0) used.push({ criterion, value });
    const more = position(criterion, value);
    const normalised = criterion.direction === 'higherIsBetter' ? more : 1 - more;
    return {
      criterionId: criterion.id,
      name: criterion.name,
      rating,
      value,
      normalised,
      weightShare,
      contribution: normalised * weightShare,
      assumedWorst,
    };
  });
  const complete = missing.length === 0;
  const score = complete || rule !== 'unranked' ? combine(model, used, totalWeight) : null;
  return { score, complete, missing, parts };
}

function combine(
  model: ScoringModel,
  used: { criterion: Criterion; value: number }[],
  totalWeight: number,
): number | null {
  const better = used.filter((part) => part.criterion.direction === 'higherIsBetter');
  const worse = used.filter((part) => part.criterion.direction === 'higherIsWorse');
  switch (model.formula) {
    case 'weighted': {
      const usedWeight = used.reduce((sum, part) => sum + part.criterion.weight, 0);
      if (usedWeight <= 0) return null;
      const sum = used.reduce((total, { criterion, value }) => {
        const more = position(criterion, value);
        return total + criterion.weight * (criterion.direction === 'higherIsBetter' ? more : 1 - more);
      }, 0);
      return (100 * sum) / usedWeight;
    }
    case 'ratio': {
      if (better.length === 0 || worse.length === 0) return null;
      const weightedSum = (parts: typeof used) =>
        parts.reduce((sum, part) => sum + part.criterion.weight * part.value, 0);
      return weightedSum(better) / weightedSum(worse);
    }
    case 'product': {
      if (better.length === 0 || worse.length === 0) return null;
      const meanWeight = totalWeight / model.criteria.filter((criterion) => criterion.weight > 0).length;
      const product = (parts: typeof used) =>
        parts.reduce((total, part) => total * part.value ** (part.criterion.weight / meanWeight), 1);
      return product(better) / product(worse);
    }
  }
}

/** One scorer's ratings of a candidate. */
export interface ScorerRatings {
  accountId: string;
  ratings: CriterionValues;
}

/**
 * The ratings that count when several people scored: each criterion's mean over everyone who rated
 * it, or only the designated scorer's (none when they have not scored).
 */
export function combineRatings(
  scorers: readonly ScorerRatings[],
  aggregation: { kind: 'average' } | { kind: 'designated'; accountId: string },
): CriterionValues {
  if (aggregation.kind === 'designated') {
    return { ...(scorers.find((scorer) => scorer.accountId === aggregation.accountId)?.ratings ?? {}) };
  }
  const sums = new Map<string, { total: number; count: number }>();
  for (const scorer of scorers) {
    for (const [criterionId, rating] of Object.entries(scorer.ratings)) {
      const sum = sums.get(criterionId) ?? { total: 0, count: 0 };
      sums.set(criterionId, { total: sum.total + rating, count: sum.count + 1 });
    }
  }
  return Object.fromEntries([...sums].map(([criterionId, sum]) => [criterionId, sum.total / sum.count]));
}
