import type { DecisionScore } from '@domain/scoring/decision';

/** The score a decision was made on, as people read it: "3.33 with WSJF", "Not scored". */
export function decisionScoreText(score: DecisionScore | null): string {
  if (score === null || score.value === null) return 'Not scored';
  const value = score.value.toLocaleString('en', { maximumFractionDigits: score.value >= 100 ? 0 : 2 });
  return `${value}${score.complete ? '' : ' (incomplete)'} with ${score.model.name}`;
}
