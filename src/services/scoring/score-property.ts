import type { CandidateScore } from '../../domain/scoring/candidate-score';

/** The issue entity property that makes scores searchable in JQL (declared in manifest.yml). */
export const SCORE_PROPERTY_KEY = 'pmoScore';

/**
 * The property's value. JQL reads `pmoScore > 5` and `pmoScoreComplete = "true"`; an issue whose
 * score is left unranked carries no `score`, so `pmoScore > 0` does not find it.
 */
export interface ScoreProperty {
  score?: number;
  complete: 'true' | 'false';
  model: string;
  modelVersion: string;
  scorers: number;
  updatedAt: string;
}

export function scorePropertyOf(
  score: CandidateScore,
  model: { id: string; version: string },
  now: Date,
): ScoreProperty {
  const value = score.result.score;
  return {
    ...(value === null ? {} : { score: Math.round(value * 100) / 100 }),
    complete: score.result.complete ? 'true' : 'false',
    model: model.id,
    modelVersion: model.version,
    scorers: score.counted.length,
    updatedAt: now.toISOString(),
  };
}
