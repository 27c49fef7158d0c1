import type { Thresholds } from '../settings';

/**
 * `count / total` as a percentage for people: whole numbers, unless rounding would carry the figure
 * across a threshold or to 100 (19.96% is shown as 19.9%, not 20%, when red starts at 20%; 199 of 200
 * as 99.5%, never 100%). The one rounding rule of every percentage the app shows (overview,
 * compliance view, CSV, report CLI).
 */
export function percent(
  count: number,
  total: number,
  thresholds: readonly number[],
): { value: number; text: string } {
  const exact = total === 0 ? 0 : (count * 100) / total;
  const rounded = Math.round(exact);
  const misleading = [...thresholds, 100].some((t) => rounded >= t !== exact >= t);
  const value = misleading ? Math.floor(exact * 10) / 10 : rounded;
  return { value, text: `${value}%` };
}

/**
 * The share of `evaluated` issues that are compliant, and its RAG against the compliance thresholds
 * (lower is worse: amber below `amber`, red below `red`, compared without rounding). The project's
 * health indicator, the compliance view's rows, cells and totals all use this, so one project shows
 * one figure everywhere.
 */
export function complianceShare(
  compliant: number,
  evaluated: number,
  t: Thresholds,
): { percent: number; rag: 'green' | 'amber' | 'red' } {
  const rag =
    compliant * 100 < t.red * evaluated ? 'red' : compliant * 100 < t.amber * evaluated ? 'amber' : 'green';
  return { percent: percent(compliant, evaluated, [t.amber, t.red]).value, rag };
}
