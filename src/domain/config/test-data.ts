import { defaultPmoConfig, type PmoConfig } from './schema';

/** For tests: a configuration (the defaults unless `from` is given) as `recipe` edits it; the original stays untouched. */
export function editedConfig(
  recipe: (config: PmoConfig) => void,
  from: PmoConfig = defaultPmoConfig,
): PmoConfig {
  const config = structuredClone(from);
  recipe(config);
  return config;
}
