import type { AppDeps } from '../services/deps';

/** The standards resolvers, merged into the app's resolver handler in index.ts. */
export function createStandardsResolvers(_deps: AppDeps) {
  return {} as const;
}
