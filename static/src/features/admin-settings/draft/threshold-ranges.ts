import type { PmoConfig } from '@domain/config/schema';
import type { EngineSettings } from '@domain/settings';

/**
 * The ranges the health thresholds form holds each value to (#14.6), said the way an admin reads
 * them: a share of issues lies between 0% and 100%, a count of issues is never negative. The schema
 * may say the same in its own words; these come first so the field shows one clear sentence.
 */

type Indicator = keyof EngineSettings['health'];

/** Indicators measured as a percentage of issues (the rest count issues). */
export const PERCENT_INDICATORS: ReadonlySet<Indicator> = new Set([
  'schedule',
  'blocked',
  'staleness',
  'compliance',
  'scope',
]);

export interface RangeProblem {
  path: (string | number)[];
  message: string;
}

function rangeMessage(value: number, percent: boolean): string | null {
  if (Number.isNaN(value)) return null; // "Enter a number." comes from the schema.
  if (value < 0) return percent ? 'A percentage cannot be negative; use 0 to 100.' : 'Cannot be negative.';
  if (percent && value > 100) return 'A percentage cannot be more than 100%; use 0 to 100.';
  return null;
}

export function thresholdRangeProblems(config: PmoConfig): RangeProblem[] {
  const problems: RangeProblem[] = [];
  const health = config.engine.health;
  for (const indicator of Object.keys(health) as Indicator[]) {
    for (const level of ['amber', 'red'] as const) {
      const message = rangeMessage(health[indicator][level], PERCENT_INDICATORS.has(indicator));
      if (message) problems.push({ path: ['engine', 'health', indicator, level], message });
    }
  }
  return problems;
}
