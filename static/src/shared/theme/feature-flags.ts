/**
 * Atlaskit components check rollout flags through @atlaskit/platform-feature-flags. Outside
 * Atlassian's own front ends no flag client is initialised, so every check answers "off" and logs a
 * console warning. Answer "off" up front (the same result, without the noise), unless a host has
 * installed a resolver of its own. Import this module first in every entry.
 */
type FlagGlobal = { booleanResolver?: ((flag: string) => boolean) | null };

const KEY = '__PLATFORM_FEATURE_FLAGS__';
const host = globalThis as typeof globalThis & { [KEY]?: FlagGlobal };
const current = host[KEY];
if (!current?.booleanResolver) {
  host[KEY] = { ...current, booleanResolver: () => false };
}
