import { combineRatings, computeScore, type ScoreResult } from './compute';
import { modelVersion } from './model-version';
import type { CriterionValues, ScoringModel, ScoringSettings } from './schema';

/** One person's stored ratings of a candidate. */
export interface ScorerEntry {
  accountId: string;
  at: string;
  ratings: CriterionValues;
  modelVersion: string;
}

export interface CandidateScore {
  result: ScoreResult;
  /** Account ids whose ratings count. */
  counted: string[];
  /** Some counted ratings were made under another version of the model. */
  earlierModelVersion: boolean;
}

/**
 * A candidate's score from everyone's ratings under the settings' aggregation, plus the numeric
 * field criteria's values (`fieldValues`, read from Jira). Ratings of criteria the model no longer
 * has are ignored; criteria added since are missing until rated.
 */
export function candidateScore(
  settings: Pick<ScoringSettings, 'aggregation' | 'missingValues'>,
  model: ScoringModel,
  scorers: readonly ScorerEntry[],
  fieldValues: CriterionValues,
): CandidateScore {
  const aggregation = settings.aggregation;
  const counted = scorers.filter(
    (scorer) => aggregation.kind === 'average' || scorer.accountId === aggregation.accountId,
  );
  const rateable = new Set(model.criteria.filter((c) => c.input.kind !== 'field').map((c) => c.id));
  const ratings = Object.fromEntries(
    Object.entries(combineRatings(counted, aggregation)).filter(([criterionId]) => rateable.has(criterionId)),
  );
  const fields = Object.fromEntries(
    model.criteria
      .filter((criterion) => criterion.input.kind === 'field' && fieldValues[criterion.id] !== undefined)
      .map((criterion) => [criterion.id, fieldValues[criterion.id] ?? 0]),
  );
  const version = modelVersion(model);
  return {
    result: computeScore(model, { ...ratings, ...fields }, settings.missingValues),
    counted: counted.map((scorer) => scorer.accountId),
    earlierModelVersion: counted.some((scorer) => scorer.modelVersion !== version),
  };
}

/** The model candidates are scored with, or null when scoring is off or none is chosen. */
export function activeModel(settings: ScoringSettings): ScoringModel | null {
  if (!settings.enabled) return null;
  return settings.models.find((model) => model.id === settings.activeModelId) ?? null;
}

/**
 * Checks one scorer's ratings against the model: only rateable criteria, whole levels 1–5 on a
 * scale, 0–3 on a theme. Answers the problems, said to the scorer (empty: fine).
 */
export function ratingProblems(model: ScoringModel, ratings: CriterionValues): string[] {
  const problems: string[] = [];
  for (const [criterionId, rating] of Object.entries(ratings)) {
    const criterion = model.criteria.find((candidate) => candidate.id === criterionId);
    if (!criterion) {
      problems.push(`The model has no criterion "${criterionId}"; reload the panel`);
    } else if (criterion.input.kind === 'field') {
      problems.push(`${criterion.name} comes from a Jira field and is not rated`);
    } else if (
      criterion.input.kind === 'scale' &&
      !(Number.isInteger(rating) && rating >= 1 && rating <= 5)
    ) {
      problems.push(`${criterion.name} is rated on levels 1 to 5`);
    } else if (
      criterion.input.kind === 'theme' &&
      !(Number.isInteger(rating) && rating >= 0 && rating <= 3)
    ) {
      problems.push(`${criterion.name} is rated 0 to 3`);
    }
  }
  return problems;
}
