import type { IndicatorName } from './health';

/** What every view calls each health indicator, in the engine's order. */
export const INDICATOR_LABEL: Record<IndicatorName, string> = {
  schedule: 'Schedule',
  blockers: 'Blockers',
  risk: 'Risk',
  compliance: 'Compliance',
  staleness: 'Staleness',
  variance: 'Schedule variance',
  scope: 'Scope change',
};

/** The indicator with what its value measures, for charts and tables of values. */
export const INDICATOR_MEASURE_LABEL: Record<IndicatorName, string> = {
  schedule: 'Schedule (overdue %)',
  blockers: 'Blockers (blocked %)',
  risk: 'Risk (highest score)',
  compliance: 'Compliance (%)',
  staleness: 'Staleness (stale %)',
  variance: 'Schedule variance (days late)',
  scope: 'Scope change (%)',
};
