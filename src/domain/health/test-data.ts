import type { ProjectHealthFacts } from './health';

/** For tests: a project's health facts with ten open issues and nothing wrong, as `overrides` change them. */
export function healthFacts(overrides: Partial<ProjectHealthFacts> = {}): ProjectHealthFacts {
  return {
    open: 10,
    overdue: 0,
    openWithoutDueDate: 0,
    overdueKeys: [],
    dependencies: undefined,
    inProgress: 0,
    stale: 0,
    staleKeys: [],
    risks: [],
    compliance: undefined,
    ...overrides,
  };
}
