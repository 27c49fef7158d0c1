import { defaultEngineSettings } from '../settings';
import type { RiskEntry } from './raid';
import { scoreRisk } from './raid';

/** For tests: an open, owned risk of the key's project, scored with the default matrix, as `overrides` change it. */
export function riskEntry(
  key: string,
  probability: number,
  impact: number,
  overrides: Partial<RiskEntry> = {},
): RiskEntry {
  return {
    key,
    summary: key,
    projectKey: key.split('-')[0] ?? key,
    status: 'Open',
    open: true,
    ...scoreRisk(probability, impact, defaultEngineSettings),
    roam: 'owned',
    owner: null,
    due: null,
    ...overrides,
  };
}
