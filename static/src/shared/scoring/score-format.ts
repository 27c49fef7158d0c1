import type { ScoreResultView } from '@contracts/scoring';

/** A score as people read it: two decimals at most for ratios, whole numbers for 0–100 scores. */
export function formatScore(score: number | null, formula: 'weighted' | 'ratio' | 'product'): string {
  if (score === null) return '–';
  const digits = formula === 'weighted' ? 0 : score >= 100 ? 0 : 2;
  return score.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** "Incomplete: 1 criterion not rated" and the like; null when complete. */
export function incompleteText(result: ScoreResultView): string | null {
  if (result.complete) return null;
  const count = result.missing.length;
  return `Incomplete: ${count} ${count === 1 ? 'criterion' : 'criteria'} not rated`;
}

export const MISSING_RULE_TEXT = {
  unranked: 'Left unranked until every criterion is rated.',
  worst: 'Missing ratings count as the worst level.',
  skip: 'Scored from the rated criteria alone.',
} as const;
