import path from 'node:path';

/**
 * Where the Custom UI builds go: `<staticRoot>/dist`, or `PMO_STATIC_DIST` when set (so parallel
 * builds and browser test runs can each use their own folder). Callers pass the static/ folder
 * because this module is loaded both as ESM (Vite) and as CommonJS (jest, tsx).
 */
export function staticDistDir(staticRoot: string): string {
  const override = process.env.PMO_STATIC_DIST;
  return override ? path.resolve(override) : path.join(staticRoot, 'dist');
}
