import { defaultPmoConfig, type PmoConfig } from './schema';

/** For tests: the default configuration as `recipe` edits it (the defaults themselves stay untouched). */
export function editedConfig(recipe: (config: PmoConfig) => void): PmoConfig {
  const config = structuredClone(defaultPmoConfig);
  recipe(config);
  return config;
}
