import type { AppDeps } from '../services/deps';

/** The settings resolvers, merged into the app's resolver handler in index.ts. */
export function createSettingsResolvers(_deps: AppDeps) {
  return {} as const;
}
